import type { PreviewConnectionExplanation, PreviewDirectionExplanation, PreviewPolicyRef } from '../protocol/preview';
import { explainCell, type CellDirection } from '../simulator/network';
import type { CompiledPolicy, PolicyRule } from '../simulator/network/types';
import type { DryRunOutput } from './dryRun';
import type { Locator } from './previewModel';

/**
 * The preview's explanation of one reachability cell (`drydock/explainConnection`), from the run
 * behind the preview: `from`/`to` are the matrix's endpoint labels (or, without a matrix, query
 * endpoints). Each policy and rule carries where it was written. Null when an endpoint is unknown.
 */
export function connectionExplanation(run: Pick<DryRunOutput, 'reach' | 'reachInput'>, from: string, to: string, locate: Locator): PreviewConnectionExplanation | null {
  const endpoints = run.reach.matrix?.endpoints ?? [];
  const endpoint = (label: string) => endpoints.find((e) => e.label === label) ?? label;
  const cell = explainCell(run.reachInput, endpoint(from), endpoint(to));
  if (!cell) return null;
  const policyRef = (policy: CompiledPolicy): PreviewPolicyRef => ({ policy: policy.key, source: locate(policy.manifest.source) });
  const ruleRef = (policy: CompiledPolicy, rule: PolicyRule): PreviewPolicyRef => ({
    policy: policy.key,
    rule: { direction: rule.direction, index: rule.index },
    source: locate({ ...policy.manifest.source, path: [...policy.manifest.source.path, 'spec', rule.direction, rule.index] }),
  });
  const side = (direction: CellDirection): PreviewDirectionExplanation => ({
    direction: direction.direction,
    subject: direction.subject,
    governed: direction.governed,
    isolatedBy: direction.isolatedBy.map(policyRef),
    ports: direction.ports.map(({ verdict, allowedBy }) => ({
      allowed: verdict.allowed,
      allowedBy: allowedBy.map(({ policy, rule }) => ruleRef(policy, rule)),
      explanation: verdict.explanation,
    })),
  });
  return {
    from,
    to,
    source: cell.source,
    destination: cell.destination,
    ...(cell.ungoverned ? { ungoverned: cell.ungoverned } : {}),
    ports: cell.ports.map((p) => ({ protocol: p.protocol, port: p.port, ...(p.otherPorts ? { otherPorts: true } : {}), allowed: p.allowed })),
    egress: side(cell.egress),
    ingress: side(cell.ingress),
    ...(cell.notes.length > 0 ? { notes: cell.notes } : {}),
  };
}

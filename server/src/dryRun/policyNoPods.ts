import { isPlainObject } from '../language/manifests';
import type { WorkspaceIndex } from '../language/rules/workspace/workspaceIndex';
import { compileLabelSelector } from '../simulator/model/labelSelector';
import type { Manifest, SimFinding, SourceRef } from '../simulator/model/source';

const SCALABLE_KINDS: ReadonlySet<string> = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);

/**
 * `ref/policy-selects-nothing` of a dry run that saw only part of the workspace (the editor dry-runs
 * each file on its own): a NetworkPolicy whose pods another file defines does take effect, so its
 * warning is dropped — the editor then says what `drydock reach` on the folder says. `index` holds
 * every manifest known. Other findings pass through unchanged.
 */
export function explainPoliciesWithoutPods(findings: readonly SimFinding[], run: readonly Manifest[], index: WorkspaceIndex): SimFinding[] {
  if (!findings.some((f) => f.code === 'ref/policy-selects-nothing')) return [...findings];
  const runFiles = new Set(run.map((manifest) => manifest.source.file));
  const policies = new Map(run.filter((m) => m.object.kind === 'NetworkPolicy').map((m) => [sourceKey(m.source), m]));
  return findings.filter((finding) => {
    if (finding.code !== 'ref/policy-selects-nothing') return true;
    const policy = policies.get(sourceKey(finding.source));
    const spec = policy?.object.spec;
    if (!policy || !isPlainObject(spec)) return true;
    const selector = compileLabelSelector(spec.podSelector ?? {});
    const elsewhere = index
      .pods()
      .selected(index.namespaceOf(policy.object), selector)
      .some(({ manifest, kind }) => !runFiles.has(manifest.source.file) && !(SCALABLE_KINDS.has(kind) && isPlainObject(manifest.object.spec) && manifest.object.spec.replicas === 0));
    return !elsewhere;
  });
}

function sourceKey(source: SourceRef): string {
  return `${source.file}\u0000${source.document}\u0000${source.path.join('/')}`;
}

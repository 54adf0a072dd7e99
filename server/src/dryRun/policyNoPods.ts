import { isPlainObject } from '../language/manifests';
import type { WorkspaceIndex } from '../language/rules/workspace/workspaceIndex';
import { compileLabelSelector } from '../simulator/model/labelSelector';
import { sourceKey } from '../simulator/model/sameSource';
import type { Manifest, SimFinding } from '../simulator/model/source';
import { podsOutside } from './serviceNoPods';

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
    return !podsOutside(index, index.namespaceOf(policy.object), compileLabelSelector(spec.podSelector ?? {}), runFiles);
  });
}

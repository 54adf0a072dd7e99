import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { compileLabelSelector } from '../../../simulator/model/labelSelector';
import type { Manifest } from '../../../simulator/model/source';
import type { WorkspaceIndex } from './workspaceIndex';
import type { WorkspaceRule } from './workspaceRule';

const SCALABLE_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

/**
 * A PodDisruptionBudget that allows no voluntary disruption blocks every node drain: `maxUnavailable`
 * of 0 (or 0%), `minAvailable` of 100%, or a `minAvailable` count at least the replicas of the
 * workloads it selects.
 *
 * Worked example: a Deployment of 2 replicas and `minAvailable: 2` → 2 − 2 = 0 pods may be evicted.
 */
export const pdbBlocksEvictions: WorkspaceRule = {
  meta: { code: 'ref/pdb-blocks-evictions', defaultSeverity: 'warning', category: 'cross-resource', summary: 'A PodDisruptionBudget allows no pod to be evicted, so node drains hang.' },
  check(index, report) {
    for (const pdb of index.subjectsOfKind('PodDisruptionBudget')) {
      const spec = pdb.object.spec;
      if (!isPlainObject(spec)) continue;
      const { maxUnavailable, minAvailable } = spec;
      if (maxUnavailable === 0 || maxUnavailable === '0%' || maxUnavailable === '0') {
        report(pdb, ['spec', 'maxUnavailable'], l10n.t('`{0}` allows no voluntary eviction: node drains and cluster upgrades hang on these pods.', 'maxUnavailable: 0'));
        continue;
      }
      if (minAvailable === '100%') {
        report(pdb, ['spec', 'minAvailable'], l10n.t('`{0}` allows no voluntary eviction: node drains and cluster upgrades hang on these pods.', 'minAvailable: 100%'));
        continue;
      }
      if (typeof minAvailable !== 'number') continue;
      const replicas = selectedReplicas(index, pdb, spec.selector);
      if (replicas !== undefined && minAvailable >= replicas) {
        report(pdb, ['spec', 'minAvailable'], replicas === 1
            ? l10n.t('`minAvailable: {0}` with 1 selected replica allows no voluntary eviction: node drains hang on these pods.', String(minAvailable))
            : l10n.t('`minAvailable: {0}` with {1} selected replicas allows no voluntary eviction: node drains hang on these pods.', String(minAvailable), replicas));
      }
    }
  },
};

/** The total replicas of the workloads whose pods the selector selects (undefined when it selects none). */
function selectedReplicas(index: WorkspaceIndex, pdb: Manifest, rawSelector: unknown): number | undefined {
  let total: number | undefined;
  for (const source of index.pods().selected(index.namespaceOf(pdb.object), compileLabelSelector(rawSelector))) {
    const spec = source.manifest.object.spec;
    if (!SCALABLE_KINDS.has(source.kind) || !isPlainObject(spec) || !isPlainObject(spec.template)) continue;
    total = (total ?? 0) + (typeof spec.replicas === 'number' ? spec.replicas : 1);
  }
  return total;
}

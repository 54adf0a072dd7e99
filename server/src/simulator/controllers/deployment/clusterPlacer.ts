import * as l10n from '@vscode/l10n';
import { readClusterProfile } from '../../cluster/clusterProfile';
import { addClusterObject, emptyClusterObjects } from '../../model/clusterObjects';
import { compileLabelSelector, isRecord } from '../../model/labelSelector';
import { namespaceOf } from '../../model/podFromObject';
import type { Manifest, SimFinding } from '../../model/source';
import { createClusterState, removePod, scheduleOne } from '../../scheduler';
import { unboundedPlacer } from './podPlacer';
import type { PodPlacer } from './types';

/** Nodes read from a cluster profile for rollout previews. */
export const MAX_ROLLOUT_NODES = 10_000;

/**
 * How a rollout's pods are placed. One setup per run; `create(deployment)` gives each Deployment
 * a fresh placer over the cluster as it is (rollouts are previewed one at a time):
 *   - no cluster → `unboundedPlacer()`: every pod fits, the controller arithmetic alone decides;
 *   - a cluster profile (Node and running Pod objects, as `kubectl get nodes,pods -A -o yaml`
 *     prints them) → every pod goes through the scheduler (`scheduleOne` binds it, `removePod`
 *     frees its node). Running pods the Deployment's own selector matches are left out: they are
 *     the old version, which the rollout simulation places itself.
 * Namespaces, Services and PriorityClasses of the profile and of `manifests` (the new version)
 * are visible to the scheduler (namespace selectors, default topology spreading, priorities).
 */
export interface PlacementSetup {
  /** In words, for the CLI and the preview. */
  description: string;
  /** What reading the cluster profile reported. */
  findings: SimFinding[];
  create(deployment: Manifest): PodPlacer;
}

export function placerFor(clusterManifests: readonly Manifest[] | null, manifests: readonly Manifest[] = []): PlacementSetup {
  if (clusterManifests === null) {
    return { description: l10n.t('no cluster given: every pod is assumed to fit'), findings: [], create: () => unboundedPlacer() };
  }
  const objects = emptyClusterObjects();
  const profile = readClusterProfile([...clusterManifests], objects, { maxNodes: MAX_ROLLOUT_NODES });
  for (const manifest of manifests) addClusterObject(objects, manifest);
  return {
    description: l10n.t('{0} node(s) and {1} running pod(s) from the cluster profile', profile.nodes.length, profile.pods.length),
    findings: profile.findings,
    create(deployment) {
      const namespace = namespaceOf(deployment.object);
      const spec = isRecord(deployment.object.spec) ? deployment.object.spec : {};
      const own = compileLabelSelector(spec.selector);
      const running = profile.pods.filter((pod) => !(pod.namespace === namespace && own.matches(pod.labels)));
      const state = createClusterState(profile.nodes, running, { objects });
      return {
        place(pod) {
          const placement = scheduleOne(state, pod);
          return { node: placement.status === 'Pending' ? null : placement.node, message: placement.message };
        },
        remove(podKey) {
          removePod(state, podKey);
        },
      };
    },
  };
}

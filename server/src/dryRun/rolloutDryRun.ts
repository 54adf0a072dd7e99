import { placerFor, type RolloutResult } from '../simulator/controllers';
import type { Manifest, SimFinding } from '../simulator/model/source';
import type { DeploymentChange } from './changedDeployments';
import { rollOut } from './rollOut';

export interface RolloutDryRunInput {
  /** The running version (OLD). */
  from: readonly Manifest[];
  /** The new version (NEW): every apps/v1 Deployment in it is rolled out. */
  to: readonly Manifest[];
  /** The cluster profile's objects; null: no cluster, every pod is assumed to fit. */
  cluster: readonly Manifest[] | null;
  /** New pods never become ready. */
  neverReady: boolean;
}

export interface RolloutDryRunOutput {
  /** One per apps/v1 Deployment of `to`, in its order; none: `to` has no Deployment. */
  rollouts: RolloutResult[];
  /** How pods are placed, in words. */
  placement: string;
  /** "namespace/name" of the Deployments in `from` only (the change deletes them). */
  removed: string[];
  /** What reading the cluster profile reported, then each rollout's findings. */
  findings: SimFinding[];
}

/**
 * The dry run of `drydock rollout`: the rollout stage alone (nothing is scheduled but the rollouts'
 * pods). Unlike the editor's (`dryRun` with a baseline), every Deployment of the new version is rolled
 * out, changed or not, from its old version or from nothing (a first rollout); without a cluster
 * profile every pod fits, so the controller's arithmetic alone decides.
 */
export function rolloutDryRun(input: RolloutDryRunInput): RolloutDryRunOutput {
  const oldByKey = new Map(deploymentsOf(input.from).map((m) => [keyOf(m), m]));
  const targets = deploymentsOf(input.to);
  const removed = [...oldByKey.keys()].filter((key) => !targets.some((m) => keyOf(m) === key));
  const setup = placerFor(input.cluster, input.to);
  if (targets.length === 0) return { rollouts: [], placement: setup.description, removed, findings: [] };
  const changes: DeploymentChange[] = targets.map((manifest) => ({ old: oldByKey.get(keyOf(manifest)) ?? null, new: manifest, restartOnly: false }));
  const run = rollOut(setup, changes, input.neverReady);
  return { rollouts: run.rollouts, placement: setup.description, removed, findings: [...setup.findings, ...run.findings] };
}

function deploymentsOf(manifests: readonly Manifest[]): Manifest[] {
  return manifests.filter((m) => m.object.kind === 'Deployment' && m.object.apiVersion === 'apps/v1');
}

function keyOf(manifest: Manifest): string {
  return `${manifest.object.metadata?.namespace || 'default'}/${manifest.object.metadata?.name ?? ''}`;
}

import { simulateRollout, type PlacementSetup, type RolloutResult } from '../simulator/controllers';
import type { SimFinding } from '../simulator/model/source';
import type { DeploymentChange } from './changedDeployments';

export interface RolloutsRun {
  /** One per change, in order: step by step, each step with every pod of the Deployment on its node (bounded). */
  rollouts: RolloutResult[];
  /** The findings of the rollouts, less those of restart previews (an unchanged Deployment's stall is not a finding). */
  findings: SimFinding[];
}

/**
 * The rollout stage of the dry runs (`dryRun` for the editor and the preview, `rolloutDryRun` for
 * `drydock rollout`): each change rolled out on its own through the scheduler, over the cluster as the
 * placement setup has it (`placerFor`: a profile, or every pod fits).
 */
export function rollOut(setup: PlacementSetup, changes: readonly DeploymentChange[], neverReady: boolean): RolloutsRun {
  const rollouts: RolloutResult[] = [];
  const findings: SimFinding[] = [];
  for (const change of changes) {
    const result = simulateRollout(change.old, change.new, setup.create(change.new), { neverReady });
    rollouts.push(result);
    if (!change.restartOnly) findings.push(...result.findings);
  }
  return { rollouts, findings };
}

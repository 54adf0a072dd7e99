import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Manifest } from '../simulator/model/source';
import { manifestsOfInputs, readInputs } from './inputs';
import { DEFAULT_PROFILE_PATH } from './simulate';

/**
 * `drydock check`'s cluster profile (`--cluster FILE`, else `.drydock/cluster.yaml` when it exists, as
 * `drydock simulate` reads it): its manifests, for the admission policies it holds (the rule keeps only
 * those, `clusterPolicyObjects`). No profile: none. A named profile that cannot be read is an error.
 */
export async function clusterProfileManifests(path: string | undefined, cwd: string): Promise<{ manifests: Manifest[]; errors: string[] }> {
  const profile = path ?? (existsSync(resolve(cwd, DEFAULT_PROFILE_PATH)) ? DEFAULT_PROFILE_PATH : undefined);
  if (profile === undefined) return { manifests: [], errors: [] };
  const inputs = await readInputs([profile], cwd);
  return { manifests: manifestsOfInputs(inputs), errors: inputs.errors };
}

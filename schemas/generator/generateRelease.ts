// Builds the whole generated document for one installed client release.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readApiEndpoints } from './apiEndpoints';
import { collectGroups, collectKinds, kindKey } from './apiGroups';
import { buildDefinitions } from './buildDefinitions';
import { readModels } from './readModels';
import type { ClientRelease } from './releases';
import type { GeneratedSchemas } from './types';

export const GENERATED_BY = 'schemas/generator';

export function generateRelease(release: ClientRelease, rootDir: string): GeneratedSchemas {
  const packageDir = join(rootDir, 'node_modules', release.packageAlias);
  const packageJson = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string; version: string };
  const genDir = join(packageDir, 'dist', 'gen');

  const { models, specVersion } = readModels(genDir);
  if (!specVersion.includes(release.kubernetesVersion)) {
    throw new Error(`${release.packageAlias}: models say spec ${specVersion}, expected Kubernetes ${release.kubernetesVersion}`);
  }
  const kinds = collectKinds(readApiEndpoints(genDir));
  for (const kind of kinds) {
    if (!models.has(kind.model)) throw new Error(`${kindKey(kind)}: model ${kind.model} is not exported`);
  }

  return {
    kubernetesVersion: release.kubernetesVersion,
    provenance: {
      package: packageJson.name,
      packageVersion: packageJson.version,
      openapiSpecVersion: specVersion,
      generatedBy: GENERATED_BY,
    },
    kinds: Object.fromEntries(kinds.map((kind) => [kindKey(kind), kind.model])),
    namespaced: Object.fromEntries(kinds.map((kind) => [kindKey(kind), kind.namespaced])),
    groups: collectGroups(kinds),
    definitions: buildDefinitions(models, kinds.map((kind) => kind.model)),
  };
}

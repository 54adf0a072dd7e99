import { splitApiVersion } from '../../schema/resolveKind';
import type { Manifest } from '../../../simulator/model/source';
import type { WorkspaceRule } from './workspaceRule';

/** Two manifests that define the same object (group, kind, namespace and name): one overwrites the other on apply. */
export const duplicateObject: WorkspaceRule = {
  meta: { code: 'ref/duplicate-object', defaultSeverity: 'error', category: 'cross-resource', summary: 'Two manifests define the same object (same kind, namespace and name).' },
  check(index, report) {
    const seen = new Map<string, Manifest>();
    for (const manifest of index.manifests) {
      const { apiVersion, kind, metadata } = manifest.object;
      const name = metadata?.name;
      if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof name !== 'string' || name === '') continue;
      const key = `${splitApiVersion(apiVersion).group}/${kind}/${index.namespaceOf(manifest.object)}/${name}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, manifest);
        continue;
      }
      const where = first.source.file === manifest.source.file ? `document ${first.source.document + 1} of this file` : `${first.source.file} (document ${first.source.document + 1})`;
      report(manifest, ['metadata', 'name'], `${kind} \`${name}\` is already defined in ${where}: applying both keeps only the last one.`);
    }
  },
};

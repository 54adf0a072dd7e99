import * as l10n from '@vscode/l10n';
import { splitApiVersion } from '../../schema/resolveKind';
import type { Manifest } from '../../../simulator/model/source';
import type { WorkspaceRule } from './workspaceRule';

/**
 * Two manifests that define the same object (group, kind, namespace and name) in one folder: one
 * overwrites the other on `kubectl apply -f <folder>`. Copies in different folders are left alone:
 * they are usually variants (an overlay, one folder per environment or cluster), not applied together.
 * A warning, not an error: the API server accepts both applies (the last one wins), and a folder may
 * hold alternative installs side by side on purpose.
 */
export const duplicateObject: WorkspaceRule = {
  meta: { code: 'ref/duplicate-object', defaultSeverity: 'warning', category: 'cross-resource', summary: 'Two manifests in one folder define the same object (same kind, namespace and name).' },
  check(index, report) {
    const seen = new Map<string, Manifest>();
    for (const manifest of index.manifests) {
      const { apiVersion, kind, metadata } = manifest.object;
      const name = metadata?.name;
      if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof name !== 'string' || name === '') continue;
      const key = `${folderOf(manifest.source.file)}\u0000${splitApiVersion(apiVersion).group}/${kind}/${index.namespaceOf(manifest.object)}/${name}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, manifest);
        continue;
      }
      const message =
        first.source.file === manifest.source.file
          ? l10n.t('{0} `{1}` is already defined in document {2} of this file: applying both keeps only the last one.', kind, name, first.source.document + 1)
          : l10n.t('{0} `{1}` is already defined in {2} (document {3}): applying both keeps only the last one.', kind, name, first.source.file, first.source.document + 1);
      report(manifest, ['metadata', 'name'], message);
    }
  },
};

/** The folder part of a file URI or path (everything up to the last `/`); '' for a URI without one (untitled). */
function folderOf(file: string): string {
  return file.slice(0, file.lastIndexOf('/') + 1);
}

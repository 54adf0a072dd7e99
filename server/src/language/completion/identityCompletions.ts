import * as l10n from '@vscode/l10n';
import type { CrdRegistry } from '../crd/crdRegistry';
import type { Range } from '../findings';
import type { SchemaBundle } from '../schema/schemaBundle';
import type { CompletionEntry } from './completionEntry';
import { kindCatalog } from './kindCatalog';
import { OBJECT_SNIPPETS } from './snippets';

/** Values for `apiVersion`: the versions serving the document's kind, or every apiVersion. */
export function apiVersionCompletions(bundle: SchemaBundle, crds: CrdRegistry | undefined, kind: string | undefined, range: Range): CompletionEntry[] {
  const catalog = kindCatalog(bundle, crds);
  const matching = kind ? catalog.filter((e) => e.kind === kind) : [];
  const apiVersions = [...new Set((matching.length ? matching : catalog).map((e) => e.apiVersion))];
  return apiVersions.map((apiVersion, index) => ({ label: apiVersion, kind: 'module' as const, detail: kind && matching.length ? l10n.t('serves {0}', kind) : undefined, insertText: apiVersion, snippet: false, range, sortText: String(index).padStart(4, '0') }));
}

/**
 * Values for `kind`: the kinds of the document's apiVersion, or every kind; when the document has no
 * apiVersion yet, choosing a kind also inserts its (preferred) apiVersion at `apiVersionAt`.
 */
export function kindCompletions(bundle: SchemaBundle, crds: CrdRegistry | undefined, apiVersion: string | undefined, range: Range, apiVersionAt: Range | undefined): CompletionEntry[] {
  const catalog = kindCatalog(bundle, crds);
  const served = apiVersion ? catalog.filter((e) => e.apiVersion === apiVersion) : [];
  const seen = new Set<string>();
  const entries: CompletionEntry[] = [];
  for (const entry of served.length ? served : catalog) {
    if (seen.has(entry.kind) && !apiVersionAt) continue;
    const key = `${entry.kind}@${entry.apiVersion}`;
    if (seen.has(key)) continue;
    seen.add(entry.kind);
    seen.add(key);
    entries.push({
      label: entry.kind,
      kind: 'kind',
      detail: entry.crdName ? l10n.t('{0} (CRD {1})', entry.apiVersion, entry.crdName) : entry.apiVersion,
      insertText: entry.kind,
      snippet: false,
      range,
      sortText: `${entry.kind}\u0000${String(entries.length).padStart(4, '0')}`,
      ...(apiVersionAt && !apiVersion ? { additionalEdits: [{ range: apiVersionAt, newText: `apiVersion: ${entry.apiVersion}\n` }] } : {}),
    });
  }
  return entries;
}

/**
 * Where a document starts: every apiVersion/kind pair of the chosen Kubernetes version (and of the
 * workspace's CRDs), and skeletons for the common kinds.
 */
export function newObjectCompletions(bundle: SchemaBundle, crds: CrdRegistry | undefined, range: Range): CompletionEntry[] {
  const entries: CompletionEntry[] = [];
  for (const snippet of OBJECT_SNIPPETS) {
    if (!bundle.kinds[`${snippet.apiVersion}/${snippet.kind}`]) continue;
    entries.push({
      label: l10n.t('{0} (new)', snippet.kind),
      kind: 'snippet',
      detail: l10n.t('{0} {1} skeleton', snippet.apiVersion, snippet.kind),
      documentation: snippet.description(),
      insertText: `apiVersion: ${snippet.apiVersion}\nkind: ${snippet.kind}\n${snippet.body}`,
      snippet: true,
      range,
      sortText: `0${snippet.kind}`,
      filterText: snippet.kind,
    });
  }
  const seen = new Set<string>();
  for (const entry of kindCatalog(bundle, crds)) {
    const key = `${entry.apiVersion}/${entry.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({
      label: `${entry.kind} ${entry.apiVersion}`,
      kind: 'kind',
      detail: entry.crdName ? l10n.t('custom resource (CRD {0})', entry.crdName) : l10n.t('Kubernetes {0}', bundle.kubernetesVersion),
      insertText: `apiVersion: ${entry.apiVersion}\nkind: ${entry.kind}\n`,
      snippet: false,
      range,
      sortText: `1${entry.kind}`,
      filterText: entry.kind,
    });
  }
  return entries;
}

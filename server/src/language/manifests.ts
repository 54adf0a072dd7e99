import type { KubeObject, Manifest } from '../simulator/model/source';
import type { ParsedFile } from './parse/parseFile';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A document "looks like" a Kubernetes object when it is a mapping with `apiVersion` or `kind`. */
export function looksLikeManifest(value: unknown): value is KubeObject {
  return isPlainObject(value) && ('apiVersion' in value || 'kind' in value);
}

/** Files with no document that looks like a Kubernetes object (a compose file, a CI workflow) are left alone. */
export function isManifestFile(parsed: ParsedFile): boolean {
  return parsed.documents.some((doc) => looksLikeManifest(doc.value) || (doc.value === undefined && MANIFEST_KEY.test(doc.chunk.text)));
}

/** For documents that did not parse: an `apiVersion` or `kind` key in the source text. */
const MANIFEST_KEY = /^[ \t{]*["']?(?:apiVersion|kind)["']?[ \t]*:/m;

/**
 * The Kubernetes objects of a parsed file, in document order, with the items of a `kind: List`
 * expanded in place. Documents that are not objects (or failed to parse) are skipped: the
 * validators report them.
 */
export function manifestsOf(file: string, parsed: ParsedFile): Manifest[] {
  const result: Manifest[] = [];
  parsed.documents.forEach((doc, document) => {
    const value = doc.value;
    if (!looksLikeManifest(value)) return;
    if (isListKind(value)) {
      for (const { index, object } of listItemsOf(value)) if (looksLikeManifest(object)) result.push({ source: { file, document, path: ['items', index] }, object });
      return;
    }
    result.push({ source: { file, document, path: [] }, object: value });
  });
  return result;
}

/**
 * A list that kubectl splits into its items on the client: `kind: List` (what `kubectl get -o yaml`
 * prints) and the `…List` kinds (`ConfigMapList`, `RoleBindingList`…). kubectl decodes an object with
 * `items` as a list (unstructured decoding) and flattens it (`FlattenListVisitor`): the list itself is
 * never sent to the API server, each item is, as if it were a document of its own.
 */
export function isListKind(value: KubeObject): boolean {
  const kind = value.kind;
  if (typeof kind !== 'string' || !kind.endsWith('List')) return false;
  if ((value as Record<string, unknown>).items !== undefined) return true;
  return kind === 'List' && (value.apiVersion === 'v1' || value.apiVersion === undefined);
}

/**
 * The items of a list (`isListKind`) that are mappings, as kubectl decodes them: an item with neither
 * apiVersion nor kind takes the list's apiVersion and the list's kind less `List` (`decodeToList` in
 * apimachinery: a `ConfigMapList`'s bare items are ConfigMaps).
 */
export function listItemsOf(list: KubeObject): Array<{ index: number; object: KubeObject }> {
  const items = (list as Record<string, unknown>).items;
  if (!Array.isArray(items)) return [];
  const itemKind = typeof list.kind === 'string' ? list.kind.slice(0, -'List'.length) : '';
  const result: Array<{ index: number; object: KubeObject }> = [];
  items.forEach((item, index) => {
    if (!isPlainObject(item)) return;
    // (A `kind: List` has no item kind to give: its bare items get only the apiVersion, and kubectl says the kind is missing.)
    const inherits = item.apiVersion === undefined && item.kind === undefined && list.apiVersion !== undefined;
    result.push({ index, object: inherits ? { apiVersion: list.apiVersion, ...(itemKind ? { kind: itemKind } : {}), ...item } : (item as KubeObject) });
  });
  return result;
}

/** The same test on the text of a document that does not parse yet (as while typing). */
export const LIST_KIND_LINE = /^kind:[ \t]*["']?\w*List["']?[ \t]*$/m;

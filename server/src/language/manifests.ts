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
      const items = (value as Record<string, unknown>).items;
      if (!Array.isArray(items)) return;
      items.forEach((item, index) => {
        if (looksLikeManifest(item)) result.push({ source: { file, document, path: ['items', index] }, object: item });
      });
      return;
    }
    result.push({ source: { file, document, path: [] }, object: value });
  });
  return result;
}

/** `kind: List` in `v1` (what `kubectl get -o yaml` prints), and the `…List` kinds of built-in types. */
export function isListKind(value: KubeObject): boolean {
  return value.kind === 'List' && (value.apiVersion === 'v1' || value.apiVersion === undefined);
}

import { isListKind, isPlainObject, LIST_KIND_LINE, listItemsOf } from '../manifests';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { FieldPath, KubeObject } from '../../simulator/model/source';

/** The Kubernetes object a field path of a document belongs to, and the path relative to it. */
export interface ObjectAtCursor {
  /** Path of the object in the document ([] or ['items', i]). */
  objectPath: FieldPath;
  /** The rest of the path, inside the object. */
  path: FieldPath;
  apiVersion: string | undefined;
  kind: string | undefined;
  object: KubeObject | undefined;
}

/**
 * Splits a document path into the object (the document, or a List item) and the path inside it.
 * apiVersion and kind come from the parsed value, or from the text when the document does not
 * parse yet (as while typing).
 */
export function objectAtCursor(doc: ParsedDocument, path: FieldPath): ObjectAtCursor {
  const value = isPlainObject(doc.value) ? (doc.value as KubeObject) : undefined;
  const isList = value ? isListKind(value) : LIST_KIND_LINE.test(doc.chunk.text);
  if (isList && path[0] === 'items' && typeof path[1] === 'number') {
    // As kubectl decodes it: a bare item of a ConfigMapList is a ConfigMap.
    const item = value ? listItemsOf(value).find((entry) => entry.index === path[1])?.object : undefined;
    return { objectPath: path.slice(0, 2), path: path.slice(2), apiVersion: str(item?.apiVersion), kind: str(item?.kind), object: item };
  }
  return {
    objectPath: [],
    path,
    apiVersion: str(value?.apiVersion) ?? topLevel(doc.chunk.text, 'apiVersion'),
    kind: str(value?.kind) ?? topLevel(doc.chunk.text, 'kind'),
    object: value,
  };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function topLevel(text: string, key: string): string | undefined {
  const match = new RegExp(`^${key}:[ \\t]*["']?([^\\s"'#]+)`, 'm').exec(text);
  return match?.[1];
}

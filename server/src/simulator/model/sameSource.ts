import type { SourceRef } from './source';

/** The same object of the same document of the same file. */
export function sameSource(a: SourceRef, b: SourceRef): boolean {
  return a.file === b.file && a.document === b.document && a.path.length === b.path.length && a.path.every((segment, i) => segment === b.path[i]);
}

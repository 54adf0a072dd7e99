import type { SourceRef } from './source';

/** A source as one string: two sources have the same key when `sameSource` holds (a map key). */
export function sourceKey(source: SourceRef): string {
  return `${source.file}\u0000${source.document}\u0000${source.path.join('/')}`;
}

/** The same object of the same document of the same file. */
export function sameSource(a: SourceRef, b: SourceRef): boolean {
  return a.file === b.file && a.document === b.document && a.path.length === b.path.length && a.path.every((segment, i) => segment === b.path[i]);
}

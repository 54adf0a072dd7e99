import type { YNode } from './yamlNode';

/**
 * Fast path for ordinary manifests: returns the tree and plain value of a one-document chunk, or
 * undefined when the chunk uses anything outside the supported subset (the caller then uses the
 * full YAML parser, which also produces the error messages).
 */
export function fastParse(_text: string): { root: YNode | null; value: unknown } | undefined {
  return undefined;
}

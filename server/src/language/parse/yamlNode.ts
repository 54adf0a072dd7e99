/**
 * The YAML tree every consumer (locate, hover, completion, quick fixes) walks. It is deliberately
 * smaller than the `yaml` library's AST so that a fast parser for ordinary manifests and the full
 * `yaml` parser (for everything else) can both produce it. Offsets are relative to the chunk text;
 * `range` is [start, end) of the node's content, excluding trailing comments and line breaks.
 */
export type YNode = YMap | YSeq | YScalar;

export interface YMap {
  kind: 'map';
  range: [number, number];
  flow: boolean;
  items: YPair[];
}

export interface YPair {
  /** Keys are scalars (a complex key is turned into a scalar of its source text). */
  key: YScalar;
  /** Null when the key has no value (`key:`). */
  value: YNode | null;
}

export interface YSeq {
  kind: 'seq';
  range: [number, number];
  flow: boolean;
  items: Array<YNode | null>;
}

export interface YScalar {
  kind: 'scalar';
  range: [number, number];
  /** The resolved value (string, number, boolean or null), as YAML 1.1 reads it. */
  value: unknown;
  /** How it was written. */
  style: 'plain' | 'single' | 'double' | 'block-literal' | 'block-folded';
}

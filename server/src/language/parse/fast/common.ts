import type { YMap, YScalar, YSeq } from '../yamlNode';

/**
 * Shared pieces of the fast-path parser. The fast path never reports problems: on anything outside
 * its subset it throws `BAIL`, and `fastParse` hands the chunk to the full parser instead.
 */
export class Bail {
  readonly reason = 'outside the fast-path subset';
}
export const BAIL = new Bail();

export function bail(): never {
  throw BAIL;
}

/** Deeper than this is left to the full parser (which has its own limits). */
export const MAX_DEPTH = 200;

/** Longest implicit key the fast path takes (the `yaml` library refuses keys over 1024 characters). */
export const MAX_KEY_LENGTH = 1000;

/** Characters the fast path leaves to the full parser wherever they are: tabs, controls (but CR), BOM, Unicode line breaks. */
export const UNSUPPORTED_CHARACTERS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]/;

/**
 * Stand-ins for the nodes when a parse builds only the plain value (`tree: false`): the parsers read
 * nothing of them but `kind` and `flow`.
 */
export const VALUE_ONLY = {
  scalar: Object.freeze({ kind: 'scalar', range: Object.freeze([0, 0]), value: null, style: 'plain' }) as unknown as YScalar,
  blockMap: Object.freeze({ kind: 'map', range: Object.freeze([0, 0]), flow: false, items: Object.freeze([]) }) as unknown as YMap,
  flowMap: Object.freeze({ kind: 'map', range: Object.freeze([0, 0]), flow: true, items: Object.freeze([]) }) as unknown as YMap,
  blockSeq: Object.freeze({ kind: 'seq', range: Object.freeze([0, 0]), flow: false, items: Object.freeze([]) }) as unknown as YSeq,
  flowSeq: Object.freeze({ kind: 'seq', range: Object.freeze([0, 0]), flow: true, items: Object.freeze([]) }) as unknown as YSeq,
};

export function scalarNode(start: number, end: number, value: unknown, style: YScalar['style']): YScalar {
  return { kind: 'scalar', range: [start, end], value, style };
}

const SPACE = 32;
const LF = 10;

/** True when `c` (a character code, NaN past the end) is a space or a line break or the end. */
export function isBreakOrEnd(c: number): boolean {
  return c === SPACE || c === LF || c !== c;
}

/**
 * Characters a plain scalar may not start with in the subset: anchors, aliases, tags, directives,
 * reserved characters, and flow, block-scalar, comment and quote indicators (handled elsewhere or
 * left to the full parser).
 */
export function isSpecialStart(c: number): boolean {
  switch (c) {
    case 38: // &
    case 42: // *
    case 33: // !
    case 37: // %
    case 64: // @
    case 96: // `
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 124: // |
    case 62: // >
    case 35: // #
    case 34: // "
    case 39: // '
      return true;
    default:
      return false;
  }
}

/** `-`, `?` or `:` followed by a space, a line break or the end: a block indicator, not a scalar. */
export function isIndicatorAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const indicator = c === 45 /* - */ || c === 63 /* ? */ || c === 58; /* : */
  return indicator && isBreakOrEnd(text.charCodeAt(i + 1));
}

/** `---` or `...` followed by a space, a line break or the end, at `i` (a line start). */
export function isDocumentMarker(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 45 /* - */ && c !== 46 /* . */) return false;
  return text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c && isBreakOrEnd(text.charCodeAt(i + 3));
}

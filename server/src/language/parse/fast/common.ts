import type { YNode, YScalar } from '../yamlNode';

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

/** A parsed node with its plain value and `ext`: where the `yaml` library's node ends including its trailing trivia (its `range[2]`). */
export interface Parsed {
  node: YNode;
  value: unknown;
  ext: number;
}

const SPACE = 32;
const LF = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DOT = 46;
const COMMA = 44;
const QUOTE = 34;
const APOS = 39;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const PIPE = 124;
const GT = 62;

/** Deeper than this is left to the full parser (which has its own limits). */
export const MAX_DEPTH = 200;

/** Longest implicit key the fast path takes (the `yaml` library refuses keys over 1024 characters). */
export const MAX_KEY_LENGTH = 1000;

/** True when `c` ends a token the way YAML's indicators need (space, line break or end of text). */
export function isBreakOrEnd(c: number): boolean {
  return c === SPACE || c === LF || c !== c; // NaN: past the end
}

/** True for the flow indicators `,[]{}`. */
export function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/**
 * Characters a plain scalar may not start with in the subset: indicators for anchors, aliases, tags,
 * directives, reserved characters, flow/block syntax handled elsewhere.
 */
export function isSpecialStart(c: number): boolean {
  switch (c) {
    case 38: // &
    case 42: // *
    case 33: // !
    case 37: // %
    case 64: // @
    case 96: // `
    case COMMA:
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case PIPE:
    case GT:
    case HASH:
    case QUOTE:
    case APOS:
      return true;
    default:
      return false;
  }
}

/** `-`, `?` or `:` followed by a space, a line break or the end: a block indicator, not a scalar. */
export function isIndicatorAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c === DASH || c === 63 /* ? */ || c === COLON) && isBreakOrEnd(text.charCodeAt(i + 1));
}

/** Position of the line break ending the line that holds `i` (or the text length). */
export function lineEnd(text: string, i: number): number {
  const e = text.indexOf('\n', i);
  return e === -1 ? text.length : e;
}

/** `---` or `...` followed by a space, a line break or the end, at `i` (a line start). */
export function isDocumentMarker(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== DASH && c !== DOT) return false;
  return text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c && isBreakOrEnd(text.charCodeAt(i + 3));
}

export function scalarNode(start: number, end: number, value: unknown, style: YScalar['style']): YScalar {
  return { kind: 'scalar', range: [start, end], value, style };
}

import type { FieldPath } from '../../simulator/model/source';

interface FlowFrame {
  type: 'map' | 'seq';
  path: FieldPath;
  keys: Set<string>;
  index: number;
  currentKey: string | undefined;
  tokenStart: number;
}

export interface FlowCursor {
  position: 'key' | 'value';
  path: FieldPath;
  prefix: string;
  siblings: Set<string>;
}

/**
 * The cursor context inside a flow collection: `text` runs from its opening bracket to the cursor,
 * `rest` from the cursor to the end of the line.
 *
 * Worked example: `{matchLabels: {app: web}, ma` at base ['spec', 'selector'] → a key in
 * ['spec', 'selector'], prefix `ma`, siblings {matchLabels}.
 */
export function flowContext(text: string, rest: string, base: FieldPath): FlowCursor {
  const stack: FlowFrame[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') {
      const path = top ? [...top.path, top.type === 'map' ? (top.currentKey ?? '') : top.index] : [...base];
      stack.push({ type: c === '{' ? 'map' : 'seq', path, keys: new Set(), index: 0, currentKey: undefined, tokenStart: i + 1 });
    } else if (c === '}' || c === ']') {
      if (stack.length > 1) stack.pop();
    } else if (c === ',' && top) {
      if (top.type === 'seq') top.index++;
      top.currentKey = undefined;
      top.tokenStart = i + 1;
    } else if (c === ':' && top?.type === 'map' && top.currentKey === undefined && (i + 1 === text.length || /[\s{[]/.test(text[i + 1]))) {
      top.currentKey = unquote(text.slice(top.tokenStart, i).trim());
      top.keys.add(top.currentKey);
      top.tokenStart = i + 1;
    }
  }
  const top = stack[stack.length - 1];
  if (!top) return { position: 'value', path: base, prefix: '', siblings: new Set() };
  const prefix = text.slice(top.tokenStart).trimStart();
  if (top.type === 'seq') return { position: 'value', path: [...top.path, top.index], prefix, siblings: new Set() };
  if (top.currentKey !== undefined) return { position: 'value', path: [...top.path, top.currentKey], prefix, siblings: new Set() };
  for (const key of keysAhead(rest)) top.keys.add(key);
  return { position: 'key', path: top.path, prefix, siblings: top.keys };
}

/** Keys of the same flow mapping after the cursor, up to its closing brace. */
function keysAhead(rest: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let tokenStart = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && c === ',') tokenStart = i + 1;
    else if (depth === 0 && c === ':' && tokenStart >= 0) {
      const key = rest.slice(tokenStart, i).trim();
      if (key && tokenStart > 0) keys.push(unquote(key));
      tokenStart = -1;
    }
  }
  return keys;
}

function unquote(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}

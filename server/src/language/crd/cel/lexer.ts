/**
 * The tokens of the CEL subset Drydock evaluates. Anything outside it (bytes, uint and triple-quoted
 * literals, unknown characters) makes `lex` return undefined: the rule is then skipped, never guessed.
 */
export type Token =
  | { kind: 'int'; value: number }
  | { kind: 'double'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'ident'; value: string }
  | { kind: 'op'; value: string }
  | { kind: 'eof' };

export const MAX_RULE_LENGTH = 4096;
const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '!', '+', '-', '*', '/', '%', '?', ':', '.', ',', '(', ')', '[', ']'];
const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '?': '?', '"': '"', "'": "'", '`': '`' };

export function lex(text: string): Token[] | undefined {
  if (text.length > MAX_RULE_LENGTH) return undefined;
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      const number = lexNumber(text, i);
      if (!number) return undefined;
      tokens.push(number.token);
      i = number.end;
      continue;
    }
    if (isIdentStart(c)) {
      let end = i + 1;
      while (end < text.length && (isIdentStart(text[end]) || isDigit(text[end]))) end++;
      const word = text.slice(i, end);
      const quote = text[end];
      if ((quote === '"' || quote === "'") && (word === 'r' || word === 'R')) {
        const close = text.indexOf(quote, end + 1);
        const raw = close < 0 ? '' : text.slice(end + 1, close);
        if (close < 0 || raw.includes('\n') || raw.includes('\r')) return undefined;
        tokens.push({ kind: 'string', value: raw });
        i = close + 1;
        continue;
      }
      if (quote === '"' || quote === "'") return undefined; // bytes (b'..') and other prefixes
      tokens.push({ kind: 'ident', value: word });
      i = end;
      continue;
    }
    if (c === '"' || c === "'") {
      if (text.startsWith(c.repeat(3), i)) return undefined; // triple-quoted strings are not in the subset
      const string = lexString(text, i);
      if (!string) return undefined;
      tokens.push({ kind: 'string', value: string.value });
      i = string.end;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) return undefined;
    tokens.push({ kind: 'op', value: op });
    i += op.length;
  }
  tokens.push({ kind: 'eof' });
  return tokens;
}

function lexNumber(text: string, start: number): { token: Token; end: number } | undefined {
  const hex = /^0[xX][0-9a-fA-F]+/.exec(text.slice(start, start + 40));
  if (hex) {
    const end = start + hex[0].length;
    if (/[uU.\w]/.test(text[end] ?? '')) return undefined;
    const value = Number.parseInt(hex[0].slice(2), 16);
    return Number.isSafeInteger(value) ? { token: { kind: 'int', value }, end } : undefined;
  }
  const match = /^(\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(start, start + 400));
  if (!match || !match[0]) return undefined;
  const end = start + match[0].length;
  if (/[\w.]/.test(text[end] ?? '')) return undefined; // 1u, 1.x, 1a…
  if (match[2] !== undefined || match[3] !== undefined) {
    if (match[1] === '' && match[2] === undefined) return undefined;
    return { token: { kind: 'double', value: Number(match[0]) }, end };
  }
  const value = Number(match[1]);
  return Number.isSafeInteger(value) ? { token: { kind: 'int', value }, end } : undefined;
}

function lexString(text: string, start: number): { value: string; end: number } | undefined {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === quote) return { value, end: i + 1 };
    if (c === '\n' || c === '\r') return undefined;
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const e = text[i + 1] ?? '';
    if (e in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[e];
      i += 2;
      continue;
    }
    const width = e === 'x' || e === 'X' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (width) {
      const digits = text.slice(i + 2, i + 2 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(digits)) return undefined;
      const code = Number.parseInt(digits, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
      value += String.fromCodePoint(code);
      i += 2 + width;
      continue;
    }
    const octal = text.slice(i + 1, i + 4);
    if (/^[0-3][0-7]{2}$/.test(octal)) {
      value += String.fromCodePoint(Number.parseInt(octal, 8));
      i += 4;
      continue;
    }
    return undefined;
  }
  return undefined;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

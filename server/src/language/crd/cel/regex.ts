/**
 * CEL's `matches` uses RE2 (unanchored search). Only patterns that mean the same in RE2 and in
 * JavaScript (`u` flag) are compiled; the rest make the rule skip. Backtracking is kept bounded:
 * no quantifier (`*`, `+`, `{}`) on a group, at most MAX_QUANTIFIERS quantifiers, and subjects of
 * at most MAX_SUBJECT characters.
 */
export const MAX_PATTERN = 256;
export const MAX_SUBJECT = 1024;
const MAX_QUANTIFIERS = 3;
const ESCAPES_OUTSIDE = new Set([...'dDwWsSbB.\\*+?()[]{}|^$/-nrtfv']);
const ESCAPES_INSIDE = new Set([...'dDwWsS.\\*+?()[]{}|^$/-nrtfv']);

export function compileRe2(pattern: string): RegExp | undefined {
  if (pattern.length > MAX_PATTERN) return undefined;
  let quantifiers = 0;
  let inClass = false;
  let lastWasGroup = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const groupBefore = lastWasGroup;
    lastWasGroup = false;
    if (c === '\\') {
      const e = pattern[i + 1] ?? '';
      if (!(inClass ? ESCAPES_INSIDE : ESCAPES_OUTSIDE).has(e)) {
        if (e !== 'x' || !/^[0-9a-fA-F]{2}$/.test(pattern.slice(i + 2, i + 4))) return undefined;
        i += 2;
      }
      if (inClass && e === '-') return undefined; // `[\-]` differs in u mode edge cases; keep it simple
      i++;
      continue;
    }
    if (inClass) {
      if (c === '[') return undefined; // POSIX classes `[[:alpha:]]` and JS set syntax
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') return undefined; // `[]a]` is a literal `]` in RE2, an empty class in JS
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?') {
      if (pattern[i + 2] !== ':') return undefined; // flags, lookarounds, named groups
      i += 2;
      continue;
    }
    if (c === ')') {
      lastWasGroup = true;
      continue;
    }
    if (c === '*' || c === '+' || c === '{') {
      if (groupBefore) return undefined;
      if (c === '{') {
        const repeat = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
        if (!repeat || Number(repeat[1]) > 1000 || Number(repeat[3] || 0) > 1000) return undefined;
        i += repeat[0].length - 1;
      }
      if (pattern[i + 1] === '+') return undefined; // possessive in neither
      if (++quantifiers > MAX_QUANTIFIERS) return undefined;
      continue;
    }
    if (c === '}') return undefined;
  }
  if (inClass) return undefined;
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

/**
 * Whether matching `subject` in JavaScript can differ from RE2 for characters classes treat
 * differently: `.` (JS excludes \r, U+2028, U+2029; RE2 only \n) and `\s` (JS includes \v and
 * Unicode spaces; RE2 only [\t\n\f\r ]). Such subjects skip the rule.
 */
export function subjectIsAmbiguous(subject: string): boolean {
  if (subject.length > MAX_SUBJECT) return true;
  for (const ch of subject) if (ch === '\r' || ch === '\u2028' || ch === '\u2029' || (/\s/u.test(ch) && !'\t\n\f '.includes(ch))) return true;
  return false;
}

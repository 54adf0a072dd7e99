/**
 * Finds the `.Values.a.b` reference under a cursor in a Helm template's text: the Go template
 * action (`{{ … }}`) around the cursor is scanned from its start, skipping its string literals and
 * comments, for field chains; the chain that holds the cursor is the reference when it starts at
 * `.Values` (or `$.Values`, the root context). A `.Values` under `with` or `range` (where the dot is
 * something else) or behind `index` is not followed.
 *
 * Worked example: in `image: {{ .Values.image.ta }}` with the cursor after `ta`, the reference has
 * the keys `image` and `ta`, and the cursor is on `ta` (index 1): completion offers the keys of
 * `image` that start with `ta`; hover shows `.Values.image.ta`.
 */

/** One key of a reference: its name and where it is in the template text ([start, end) offsets). */
export interface ValuesKey {
  name: string;
  start: number;
  end: number;
}

export interface ValuesReference {
  /** The keys after `.Values`, in order; the last may be empty (`.Values.image.` ends on an empty key). */
  keys: ValuesKey[];
  /** Which key the cursor is on (its start up to and including its end). */
  cursor: number;
}

/** How far back the start of an action is looked for: an action is a line or a few, never pages. */
const MAX_ACTION_LENGTH = 4096;

const IDENTIFIER_CHAR = /[A-Za-z0-9_]/;
/** A field chain at a `.` or `$`: `$x.a.b`, `$.Values.a`, `.Values.a.`, `.`. */
const CHAIN = /\$?[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]*)*/y;

/** The `.Values` reference under `offset` in `text`, or undefined when the cursor is on none. */
export function valuesReferenceAt(text: string, offset: number): ValuesReference | undefined {
  const action = actionAround(text, offset);
  if (!action) return undefined;
  let i = action.start;
  while (i < action.end) {
    const c = text[i];
    const skipped = skipLiteral(text, i, action.end);
    if (skipped !== undefined) {
      if (offset > i && offset < skipped) return undefined; // inside a string or a comment
      i = skipped;
    } else if (c === '.' || c === '$') {
      CHAIN.lastIndex = i;
      const chain = CHAIN.exec(text)?.[0] ?? c;
      const end = i + chain.length;
      if (offset >= i && offset <= end) return referenceOf(chain, i, offset);
      i = Math.max(end, i + 1);
    } else if (IDENTIFIER_CHAR.test(c)) {
      // A function name, keyword or number (`1.5` is not a field chain).
      while (i < action.end && (IDENTIFIER_CHAR.test(text[i]) || (text[i] === '.' && /[0-9]/.test(text[i + 1] ?? '')))) i++;
    } else {
      i++;
    }
  }
  return undefined;
}

/** The text between the `{{` before `offset` and its `}}` (or the end of the text), when the cursor is in it. */
function actionAround(text: string, offset: number): { start: number; end: number } | undefined {
  if (offset < 2) return undefined;
  const open = text.lastIndexOf('{{', offset - 2);
  if (open === -1 || offset - open > MAX_ACTION_LENGTH) return undefined;
  const close = text.indexOf('}}', open + 2);
  if (close !== -1 && close < offset) return undefined; // that action ended before the cursor
  return { start: open + 2, end: close === -1 ? Math.min(text.length, open + MAX_ACTION_LENGTH) : close };
}

/** The offset after a string literal or comment starting at `i`, or undefined when none starts there. */
function skipLiteral(text: string, i: number, end: number): number | undefined {
  const c = text[i];
  if (c === '/' && text[i + 1] === '*') {
    const close = text.indexOf('*/', i + 2);
    return close === -1 || close + 2 > end ? end : close + 2;
  }
  if (c !== '"' && c !== "'" && c !== '`') return undefined;
  let j = i + 1;
  while (j < end && text[j] !== c) j += c !== '`' && text[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, end);
}

/** The reference a chain spells, when it starts at `.Values` and the cursor is past it. */
function referenceOf(chain: string, chainStart: number, offset: number): ValuesReference | undefined {
  const rootLength = chain.startsWith('$.') ? 1 : 0;
  if (!chain.startsWith('.Values.', rootLength)) return undefined;
  const keys: ValuesKey[] = [];
  let start = chainStart + rootLength + '.Values.'.length;
  for (const name of chain.slice(rootLength + '.Values.'.length).split('.')) {
    keys.push({ name, start, end: start + name.length });
    start += name.length + 1;
  }
  const cursor = keys.findIndex((key) => offset >= key.start && offset <= key.end);
  return cursor === -1 ? undefined : { keys, cursor };
}

import type { TemplateAction } from './templateActions';

/**
 * What each action of a Helm template does, as far as source mapping needs it: whether it writes
 * text into the output, and which entry of the chart's values that text plainly comes from.
 *
 * The dot is followed through `with` blocks: in `{{- with .Values.resources }}` … `{{- toYaml . }}`
 * the second action writes `.Values.resources`. Inside `range` and `define` the dot is unknown.
 * Only simple pipelines count: an operand (`.Values.a.b`, `$.Values.a`, `.`, `.b` under a known dot),
 * or one of a few functions that pass their last argument through (`toYaml .Values.a`,
 * `quote .Values.a`), then anything (`| nindent 4`, `| default "x"`). Everything else is unknown.
 */
export interface ActionMeaning {
  /** Whether the action writes text (false for comments, control actions and variable assignments). */
  writes: boolean;
  /** For an action that writes: the values path its text comes from (`[]` is the whole of `.Values`). */
  values?: string[];
  /** The `indent`/`nindent` width the pipeline applies, if any. */
  indent?: number;
}

/** The dot: the template's root context, a place in the values, or unknown. */
type Dot = 'root' | readonly string[] | undefined;

const CONTROL = new Set(['if', 'else', 'end', 'with', 'range', 'define', 'break', 'continue']);
const PASS_THROUGH = new Set(['toYaml', 'toJson', 'toPrettyJson', 'toString', 'quote', 'squote', 'required', 'default', 'int', 'int64', 'float64', 'trim']);

export function actionMeanings(actions: readonly TemplateAction[]): ActionMeaning[] {
  const scopes: Array<{ dot: Dot; outer: Dot }> = [];
  const dotNow = (): Dot => (scopes.length ? scopes[scopes.length - 1].dot : 'root');
  return actions.map((action): ActionMeaning => {
    const body = action.body;
    if (body.startsWith('/*') || /^\$\w*\s*:?=/.test(body)) return { writes: false };
    const keyword = /^[A-Za-z]+/.exec(body)?.[0] ?? '';
    const rest = body.slice(keyword.length).trim();
    if (keyword === 'end') {
      scopes.pop();
      return { writes: false };
    }
    if (keyword === 'else') {
      const scope = scopes[scopes.length - 1];
      if (scope) scope.dot = rest.startsWith('with') ? sourceOf(rest.slice(4), scope.outer) : scope.outer;
      return { writes: false };
    }
    if (CONTROL.has(keyword) || keyword === 'block') {
      const outer = dotNow();
      const dot = keyword === 'if' ? outer : keyword === 'with' ? sourceOf(rest, outer) : undefined;
      scopes.push({ dot, outer });
      return { writes: keyword === 'block' };
    }
    if (keyword === 'template' || keyword === 'include') return { writes: true, indent: indentOf(body) };
    return { writes: true, values: sourceOf(body, dotNow()), indent: indentOf(body) };
  });
}

/** The values path a pipeline's first command plainly reads, or undefined. */
function sourceOf(pipeline: string, dot: Dot): string[] | undefined {
  const withoutVariable = pipeline.replace(/^\s*\$\w*\s*:?=/, '');
  const head = splitOutsideStrings(withoutVariable, '|')[0];
  if (head.includes('(')) return undefined;
  const words = splitOutsideStrings(head, ' ').filter((word) => word !== '');
  if (words.length === 1) return operandSource(words[0], dot);
  if (words.length > 1 && PASS_THROUGH.has(words[0])) return operandSource(words[words.length - 1], dot);
  return undefined;
}

function operandSource(word: string, dot: Dot): string[] | undefined {
  if (word === '.') return Array.isArray(dot) ? [...dot] : undefined;
  const fromRoot = word.startsWith('$.');
  if (!fromRoot && !word.startsWith('.')) return undefined;
  const fields = word.slice(fromRoot ? 2 : 1).split('.');
  if (!fields.every((field) => /^[A-Za-z_]\w*$/.test(field))) return undefined;
  if (fromRoot || dot === 'root') return fields[0] === 'Values' ? fields.slice(1) : undefined;
  return Array.isArray(dot) ? [...dot, ...fields] : undefined;
}

function indentOf(body: string): number | undefined {
  const match = /\bn?indent\s+(\d+)/.exec(body);
  return match ? Number(match[1]) : undefined;
}

/** `text` cut at every `separator` that is not inside a string literal (white space counts as ' '). */
function splitOutsideStrings(text: string, separator: '|' | ' '): string[] {
  const parts: string[] = [];
  let current = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      current += c;
      if (c === '\\' && quote !== '`') current += text[++i] ?? '';
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
      current += c;
    } else if (c === separator || (separator === ' ' && /\s/.test(c))) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

import { findTemplateActions, type TemplateAction } from './templateActions';

/**
 * Turns a Helm template into YAML that a YAML parser can read for its structure, keeping every line
 * where it was and every remaining character at its column, so that a place in the result is the same
 * line and character in the template:
 * - a line that holds only actions (and white space, or a trailing `# comment`) becomes empty:
 *   `{{- if … }}`, `{{ end }}`, `{{- toYaml .Values.x | nindent 4 }}`, `{{/* note *\/}}`; the lines a
 *   multi-line action covers are read the same way, line by line;
 * - any other action becomes a placeholder scalar of its own length, made of `_` and ending with its
 *   line number in base 36 (so that two placeholder keys of one mapping do not collide):
 *   `replicas: {{ .Values.replicaCount }}` → `replicas: ________________________8`.
 * Trim markers (`{{-`, `-}}`) are not applied: they would move lines.
 *
 * The result keeps the template's line breaks, but not its length: use line/character positions,
 * not offsets, to go back to the template text.
 */
export function neutralizeTemplate(text: string): string {
  const actions = findTemplateActions(text);
  const lines = text.split('\n');
  let lineStart = 0;
  let next = 0; // first action that may touch the current line
  for (let line = 0; line < lines.length; line++) {
    const lineText = lines[line];
    const lineEnd = lineStart + lineText.length;
    while (next < actions.length && actions[next].end <= lineStart) next++;
    const touching: TemplateAction[] = [];
    for (let i = next; i < actions.length && actions[i].start < lineEnd; i++) touching.push(actions[i]);
    if (touching.length > 0) lines[line] = neutralizeLine(lineText, lineStart, line, touching);
    lineStart = lineEnd + 1;
  }
  return lines.join('\n');
}

/** One line of the template, given the actions that cover part of it. */
function neutralizeLine(lineText: string, lineStart: number, line: number, actions: readonly TemplateAction[]): string {
  const spans = actions.map((action) => ({
    from: Math.max(0, action.start - lineStart),
    to: Math.min(lineText.length, action.end - lineStart),
  }));
  let outside = '';
  let column = 0;
  for (const span of spans) {
    outside += lineText.slice(column, span.from);
    column = span.to;
  }
  outside += lineText.slice(column);
  const rest = outside.trim();
  if (rest === '' || rest.startsWith('#')) return lineText.endsWith('\r') ? '\r' : '';
  let result = '';
  column = 0;
  for (const span of spans) {
    result += lineText.slice(column, span.from) + placeholder(span.to - span.from, line);
    column = span.to;
  }
  return result + lineText.slice(column);
}

/** A plain YAML string of `length` characters that stands for an action's output. */
function placeholder(length: number, line: number): string {
  const tag = line.toString(36);
  return tag.length < length ? '_'.repeat(length - tag.length) + tag : '_'.repeat(length);
}

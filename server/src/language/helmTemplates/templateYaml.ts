import { posix } from 'node:path';
import type { CompletionEntry } from '../completion/completionEntry';
import type { Position, Range } from '../findings';
import { documentAt } from '../parse/documentAt';
import { oversizeReason } from '../parse/limits';
import { LineIndex } from '../parse/lineIndex';
import { parseFile, type ParsedFile } from '../parse/parseFile';
import type { ParsedDocument } from '../parse/parsedDocument';
import { normalizePath } from '../projects/projectLayout';
import { neutralizeTemplate } from '../render/neutralizeTemplate';
import { findTemplateActions, type TemplateAction } from '../render/templateActions';

/**
 * A chart template read as YAML for the editor features on its YAML parts: the template's text
 * neutralized (render/neutralizeTemplate.ts: same lines, same columns) and parsed, with what is
 * needed to keep those features off the template's actions. A position means the same place in
 * the template and in the neutralized text wherever a line kept its text; a line that held only
 * actions is empty in the neutralized text and gets no YAML feature.
 *
 * Worked example: in `  replicas: {{ .Values.n }}` (line 5) the neutralized line is
 * `  replicas: _______________5`; a hover on `replicas` reads the schema of `spec.replicas`, and
 * `_______________5` is a placeholder that no completion or hover may show.
 */
export interface TemplateYaml {
  template: string;
  /** The template's actions, in template offsets. */
  actions: readonly TemplateAction[];
  templateLines: LineIndex;
  /** The neutralized text's lines (a line that held only actions is empty). */
  neutralLines: readonly string[];
  neutralIndex: LineIndex;
  /** The neutralized text, parsed (no documents when the template is over the input budget). */
  parsed: ParsedFile;
  /** The placeholder scalars that stand for actions in the neutralized text. */
  placeholders: ReadonlySet<string>;
}

/**
 * Whether a chart file is a template Helm renders to manifests: a `.yaml`/`.yml` file under the
 * chart's `templates/` folder whose name does not start with `_` (Helm's partials, like `_helpers.tpl`).
 */
export function isManifestTemplate(path: string, chartRoot: string): boolean {
  const file = normalizePath(path);
  const root = normalizePath(chartRoot);
  const inside = root === '.' ? file : file.startsWith(`${root}/`) ? file.slice(root.length + 1) : undefined;
  if (inside === undefined || !inside.startsWith('templates/')) return false;
  const name = posix.basename(inside);
  return !name.startsWith('_') && /\.ya?ml$/i.test(name);
}

export function readTemplateYaml(template: string): TemplateYaml {
  const actions = findTemplateActions(template);
  const neutral = neutralizeTemplate(template);
  const neutralLines = neutral.split('\n');
  const parsed: ParsedFile = oversizeReason(neutral) ? { text: neutral, documents: [] } : parseFile(neutral);
  const templateLines = new LineIndex(template);
  return { template, actions, templateLines, neutralLines, neutralIndex: new LineIndex(neutral), parsed, placeholders: placeholdersOf(template, actions, templateLines, neutralLines) };
}

/**
 * The YAML document at a template position and the offset in its chunk; undefined inside an action
 * (its `{{ … }}`, or past the end of one left open) and on a line that held only actions.
 */
export function templateYamlAt(yaml: TemplateYaml, position: Position): { doc: ParsedDocument; offset: number } | undefined {
  const offset = yaml.templateLines.offset(position);
  if (yaml.actions.some((action) => offset > action.start && (offset < action.end || !closed(yaml.template, action)))) return undefined;
  const neutralLine = (yaml.neutralLines[position.line] ?? '').replace(/\r$/, '');
  if (position.character > neutralLine.length) return undefined;
  if (neutralLine.trim() === '' && lineOf(yaml.template, yaml.templateLines, position.line).trim() !== '') return undefined;
  return documentAt(yaml.parsed.documents, yaml.neutralIndex.offset(position));
}

/** Whether a completion may be offered in the template: none of its edits touches an action, and it shows no placeholder. */
export function fitsTemplate(yaml: TemplateYaml, entry: CompletionEntry): boolean {
  const ranges = [entry.range, ...(entry.additionalEdits ?? []).map((edit) => edit.range)];
  if (ranges.some((range) => touchesAction(yaml, range))) return false;
  const texts = [entry.label, entry.insertText, entry.detail, entry.documentation, entry.filterText, ...(entry.additionalEdits ?? []).map((edit) => edit.newText)];
  return !texts.some((text) => text !== undefined && showsPlaceholder(yaml, text));
}

/** Whether a text shown to the user holds a placeholder of the neutralized template. */
export function showsPlaceholder(yaml: TemplateYaml, text: string): boolean {
  for (const placeholder of yaml.placeholders) if (text.includes(placeholder)) return true;
  return false;
}

/** Whether a range of the template overlaps an action (or, empty, sits strictly inside one). */
export function touchesAction(yaml: TemplateYaml, range: Range): boolean {
  const start = yaml.templateLines.offset(range.start);
  const end = yaml.templateLines.offset(range.end);
  return yaml.actions.some((action) => (start < action.end && end > action.start) || (start > action.start && start < action.end));
}

function closed(template: string, action: TemplateAction): boolean {
  return template.slice(action.start + 2, action.end).endsWith('}}');
}

function lineOf(text: string, lines: LineIndex, line: number): string {
  const start = lines.offset({ line, character: 0 });
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

/** The neutralized text where the template has actions, on the lines that kept their text. */
function placeholdersOf(template: string, actions: readonly TemplateAction[], lines: LineIndex, neutralLines: readonly string[]): Set<string> {
  const placeholders = new Set<string>();
  for (const action of actions) {
    const from = lines.position(action.start);
    const to = lines.position(action.end);
    for (let line = from.line; line <= to.line; line++) {
      const neutral = neutralLines[line] ?? '';
      const start = line === from.line ? from.character : 0;
      const end = line === to.line ? to.character : lineOf(template, lines, line).length;
      const text = neutral.slice(start, end);
      if (text.length > 0 && /^_+[0-9a-z]*$/.test(text)) placeholders.add(text);
    }
  }
  return placeholders;
}

import { shiftRange, type Position, type Range } from '../findings';
import type { FieldPath } from '../../simulator/model/source';
import { LineIndex } from '../parse/lineIndex';
import { locate } from '../parse/locate';
import { parseFile } from '../parse/parseFile';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { YNode, YPair } from '../parse/yamlNode';
import { actionMeanings, type ActionMeaning } from './actionMeanings';
import { neutralizeTemplate } from './neutralizeTemplate';
import { findTemplateActions, type TemplateAction } from './templateActions';

/** Where a field of a rendered object was written in the Helm template that produced it. */
export interface TemplateLocation {
  /** File range (0-based) of the key of the deepest field of the path that the template writes literally. */
  range: Range;
  /** How many path segments were found in the template. */
  depth: number;
  /** The values path the field plainly comes from (`.Values.a.b` → `['a', 'b', …the unmatched rest]`). */
  valuesPath?: string[];
}

export interface TemplateTarget {
  /** The field in the rendered object. */
  path: FieldPath;
  /** Which of the objects this template produced (0-based, in output order). */
  documentIndex: number;
  /** The rendered object's kind, to choose a template document when the index does not tell. */
  kind?: string;
}

/** The template text with its actions, read once per call. */
interface Template {
  lines: LineIndex;
  neutralLines: string[];
  actions: TemplateAction[];
  meanings: ActionMeaning[];
}

interface Walked {
  /** The path as found (a missing sequence index replaced by the item used instead), as deep as found. */
  path: Array<string | number>;
  node: YNode | null;
  /** The pair whose value is `node`, when the last step was a mapping key. */
  pair: YPair | undefined;
}

/**
 * Maps a field of a rendered object back to its Helm template. The template is neutralized (see
 * `neutralizeTemplate`) and parsed; the field is looked up in the template document that produced
 * the object, as `locate` does. A sequence index the template does not have (items written by a
 * `range`) falls back to the template's last item.
 */
export function locateInTemplate(templateText: string, target: TemplateTarget): TemplateLocation {
  const neutral = neutralizeTemplate(templateText);
  const documents = parseFile(neutral).documents.filter((doc) => doc.root !== null);
  if (documents.length === 0) return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, depth: 0 };
  const actions = findTemplateActions(templateText);
  const template: Template = { lines: new LineIndex(templateText), neutralLines: neutral.split('\n'), actions, meanings: actionMeanings(actions) };
  const doc = pickDocument(documents, target, template);
  const walked = walk(doc.root, target.path);
  const location: TemplateLocation = { range: shiftRange(locate(doc, walked.path, 'key').range, doc.chunk.line), depth: walked.path.length };
  const valuesPath = valuesSource(doc, walked, template, target.path.slice(walked.path.length).map(String));
  if (valuesPath) location.valuesPath = valuesPath;
  return location;
}

/** The template document at the object's index, unless its literal kind says otherwise; else the first of the object's kind. */
function pickDocument(documents: readonly ParsedDocument[], target: TemplateTarget, template: Template): ParsedDocument {
  const byIndex = documents[target.documentIndex];
  if (byIndex && (target.kind === undefined || [undefined, target.kind].includes(literalKind(byIndex, template)))) return byIndex;
  return documents.find((doc) => target.kind !== undefined && literalKind(doc, template) === target.kind) ?? documents[0];
}

/** The document's `kind:` when the template writes it literally. */
function literalKind(doc: ParsedDocument, template: Template): string | undefined {
  if (doc.root?.kind !== 'map') return undefined;
  const value = doc.root.items.find((pair) => pair.key.value === 'kind')?.value;
  if (value?.kind !== 'scalar' || typeof value.value !== 'string') return undefined;
  return actionsWithin(doc, value.range, template).length > 0 ? undefined : value.value;
}

function walk(root: YNode | null, path: FieldPath): Walked {
  const walked: Walked = { path: [], node: root, pair: undefined };
  for (const segment of path) {
    const node = walked.node;
    if (node?.kind === 'map') {
      const pair = node.items.find((item) => String(item.key.value) === String(segment));
      if (!pair) break;
      walked.path.push(String(segment));
      walked.node = pair.value;
      walked.pair = pair;
    } else if (node?.kind === 'seq' && typeof segment === 'number' && node.items.length > 0) {
      const index = Math.min(segment, node.items.length - 1);
      walked.path.push(index);
      walked.node = node.items[index];
      walked.pair = undefined;
    } else {
      break;
    }
  }
  return walked;
}

/**
 * The values path the deepest found field comes from: the actions in its scalar value
 * (`cpu: {{ .Values.cpu }}`), or, for a key without a value, the actions on the lines that follow it
 * before the next line of YAML (`resources:` then `{{- toYaml .Values.resources | nindent 12 }}`).
 */
function valuesSource(doc: ParsedDocument, walked: Walked, template: Template, rest: string[]): string[] | undefined {
  if (walked.path.length === 0) return undefined;
  const node = walked.node;
  let writers: ActionMeaning[];
  if (node?.kind === 'scalar' && node.range[1] > node.range[0]) {
    writers = actionsWithin(doc, node.range, template).filter((meaning) => meaning.writes);
  } else if ((node === null || (node.kind === 'scalar' && node.value === null)) && walked.pair) {
    const key = filePosition(doc, walked.pair.key.range[0]);
    writers = contentActionsAfter(key, template);
  } else {
    return undefined;
  }
  return combinedSource(writers, rest);
}

/** The actions whose text starts within a range of the neutralized document (chunk offsets). */
function actionsWithin(doc: ParsedDocument, range: readonly [number, number], template: Template): ActionMeaning[] {
  const start = template.lines.offset(filePosition(doc, range[0]));
  const end = template.lines.offset(filePosition(doc, range[1]));
  return template.meanings.filter((_, i) => template.actions[i].start >= start && template.actions[i].start < end);
}

/** The writing actions between a key's line and the next line of YAML that are indented under the key. */
function contentActionsAfter(key: Position, template: Template): ActionMeaning[] {
  let stop = key.line + 1;
  while (stop < template.neutralLines.length && /^\s*(#.*)?$/.test(template.neutralLines[stop])) stop++;
  if (stop === key.line + 1) return [];
  const start = template.lines.offset({ line: key.line + 1, character: 0 });
  const end = stop < template.neutralLines.length ? template.lines.offset({ line: stop, character: 0 }) : Infinity;
  return template.meanings.filter((meaning, i) => {
    const action = template.actions[i];
    return meaning.writes && action.start >= start && action.start < end && (meaning.indent === undefined || meaning.indent > key.character);
  });
}

/** One values path when every writing action reads the same one (or, for a found field, their common parent). */
function combinedSource(writers: readonly ActionMeaning[], rest: string[]): string[] | undefined {
  if (writers.length === 0) return undefined;
  const sources: string[][] = [];
  for (const writer of writers) {
    if (!writer.values) return undefined;
    sources.push(writer.values);
  }
  let common = sources[0];
  for (const source of sources.slice(1)) {
    let shared = 0;
    while (shared < common.length && shared < source.length && common[shared] === source[shared]) shared++;
    if ((shared < common.length || shared < source.length) && rest.length > 0) return undefined;
    common = common.slice(0, shared);
  }
  const result = [...common, ...rest];
  return result.length > 0 ? result : undefined;
}

function filePosition(doc: ParsedDocument, chunkOffset: number): Position {
  const position = doc.lines.position(chunkOffset);
  return { line: position.line + doc.chunk.line, character: position.character };
}

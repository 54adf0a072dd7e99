import * as l10n from '@vscode/l10n';
import { posix } from 'node:path';
import type { FieldPath } from '../../simulator/model/source';
import { compareFindings, type Finding, type Range } from '../findings';
import type { LanguageService, ValidationSettings } from '../languageService';
import { isPlainObject, manifestsOf } from '../manifests';
import type { ParsedFile } from '../parse/parseFile';
import type { ParsedDocument } from '../parse/parsedDocument';
import { treePathAt } from '../hover/treePathAt';
import { runWorkspaceRules } from '../rules/workspace/runWorkspaceRules';
import { locateGenerator, locateInKustomizeSources, parsedReader, type SourcePlace } from './kustomizeSourceMap';
import type { RenderedProject } from './renderedProject';
import { KUSTOMIZATION_FILE_NAMES } from '../projects/projectLayout';
import { locateInTemplate } from './templateSourceMap';
import { locateInValues } from './valuesSourceMap';

/** Findings by source file (absolute path): what the user wrote that the rendered objects' problems come from. */
export type FindingsByFile = Map<string, Finding[]>;

/** The path the rendered objects are validated under (no file has it: findings are mapped to their sources). */
export const RENDERED_PATH = '<rendered>';

/**
 * Validates what a chart or an overlay renders to, as any manifest (schema, API rules, cross-resource
 * rules among the project's objects), and puts each finding on the line the user wrote: the template
 * (Helm) or the resource or patch (Kustomize) the field came from, plus the values.yaml line when a
 * template takes the value from `.Values`. A finding with no line to go to sits on the first line of
 * the file that made the object (or of the chart's / kustomization's main file) and says which
 * rendered object and field it is about. `readText` gives a source file's text (open document or disk).
 */
export function renderedFindings(service: LanguageService, project: RenderedProject, settings: ValidationSettings, readText: (file: string) => string | undefined): FindingsByFile {
  const read = parsedReader(readText);
  const result: FindingsByFile = new Map();
  const seen = new Set<string>();
  const add = (file: string, finding: Finding): void => {
    const key = `${file}|${finding.range.start.line}|${finding.range.start.character}|${finding.code}|${finding.message}`;
    if (seen.has(key)) return; // a template rendered several times reports its problem once
    seen.add(key);
    const list = result.get(file) ?? [];
    list.push(finding);
    result.set(file, list);
  };
  const documents = project.parsed.documents;
  for (const finding of service.validateFile(project.parsed, settings)) {
    const index = documentAtLine(documents, finding.range.start.line);
    const doc = documents[index];
    const path = doc ? pathAt(doc, finding.range) : [];
    for (const placed of toSources(project, index, path, finding, read, readText)) add(placed.file, placed.finding);
  }
  for (const sim of runWorkspaceRules(manifestsOf(RENDERED_PATH, project.parsed))) {
    const finding: Finding = { range: ZERO, severity: sim.severity, code: sim.code, message: sim.message };
    for (const placed of toSources(project, sim.source.document, [...sim.source.path, ...sim.path], finding, read, readText)) add(placed.file, placed.finding);
  }
  for (const list of result.values()) list.sort(compareFindings);
  return result;
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The file a project's findings go to when their object's origin is not known. */
export function projectMainFile(project: RenderedProject, readText: (file: string) => string | undefined): string {
  if (project.kind === 'helm') return posix.join(project.root, 'Chart.yaml');
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const file = posix.join(project.root, name);
    if (readText(file) !== undefined) return file;
  }
  return posix.join(project.root, 'kustomization.yaml');
}

/**
 * Where a finding on a rendered object (its document and field path) goes in the user's files: the
 * same places `renderedFindings` uses. For the dry-run commands, whose findings come from the simulator.
 */
export function placeRenderedFinding(project: RenderedProject, document: number, path: FieldPath, finding: Finding, readText: (file: string) => string | undefined): Array<{ file: string; finding: Finding }> {
  return toSources(project, document, path, finding, parsedReader(readText), readText);
}

function toSources(
  project: RenderedProject,
  index: number,
  path: FieldPath,
  finding: Finding,
  read: (file: string) => ParsedFile | undefined,
  readText: (file: string) => string | undefined,
): Array<{ file: string; finding: Finding }> {
  const origin = project.origins[index];
  const value = project.parsed.documents[index]?.value;
  const identity = identityOf(value);
  const about = (depth: number): string => (depth >= path.length ? finding.message : l10n.t('{0} (in the rendered {1}, at {2})', finding.message, describe(identity), formatPath(path)));
  const placed: Array<{ file: string; finding: Finding }> = [];
  const put = (place: SourcePlace | undefined, fallbackFile: string): void => {
    if (place) placed.push({ file: place.file, finding: { ...finding, range: place.range, message: about(place.depth) } });
    else placed.push({ file: fallbackFile, finding: { ...finding, range: ZERO, message: about(0) } });
  };
  const main = projectMainFile(project, readText);
  if (!origin || (!origin.file && origin.configuredIn.length === 0)) {
    put(undefined, main);
    return placed;
  }
  if (project.kind === 'helm' && origin.file) {
    const text = readText(origin.file);
    if (text === undefined) {
      put(undefined, origin.file);
      return placed;
    }
    const location = locateInTemplate(text, { path, documentIndex: origin.indexInFile, kind: identity.kind });
    put({ file: origin.file, range: location.range, depth: location.depth }, origin.file);
    if (location.valuesPath) {
      const values = valuesPlace(project, origin.file, location.valuesPath, readText);
      if (values) placed.push({ file: values.file, finding: { ...finding, range: values.range, message: l10n.t('{0} (rendered by {1})', finding.message, posix.relative(project.root, origin.file)) } });
    }
    return placed;
  }
  if (origin.generatedBy && origin.file) {
    put(locateGenerator(origin.file, origin.generatedBy, identity.name, read), origin.file);
    return placed;
  }
  put(locateInKustomizeSources(origin.file, origin.configuredIn, identity, path, read), origin.file ?? main);
  return placed;
}

/** The values.yaml line a template's value comes from: the last values file that sets the whole path (later files win), else the chart's own. */
function valuesPlace(project: RenderedProject, template: string, valuesPath: readonly string[], readText: (file: string) => string | undefined): SourcePlace | undefined {
  // A subchart's template reads its own values.yaml.
  const chartDir = template.slice(0, template.lastIndexOf('/templates/'));
  const files = chartDir === project.root ? [...project.valuesFiles].reverse() : [posix.join(chartDir, 'values.yaml')];
  let fallback: SourcePlace | undefined;
  for (const file of files) {
    const text = readText(file);
    const place = text === undefined ? undefined : locateInValues(text, valuesPath);
    if (!place) continue;
    if (place.depth === valuesPath.length) return { file, ...place };
    if (!fallback || place.depth > fallback.depth) fallback = { file, ...place };
  }
  return fallback;
}

function documentAtLine(documents: readonly ParsedDocument[], line: number): number {
  let index = 0;
  for (let i = 0; i < documents.length; i++) if (documents[i].chunk.line <= line) index = i;
  return index;
}

function pathAt(doc: ParsedDocument, range: Range): FieldPath {
  const offset = doc.lines.offset({ line: range.start.line - doc.chunk.line, character: range.start.character });
  return treePathAt(doc.root, offset)?.path ?? [];
}

function identityOf(value: unknown): { kind?: string; name?: string; namespace?: string } {
  if (!isPlainObject(value)) return {};
  const metadata = isPlainObject(value.metadata) ? value.metadata : {};
  return {
    kind: typeof value.kind === 'string' ? value.kind : undefined,
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
  };
}

function describe(identity: { kind?: string; name?: string; namespace?: string }): string {
  const name = identity.namespace ? `${identity.namespace}/${identity.name ?? '?'}` : identity.name ?? l10n.t('(unnamed)');
  return `${identity.kind ?? l10n.t('object')} ${name}`;
}

function formatPath(path: FieldPath): string {
  if (path.length === 0) return l10n.t('the object');
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

import { posix } from 'node:path';
import { isPlainObject } from '../manifests';
import { parseFile, type ParsedFile } from '../parse/parseFile';
import { normalizePath } from '../projects/projectLayout';
import type { RenderedObjectOrigin, RenderedProject } from './renderedProject';

export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';
export const TRANSFORMATIONS_ANNOTATION = 'alpha.config.kubernetes.io/transformations';

/**
 * A kustomize build's output, made with `buildMetadata: [originAnnotations, transformerAnnotations]`
 * (through a wrapper kustomization in `wrapperDir`, so paths in the annotations are relative to it), as
 * a rendered project: the two annotations tell each object's origin and are then taken out of the
 * text, which is what the real build (without them) prints.
 */
export function kustomizeRendered(root: string, wrapperDir: string, stdout: string): RenderedProject {
  const traced = parseFile(stdout);
  const resolve = (path: string): string => normalizePath(posix.isAbsolute(path) ? path : posix.join(normalizePath(wrapperDir), path));
  const origins = traced.documents.map((doc) => originOf(doc.value, resolve));
  const parsed: ParsedFile = parseFile(withoutTraceAnnotations(stdout));
  return { kind: 'kustomize', root: normalizePath(root), valuesFiles: [], parsed, origins: parsed.documents.length === origins.length ? origins : parsed.documents.map(() => ({ indexInFile: 0, configuredIn: [] })) };
}

function originOf(value: unknown, resolve: (path: string) => string): RenderedObjectOrigin {
  const annotations = isPlainObject(value) && isPlainObject(value.metadata) && isPlainObject(value.metadata.annotations) ? value.metadata.annotations : {};
  const origin = parseSmallYaml(annotations[ORIGIN_ANNOTATION]);
  const transformations = parseSmallYaml(annotations[TRANSFORMATIONS_ANNOTATION]);
  const configuredIn = new Set<string>();
  if (Array.isArray(transformations)) {
    for (const entry of transformations) if (isPlainObject(entry) && typeof entry.configuredIn === 'string') configuredIn.add(resolve(entry.configuredIn));
  }
  const result: RenderedObjectOrigin = { indexInFile: 0, configuredIn: [...configuredIn] };
  if (!isPlainObject(origin)) return result;
  // A remote resource's origin has a `repo`; its path is inside that repository, not here.
  if (typeof origin.path === 'string' && origin.repo === undefined) result.file = resolve(origin.path);
  // Made by a generator: its entry in the kustomization is the source. Made over by a transformer
  // (a patch that replaced it): the file is not known, the kustomizations it went through are.
  if (isPlainObject(origin.configuredBy) && typeof origin.configuredBy.kind === 'string' && typeof origin.configuredIn === 'string') {
    if (origin.configuredBy.kind.endsWith('Generator')) {
      result.generatedBy = origin.configuredBy.kind;
      result.file = resolve(origin.configuredIn);
    } else configuredIn.add(resolve(origin.configuredIn));
    result.configuredIn = [...configuredIn];
  }
  return result;
}

function parseSmallYaml(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  return parseFile(text).documents[0]?.value;
}

/**
 * The output without the two trace annotations (kustomize prints them as block scalars, one key per
 * line, their content indented deeper), and without an `annotations:` map they leave empty.
 */
export function withoutTraceAnnotations(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s*)(\S+):/.exec(lines[i]);
    if (match && (match[2] === ORIGIN_ANNOTATION || match[2] === TRANSFORMATIONS_ANNOTATION)) {
      const indent = match[1].length;
      while (i + 1 < lines.length && (lines[i + 1].trim() === '' || indentOf(lines[i + 1]) > indent)) i++;
      continue;
    }
    kept.push(lines[i]);
  }
  // `annotations:` followed by a line no deeper than itself held only the trace annotations.
  return kept
    .filter((line, i) => {
      const match = /^(\s*)annotations:\s*$/.exec(line);
      return !match || (i + 1 < kept.length && indentOf(kept[i + 1]) > match[1].length && kept[i + 1].trim() !== '');
    })
    .join('\n');
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

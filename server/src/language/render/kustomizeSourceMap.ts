import type { FieldPath } from '../../simulator/model/source';
import type { Range } from '../findings';
import { isPlainObject } from '../manifests';
import { locate } from '../parse/locate';
import { parseFile, type ParsedFile } from '../parse/parseFile';
import type { ParsedDocument } from '../parse/parsedDocument';
import { shiftRange } from '../findings';
import { kustomizationInputs, kustomizationPatchFiles } from '../projects/kustomizationRefs';
import { KUSTOMIZATION_FILE_NAMES } from '../projects/projectLayout';

/** A place in a source file, and how many segments of the rendered path it holds. */
export interface SourcePlace {
  file: string;
  range: Range;
  depth: number;
}

/** The rendered object's identity: the kind, and the name as rendered (a prefix/suffix may have been added). */
export interface RenderedIdentity {
  kind?: string;
  name?: string;
}

/**
 * Where a field of a kustomize-built object was written: in the resource file the object came from,
 * or in a patch of one of the kustomizations that changed it, whichever holds more of the path (a patch
 * that sets the field wins over a resource that does not have it). Strategic-merge patches are matched
 * by kind and name, JSON 6902 patches by their target and the op whose `path` leads to the field. When
 * the resource file is not known (a patch replaced the object), the resources of those kustomizations
 * are looked through. `read` gives a file's parse.
 */
export function locateInKustomizeSources(
  resourceFile: string | undefined,
  configuredIn: readonly string[],
  identity: RenderedIdentity,
  path: FieldPath,
  read: (file: string) => ParsedFile | undefined,
): SourcePlace | undefined {
  let best: SourcePlace | undefined;
  const offer = (place: SourcePlace | undefined): void => {
    if (place && (!best || place.depth > best.depth)) best = place;
  };
  const consider = (file: string, strict: boolean): void => {
    const parsed = read(file);
    const doc = parsed && matchingDocument(parsed, identity, strict);
    if (!doc) return;
    const { range, depth } = locate(doc, path);
    offer({ file, range: shiftRange(range, doc.chunk.line), depth });
  };
  if (resourceFile) consider(resourceFile, false);
  for (const kustomization of configuredIn) {
    const doc = read(kustomization)?.documents[0];
    const value = doc?.value;
    if (!resourceFile) for (const file of treeResourceFiles(kustomization, read)) consider(file, false);
    for (const patch of kustomizationPatchFiles(kustomization, value)) {
      const ops = read(patch)?.documents[0];
      if (ops && Array.isArray(ops.value)) offer(json6902Place(patch, ops, [], path));
      else consider(patch, true);
    }
    if (doc && isPlainObject(value) && Array.isArray(value.patches)) {
      value.patches.forEach((entry, index) => {
        if (!isPlainObject(entry) || typeof entry.patch !== 'string' || !targets(entry.target, identity)) return;
        const inline = parseFile(entry.patch).documents[0];
        if (inline && Array.isArray(inline.value)) {
          const place = json6902Place(kustomization, inline, [], path);
          if (place) offer({ ...place, range: shiftRange(locate(doc, ['patches', index, 'patch'], 'key').range, doc.chunk.line) });
        }
      });
    }
  }
  return best;
}

const RESOURCE_FILE = /\.(ya?ml|json)$/i;

/** The resource files of a kustomization and of the kustomizations it builds on, depth first. */
function treeResourceFiles(kustomization: string, read: (file: string) => ParsedFile | undefined, seen = new Set<string>()): string[] {
  if (seen.has(kustomization)) return [];
  seen.add(kustomization);
  const files: string[] = [];
  for (const ref of kustomizationInputs(kustomization, read(kustomization)?.documents[0]?.value).local) {
    if (RESOURCE_FILE.test(ref)) files.push(ref);
    else {
      const inner = KUSTOMIZATION_FILE_NAMES.map((name) => `${ref}/${name}`).find((file) => read(file) !== undefined);
      if (inner) files.push(...treeResourceFiles(inner, read, seen));
    }
  }
  return files;
}

/** A JSON 6902 patch's op whose path leads to the field: the place of the op's value (or the op) and how much of the path it covers. */
function json6902Place(file: string, doc: ParsedDocument, prefix: FieldPath, path: FieldPath): SourcePlace | undefined {
  const ops = doc.value as unknown[];
  let best: SourcePlace | undefined;
  ops.forEach((op, index) => {
    if (!isPlainObject(op) || typeof op.path !== 'string' || op.op === 'remove') return;
    const pointer = op.path.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (pointer.length > path.length) return;
    const matches = pointer.every((segment, i) => segment === '-' ? typeof path[i] === 'number' : String(path[i]) === segment);
    if (!matches) return;
    const rest = path.slice(pointer.length);
    const { range, depth } = locate(doc, [...prefix, index, 'value', ...rest]);
    const covered = pointer.length + Math.max(0, depth - prefix.length - 2);
    if (!best || covered > best.depth) best = { file, range: shiftRange(range, doc.chunk.line), depth: covered };
  });
  return best;
}

/** Whether a patch's `target` selects the object (kind and name, when it gives them). */
function targets(target: unknown, identity: RenderedIdentity): boolean {
  if (!isPlainObject(target)) return true;
  if (typeof target.kind === 'string' && identity.kind !== undefined && target.kind !== identity.kind) return false;
  if (typeof target.name === 'string' && identity.name !== undefined && !identity.name.includes(target.name)) return false;
  return true;
}

/**
 * The document of a file that is the rendered object: same kind, and a name the rendered one contains
 * (namePrefix / nameSuffix). A resource file with one object of that kind matches without the name; a
 * patch (`strict`) must name it, or target it with no name of its own.
 */
function matchingDocument(parsed: ParsedFile, identity: RenderedIdentity, strict: boolean): ParsedDocument | undefined {
  const sameKind = parsed.documents.filter((doc) => isPlainObject(doc.value) && (identity.kind === undefined || doc.value.kind === identity.kind || doc.value.kind === undefined));
  const named = sameKind.find((doc) => {
    const name = nameOf(doc.value);
    return name !== undefined && identity.name !== undefined && identity.name.includes(name);
  });
  if (named) return named;
  if (strict) return sameKind.find((doc) => nameOf(doc.value) === undefined);
  return sameKind.length === 1 ? sameKind[0] : undefined;
}

function nameOf(value: unknown): string | undefined {
  return isPlainObject(value) && isPlainObject(value.metadata) && typeof value.metadata.name === 'string' ? value.metadata.name : undefined;
}

/**
 * A generated ConfigMap or Secret: the line of its generator entry in the kustomization (the entry whose
 * `name` the rendered name starts with, before its hash suffix).
 */
export function locateGenerator(kustomizationFile: string, generatedBy: string, renderedName: string | undefined, read: (file: string) => ParsedFile | undefined): SourcePlace | undefined {
  const doc = read(kustomizationFile)?.documents[0];
  if (!doc || !isPlainObject(doc.value)) return undefined;
  const field = generatedBy === 'SecretGenerator' ? 'secretGenerator' : 'configMapGenerator';
  const entries = doc.value[field];
  if (!Array.isArray(entries)) return undefined;
  const index = entries.findIndex((entry) => isPlainObject(entry) && typeof entry.name === 'string' && renderedName !== undefined && renderedName.includes(entry.name));
  const { range, depth } = locate(doc, index >= 0 ? [field, index, 'name'] : [field], 'key');
  return { file: kustomizationFile, range: shiftRange(range, doc.chunk.line), depth };
}

/** Parses a text once per run: the sources are read by several findings. */
export function parsedReader(readText: (file: string) => string | undefined): (file: string) => ParsedFile | undefined {
  const cache = new Map<string, ParsedFile | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      const text = readText(file);
      cache.set(file, text === undefined ? undefined : parseFile(text));
    }
    return cache.get(file);
  };
}

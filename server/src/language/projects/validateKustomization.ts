import type { Finding, Severity } from '../findings';
import { shiftRange } from '../findings';
import { isPlainObject } from '../manifests';
import { locate, type Target } from '../parse/locate';
import type { ParsedFile } from '../parse/parseFile';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { FieldPath } from '../../simulator/model/source';
import { closestMatches } from '../suggest';
import { KUSTOMIZATION, KUSTOMIZE_API_VERSIONS, type KustomizeType } from './kustomizationSchema';

/**
 * Validates a kustomization file against the Kustomization schema (kustomizationSchema.ts): unknown
 * fields (with "did you mean"), wrong types, an unknown apiVersion or kind (errors), deprecated fields
 * (hints). YAML errors come from the parse, as for any file. Findings in file coordinates.
 */
export function validateKustomization(parsed: ParsedFile): Finding[] {
  const findings: Finding[] = [];
  for (const doc of parsed.documents) {
    for (const finding of doc.findings) findings.push({ ...finding, range: shiftRange(finding.range, doc.chunk.line) });
    if (doc.value === undefined) continue;
    const report = (path: FieldPath, target: Target, severity: Severity, code: string, message: string, data?: Record<string, unknown>): void => {
      findings.push({ range: shiftRange(locateSafely(doc, path, target), doc.chunk.line), severity, code, message, ...(data ? { data } : {}) });
    };
    checkIdentity(doc.value, report);
    walk(doc.value, KUSTOMIZATION, [], report);
  }
  return findings;
}

type Report = (path: FieldPath, target: Target, severity: Severity, code: string, message: string, data?: Record<string, unknown>) => void;

function checkIdentity(value: unknown, report: Report): void {
  if (!isPlainObject(value)) return;
  const kind = typeof value.kind === 'string' ? value.kind : 'Kustomization';
  const versions = KUSTOMIZE_API_VERSIONS[kind];
  if (!versions) {
    report(['kind'], 'value', 'error', 'kustomize/kind', `\`${kind}\` is not a kind of kustomization file: \`Kustomization\` or \`Component\`.`);
    return;
  }
  if (typeof value.apiVersion === 'string' && !versions.includes(value.apiVersion)) {
    report(['apiVersion'], 'value', 'error', 'kustomize/api-version', `A ${kind} takes \`apiVersion: ${versions.join(' or ')}\`, not \`${value.apiVersion}\`.`);
  }
}

function walk(value: unknown, type: KustomizeType, path: FieldPath, report: Report): void {
  switch (type.kind) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') report(path, 'value', 'error', 'kustomize/type', `Expected a string, got ${describe(value)}${typeof value === 'number' || typeof value === 'boolean' ? ' (quote it)' : ''}.`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') report(path, 'value', 'error', 'kustomize/type', `Expected true or false, got ${describe(value)}.`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) report(path, 'value', 'error', 'kustomize/type', `Expected an integer, got ${describe(value)}.`);
      return;
    case 'stringMap':
      if (!isPlainObject(value)) report(path, 'value', 'error', 'kustomize/type', `Expected a mapping of strings, got ${describe(value)}.`);
      else for (const [key, item] of Object.entries(value)) walk(item, { kind: 'string' }, [...path, key], report);
      return;
    case 'list':
      if (!Array.isArray(value)) report(path, 'value', 'error', 'kustomize/type', `Expected a list, got ${describe(value)}.`);
      else value.forEach((item, index) => walk(item, type.items, [...path, index], report));
      return;
    case 'object': {
      if (!isPlainObject(value)) {
        report(path, 'value', 'error', 'kustomize/type', `Expected ${type.name} (a mapping), got ${describe(value)}.`);
        return;
      }
      for (const [key, item] of Object.entries(value)) {
        const field = type.fields[key];
        if (!field) {
          const suggestions = closestMatches(key, Object.keys(type.fields));
          const hint = suggestions.length ? ` — did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?` : '.';
          report([...path, key], 'key', 'error', 'kustomize/unknown-field', `\`${key}\` is not a field of ${type.name}${hint}`, { field: key, suggestions });
          continue;
        }
        if (field.deprecated) report([...path, key], 'key', 'hint', 'kustomize/deprecated-field', `\`${key}\` is deprecated in kustomize v5: use \`${field.deprecated}\` (\`kustomize edit fix\` rewrites it).`);
        walk(item, field.type, [...path, key], report);
      }
    }
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a mapping';
  return typeof value === 'string' ? `the string \`${value}\`` : `\`${String(value)}\``;
}

function locateSafely(doc: ParsedDocument, path: FieldPath, target: Target): Finding['range'] {
  try {
    return locate(doc, path, target).range;
  } catch {
    return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  }
}

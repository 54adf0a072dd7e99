import { didYouMean } from '../messageLists';
import * as l10n from '@vscode/l10n';
import type { Finding, Severity } from '../findings';
import { shiftRange } from '../findings';
import { isPlainObject } from '../manifests';
import { locate, type Target } from '../parse/locate';
import type { ParsedFile } from '../parse/parseFile';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { FieldPath } from '../../simulator/model/source';
import { closestMatches } from '../suggest';
import { KUSTOMIZATION, KUSTOMIZE_API_VERSIONS, type KustomizeType } from './kustomizationSchema';
import { ownValue } from '../../simulator/model/ownValue';

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
  const versions = ownValue(KUSTOMIZE_API_VERSIONS, kind);
  if (!versions) {
    report(['kind'], 'value', 'error', 'kustomize/kind', l10n.t('`{0}` is not a kind of kustomization file: `Kustomization` or `Component`.', kind));
    return;
  }
  if (typeof value.apiVersion === 'string' && !versions.includes(value.apiVersion)) {
    report(['apiVersion'], 'value', 'error', 'kustomize/api-version', l10n.t('A {0} takes `apiVersion: {1}`, not `{2}`.', kind, versions.join(' or '), value.apiVersion));
  }
}

function walk(value: unknown, type: KustomizeType, path: FieldPath, report: Report): void {
  switch (type.kind) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') report(path, 'value', 'error', 'kustomize/type', typeof value === 'number' || typeof value === 'boolean' ? l10n.t('Expected a string, got {0} (quote it).', describe(value)) : l10n.t('Expected a string, got {0}.', describe(value)));
      return;
    case 'boolean':
      if (typeof value !== 'boolean') report(path, 'value', 'error', 'kustomize/type', l10n.t('Expected true or false, got {0}.', describe(value)));
      return;
    case 'integer':
      if (!Number.isInteger(value)) report(path, 'value', 'error', 'kustomize/type', l10n.t('Expected an integer, got {0}.', describe(value)));
      return;
    case 'stringMap':
      if (!isPlainObject(value)) report(path, 'value', 'error', 'kustomize/type', l10n.t('Expected a mapping of strings, got {0}.', describe(value)));
      else for (const [key, item] of Object.entries(value)) walk(item, { kind: 'string' }, [...path, key], report);
      return;
    case 'list':
      if (!Array.isArray(value)) report(path, 'value', 'error', 'kustomize/type', l10n.t('Expected a list, got {0}.', describe(value)));
      else value.forEach((item, index) => walk(item, type.items, [...path, index], report));
      return;
    case 'object': {
      if (!isPlainObject(value)) {
        report(path, 'value', 'error', 'kustomize/type', l10n.t('Expected {0} (a mapping), got {1}.', type.name(), describe(value)));
        return;
      }
      for (const [key, item] of Object.entries(value)) {
        const field = type.fields[key];
        if (!field) {
          const suggestions = closestMatches(key, Object.keys(type.fields));
          const hint = suggestions.length ? didYouMean(suggestions) : '.';
          report([...path, key], 'key', 'error', 'kustomize/unknown-field', l10n.t('`{0}` is not a field of {1}{2}', key, type.name(), hint), { field: key, suggestions });
          continue;
        }
        if (field.deprecated) report([...path, key], 'key', 'hint', 'kustomize/deprecated-field', l10n.t('`{0}` is deprecated in kustomize v5: use `{1}` (`kustomize edit fix` rewrites it).', key, field.deprecated));
        walk(item, field.type, [...path, key], report);
      }
    }
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return l10n.t('a list');
  if (isPlainObject(value)) return l10n.t('a mapping');
  return typeof value === 'string' ? l10n.t('the string `{0}`', value) : `\`${String(value)}\``;
}

function locateSafely(doc: ParsedDocument, path: FieldPath, target: Target): Finding['range'] {
  try {
    return locate(doc, path, target).range;
  } catch {
    return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  }
}

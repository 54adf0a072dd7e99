import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../manifests';
import type { ParsedDocument } from '../parse/parsedDocument';
import { nodeAt } from '../parse/locate';
import { treePathAt } from '../hover/treePathAt';
import { podTemplatePathOf, valueAt } from '../rules/objects/podSpecs';
import type { FieldPath, KubeObject } from '../../simulator/model/source';
import { dataOf, type FixProvider } from './fixContext';
import { offsetIn } from '../parse/documentAt';
import { ingressMigrationEdits } from './ingressMigration';
import type { TextEditRef } from './quickFix';
import { insertIntoMap } from './yamlEdits';

/**
 * `schema/unknown-api-version` for a removed apiVersion → its replacement, with the field changes
 * the new version needs (an Ingress's backends and pathType; the selector apps/v1 requires).
 */
export const apiVersionFix: FixProvider = ({ doc, diagnostic }) => {
  const { replacement } = dataOf(diagnostic);
  if (typeof replacement !== 'string' || replacement === '') return [];
  const hit = treePathAt(doc.root, offsetIn(doc, diagnostic.range.start));
  if (!hit || hit.path[hit.path.length - 1] !== 'apiVersion') return [];
  const objectPath = hit.path.slice(0, -1);
  const object = valueAt(doc.value, objectPath);
  const edits: TextEditRef[] = [{ range: diagnostic.range, newText: replacement }];
  if (isPlainObject(object)) edits.push(...migrationEdits(doc, objectPath, object as KubeObject, replacement));
  const title = edits.length > 1 ? l10n.t('Change apiVersion to `{0}` and update its fields', replacement) : l10n.t('Change apiVersion to `{0}`', replacement);
  return [{ title, edits, diagnostic, preferred: true }];
};

function migrationEdits(doc: ParsedDocument, objectPath: FieldPath, object: KubeObject, replacement: string): TextEditRef[] {
  if (object.kind === 'Ingress' && replacement === 'networking.k8s.io/v1') return ingressMigrationEdits(doc, objectPath);
  if (replacement === 'apps/v1' && (object.kind === 'Deployment' || object.kind === 'DaemonSet' || object.kind === 'ReplicaSet')) return selectorEdits(doc, objectPath, object);
  return [];
}

/** apps/v1 requires `spec.selector`; the old versions defaulted it to the template's labels. */
function selectorEdits(doc: ParsedDocument, objectPath: FieldPath, object: KubeObject): TextEditRef[] {
  const spec = object.spec;
  if (!isPlainObject(spec) || spec.selector !== undefined) return [];
  const template = podTemplatePathOf(object);
  const labels = template ? valueAt(object, [...template, 'metadata', 'labels']) : undefined;
  const specNode = nodeAt(doc, [...objectPath, 'spec']);
  if (!isPlainObject(labels) || Object.keys(labels).length === 0 || specNode?.kind !== 'map') return [];
  const lines = ['selector:', '  matchLabels:', ...Object.entries(labels).map(([k, v]) => `    ${k}: ${JSON.stringify(String(v))}`)];
  return [insertIntoMap(doc, specNode, lines)];
}

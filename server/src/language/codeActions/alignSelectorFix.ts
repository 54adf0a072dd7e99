import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../manifests';
import { nodeAt } from '../parse/locate';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { Range } from '../findings';
import { podTemplatePathOf, valueAt } from '../rules/objects/podSpecs';
import type { FieldPath, KubeObject } from '../../simulator/model/source';
import type { DiagnosticRef, QuickFix, TextEditRef } from './quickFix';
import { edit, insertIntoMap } from './yamlEdits';

const WORKLOADS: ReadonlySet<string> = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

/**
 * A workload whose `selector.matchLabels` its pod template's labels do not satisfy → add or change
 * the template's labels so that they match. Offered wherever the request touches the workload's
 * selector or template labels (the mismatch diagnostic may come from the rules or the simulator).
 */
export function alignSelectorFixes(doc: ParsedDocument, requested: Range, diagnostics: readonly DiagnosticRef[]): QuickFix[] {
  const object = doc.value;
  if (!isPlainObject(object)) return [];
  const kube = object as KubeObject;
  if (typeof kube.kind !== 'string' || !WORKLOADS.has(kube.kind)) return [];
  const template = podTemplatePathOf(kube);
  const matchLabels = valueAt(kube, ['spec', 'selector', 'matchLabels']);
  if (!template || !isPlainObject(matchLabels)) return [];
  const labelsPath: FieldPath = [...template, 'metadata', 'labels'];
  const labels = valueAt(kube, labelsPath);
  const current = isPlainObject(labels) ? labels : {};
  const missing = Object.entries(matchLabels).filter(([k, v]) => String(current[k]) !== String(v));
  if (missing.length === 0) return [];
  if (!touches(doc, requested, [['spec', 'selector'], labelsPath, template])) return [];
  const edits = labelEdits(doc, template, labelsPath, missing.map(([k, v]) => [k, String(v)]));
  if (!edits.length) return [];
  const diagnostic = diagnostics.find((d) => /selector/i.test(String(d.code ?? '')) || /selector/i.test(d.message));
  return [{ title: l10n.t('Align the template labels with the selector'), edits, ...(diagnostic ? { diagnostic } : {}), preferred: true }];
}

function labelEdits(doc: ParsedDocument, template: FieldPath, labelsPath: FieldPath, wanted: Array<[string, string]>): TextEditRef[] {
  const labelsNode = nodeAt(doc, labelsPath);
  if (labelsNode?.kind === 'map') {
    const edits: TextEditRef[] = [];
    const toAdd: string[] = [];
    for (const [key, value] of wanted) {
      const pair = labelsNode.items.find((p) => String(p.key.value) === key);
      if (pair?.value?.kind === 'scalar') edits.push(edit(doc, pair.value.range[0], pair.value.range[1], JSON.stringify(value)));
      else toAdd.push(`${key}: ${JSON.stringify(value)}`);
    }
    if (toAdd.length) edits.push(...toAdd.map((line) => insertIntoMap(doc, labelsNode, [line])));
    return edits;
  }
  const lines = ['labels:', ...wanted.map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)];
  const metadata = nodeAt(doc, [...template, 'metadata']);
  if (metadata?.kind === 'map') return [insertIntoMap(doc, metadata, lines)];
  const templateNode = nodeAt(doc, template);
  if (templateNode?.kind === 'map') return [insertIntoMap(doc, templateNode, ['metadata:', ...lines.map((l) => `  ${l}`)])];
  return [];
}

function touches(doc: ParsedDocument, requested: Range, paths: FieldPath[]): boolean {
  for (const path of paths) {
    const node = nodeAt(doc, path);
    if (!node) continue;
    const range = doc.lines.range(node.range[0], node.range[1]);
    const startLine = range.start.line + doc.chunk.line;
    const endLine = range.end.line + doc.chunk.line;
    if (requested.end.line >= startLine - 1 && requested.start.line <= endLine) return true;
  }
  return false;
}

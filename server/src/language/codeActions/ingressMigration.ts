import { nodeAt } from '../parse/locate';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { YMap, YNode } from '../parse/yamlNode';
import type { FieldPath } from '../../simulator/model/source';
import type { TextEditRef } from './quickFix';
import { columnOf, contentEnd, edit, insertIntoMap } from './yamlEdits';

/**
 * The field changes from an `extensions/v1beta1` or `networking.k8s.io/v1beta1` Ingress to
 * `networking.k8s.io/v1`:
 *   - `backend: {serviceName: web, servicePort: 80}` → `backend: {service: {name: web, port: {number: 80}}}`
 *     (a named port becomes `port: {name: http}`);
 *   - every path gets `pathType: ImplementationSpecific` (v1 requires one; that is v1beta1's behaviour);
 *   - `spec.backend` is renamed `spec.defaultBackend`.
 */
export function ingressMigrationEdits(doc: ParsedDocument, objectPath: FieldPath): TextEditRef[] {
  const edits: TextEditRef[] = [];
  const spec = nodeAt(doc, [...objectPath, 'spec']);
  if (spec?.kind !== 'map') return edits;
  for (const pair of spec.items) {
    if (pair.key.value === 'backend') {
      edits.push(edit(doc, pair.key.range[0], pair.key.range[1], 'defaultBackend'));
      if (pair.value) edits.push(...backendEdits(doc, pair.value));
    }
    if (pair.key.value === 'rules' && pair.value?.kind === 'seq') {
      for (const rule of pair.value.items) {
        const paths = rule?.kind === 'map' ? valueOf(valueOf(rule, 'http'), 'paths') : undefined;
        if (paths?.kind !== 'seq') continue;
        for (const path of paths.items) {
          if (path?.kind !== 'map') continue;
          const backend = valueOf(path, 'backend');
          if (backend) edits.push(...backendEdits(doc, backend));
          if (!valueOf(path, 'pathType') && !path.items.some((p) => p.key.value === 'pathType')) edits.push(insertIntoMap(doc, path, ['pathType: ImplementationSpecific']));
        }
      }
    }
  }
  return edits;
}

function backendEdits(doc: ParsedDocument, backend: YNode): TextEditRef[] {
  if (backend.kind !== 'map') return [];
  const name = valueOf(backend, 'serviceName');
  const port = valueOf(backend, 'servicePort');
  if (name?.kind !== 'scalar') return [];
  const portValue = port?.kind === 'scalar' ? port.value : undefined;
  const portField = typeof portValue === 'number' ? `number: ${portValue}` : portValue !== undefined ? `name: ${String(portValue)}` : undefined;
  const serviceName = String(name.value);
  const others = backend.items.filter((p) => p.key.value !== 'serviceName' && p.key.value !== 'servicePort');
  if (others.length) return []; // a resource backend, or something unexpected: leave it for the author
  const end = contentEnd(doc, backend.range[0], backend.range[1]);
  if (backend.flow) {
    return [edit(doc, backend.range[0], end, `{service: {name: ${serviceName}${portField ? `, port: {${portField}}` : ''}}}`)];
  }
  const indent = ' '.repeat(columnOf(doc, backend.range[0]));
  const lines = ['service:', `  name: ${serviceName}`, ...(portField ? ['  port:', `    ${portField}`] : [])];
  return [edit(doc, backend.range[0], end, lines.map((line, i) => (i === 0 ? line : indent + line)).join('\n'))];
}

function valueOf(node: YNode | null | undefined, key: string): YNode | null | undefined {
  if (node?.kind !== 'map') return undefined;
  return (node as YMap).items.find((p) => p.key.value === key)?.value;
}

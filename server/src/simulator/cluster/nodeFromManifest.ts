import * as l10n from '@vscode/l10n';
import { isRecord, toLabels } from '../model/labelSelector';
import type { NodeCondition, NodeImage, SimNode } from '../model/node';
import { readyCondition } from '../model/podFromObject';
import { parseResourceList, PODS, type ResourceListProblem } from '../model/resources';
import type { Manifest, SimFinding } from '../model/source';
import { parseTaints } from '../model/taints';

/**
 * A `Node` manifest → SimNode. Allocatable falls back to capacity (API defaulting does the same
 * when a node reports no allocatable). A node without `pods` in either accepts no pod at all
 * (upstream: `Too many pods`), which is almost never what a hand-written profile means: a warning
 * says so.
 */
export function nodeFromManifest(manifest: Manifest, findings: SimFinding[]): SimNode | undefined {
  const { object, source } = manifest;
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  if (name === '') {
    findings.push({ source, path: ['metadata'], severity: 'warning', code: 'sim/invalid-node', message: l10n.t('This Node has no metadata.name; it is left out of the simulated cluster.') });
    return undefined;
  }
  const spec = isRecord(object.spec) ? object.spec : {};
  const status = isRecord(object.status) ? object.status : {};
  const hasAllocatable = isRecord(status.allocatable);
  const problems: ResourceListProblem[] = [];
  const allocatable = parseResourceList(hasAllocatable ? status.allocatable : status.capacity, problems);
  const field = hasAllocatable ? 'allocatable' : 'capacity';
  for (const problem of problems) {
    findings.push({ source, path: ['status', field, problem.resource], severity: 'warning', code: 'sim/invalid-quantity', message: l10n.t('{0}; node {1} is simulated without {2}.', problem.error, name, problem.resource) });
  }
  if (allocatable[PODS] === undefined) {
    findings.push({
      source,
      path: hasAllocatable || isRecord(status.capacity) ? ['status', field] : ['status'],
      severity: 'warning',
      code: 'sim/node-without-allocatable',
      message: l10n.t('Node {0} declares no allocatable pods, so the scheduler places no pod on it ("Too many pods"). Add status.allocatable (cpu, memory, pods) as `kubectl get node -o yaml` prints it.', name),
    });
  }
  return {
    name,
    labels: toLabels(metadata.labels),
    taints: parseTaints(spec.taints),
    unschedulable: spec.unschedulable === true,
    allocatable,
    images: parseImages(status.images),
    ready: readyCondition(status.conditions) ?? null,
    conditions: parseConditions(status.conditions),
    source,
  };
}

/** `status.conditions` entries with a string type and status, as written; others are skipped. */
function parseConditions(raw: unknown): NodeCondition[] {
  if (!Array.isArray(raw)) return [];
  const conditions: NodeCondition[] = [];
  for (const entry of raw) {
    if (!isRecord(entry) || typeof entry.type !== 'string' || typeof entry.status !== 'string') continue;
    conditions.push({
      type: entry.type,
      status: entry.status,
      ...(typeof entry.reason === 'string' ? { reason: entry.reason } : {}),
      ...(typeof entry.message === 'string' ? { message: entry.message } : {}),
    });
  }
  return conditions;
}

function parseImages(raw: unknown): NodeImage[] {
  if (!Array.isArray(raw)) return [];
  const images: NodeImage[] = [];
  for (const entry of raw) {
    if (!isRecord(entry) || !Array.isArray(entry.names)) continue;
    const size = typeof entry.sizeBytes === 'number' && Number.isFinite(entry.sizeBytes) ? entry.sizeBytes : 0;
    images.push({ names: entry.names.map(String), sizeBytes: size });
  }
  return images;
}

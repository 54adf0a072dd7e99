import * as l10n from '@vscode/l10n';
import { computeClassMatrix, MAX_MATRIX_CELLS } from './matrix';
import { formatPortSet } from './portSet';
import type { PolicyIndex } from './policyIndex';

/**
 * The matrix as users read it: rows and columns are pod groups (the replicas of one workload that
 * policies cannot tell apart, or a single pod), then external address ranges. A cell says which
 * connections the row may initiate to the column: "All connections", "No connections", or e.g.
 * "TCP 80,443;UDP 53". A single pod's own cell is "self" (never governed by NetworkPolicy);
 * external → external is "n/a". Groups are sorted by label; externals follow in address order.
 */
export interface MatrixEndpoint {
  label: string;
  kind: 'pods' | 'external';
  /** Pod keys of the group (empty for externals). */
  pods: string[];
  /** Pods: the namespace, and the owning workload ("ns/web"; null for a pod no controller owns). */
  namespace?: string;
  workload?: string | null;
  /** Externals: the ipBlocks that contain the range (externalRangeNames.ts); empty: no ipBlock does. */
  blocks?: string[];
}

export interface ReachabilityMatrix {
  endpoints: MatrixEndpoint[];
  /** connections[row][column] */
  connections: string[][];
}

export function buildMatrix(index: PolicyIndex): { matrix: ReachabilityMatrix | null; error: string | null } {
  const groups = groupPods(index);
  const size = groups.length + index.externals.length;
  if (index.endpointCount * index.endpointCount > MAX_MATRIX_CELLS || size * size > MAX_MATRIX_CELLS) {
    return { matrix: null, error: l10n.t('the matrix would have {0} × {0} cells, more than the {1} Drydock computes: ask for specific connections with --query', size, MAX_MATRIX_CELLS) };
  }
  const classMatrix = computeClassMatrix(index);
  const classes = index.classes.length;
  const endpointIds = [...groups.map((g) => g.classId), ...index.externals.map((_, i) => classes + i)];
  const endpoints: MatrixEndpoint[] = [
    ...groups.map((g) => ({ label: g.label, kind: 'pods' as const, pods: g.pods, namespace: g.namespace, workload: g.workload })),
    ...index.model.externals.map((range) => ({ label: range.label, kind: 'external' as const, pods: [], blocks: range.blocks })),
  ];
  const texts: string[] = [];
  const format = (id: number) => texts[id] ?? (texts[id] = formatPortSet(index.table.sets[id]));
  const connections: string[][] = new Array(endpointIds.length);
  for (let row = 0; row < endpointIds.length; row++) {
    const s = endpointIds[row];
    const line: string[] = new Array(endpointIds.length);
    const base = s * classMatrix.size;
    for (let column = 0; column < endpointIds.length; column++) {
      const d = endpointIds[column];
      line[column] = s >= classes && d >= classes ? 'n/a' : row === column && endpoints[row].pods.length === 1 ? 'self' : format(classMatrix.cells[base + d]);
    }
    connections[row] = line;
  }
  return { matrix: { endpoints, connections }, error: null };
}

interface PodGroup {
  label: string;
  classId: number;
  pods: string[];
  namespace: string;
  workload: string | null;
}

function groupPods(index: PolicyIndex): PodGroup[] {
  const byKey = new Map<string, PodGroup>();
  for (const pod of index.model.pods) {
    const classId = index.classOfPod.get(pod.key) as number;
    const key = `${pod.workload ?? pod.key}\u0000${classId}`;
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = { label: '', classId, pods: [], namespace: pod.namespace, workload: pod.workload }));
    group.pods.push(pod.key);
  }
  const groups = [...byKey.values()];
  const perWorkload = new Map<string, number>();
  for (const g of groups) if (g.workload) perWorkload.set(g.workload, (perWorkload.get(g.workload) ?? 0) + 1);
  for (const g of groups) {
    if (g.pods.length === 1 || !g.workload) g.label = g.pods.length === 1 ? g.pods[0] : l10n.t('{0} ({1} pods)', g.pods[0], g.pods.length);
    else g.label = l10n.t('{0} ({1} pods)', g.workload, g.pods.length);
    if (g.workload && (perWorkload.get(g.workload) ?? 0) > 1 && g.pods.length > 1) g.label = l10n.t('{0} [{1}…] ({2} pods)', g.workload, g.pods[0], g.pods.length);
  }
  return groups.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

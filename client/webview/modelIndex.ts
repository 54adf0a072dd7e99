import type { PreviewModel, PreviewNode, PreviewPod } from '../../server/src/protocol/preview';
import type { WorkloadRef } from '../../server/src/protocol/webviewMessages';
import { indexDuplicates, type DuplicateIndex } from './duplicateFiles';
import { keyOf } from './format';

export const ZONE_LABEL = 'topology.kubernetes.io/zone';
export const REGION_LABEL = 'topology.kubernetes.io/region';
export const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];
const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable';

/** Nodes of one zone (and region), in name order. */
export interface ZoneGroup {
  region: string | null;
  zone: string | null;
  nodes: PreviewNode[];
}

/**
 * Lookups every view needs, computed once per model: O(nodes + pods), so that a model of 1,000 nodes
 * and 10,000 pods is indexed in a few milliseconds.
 */
export interface ModelIndex {
  model: PreviewModel;
  podByKey: Map<string, PreviewPod>;
  podsByNode: Map<string, PreviewPod[]>;
  pending: PreviewPod[];
  zones: ZoneGroup[];
  nodeByName: Map<string, PreviewNode>;
  /** The objects several previewed files define (scopes folder and workspace): their files are shown beside their names. */
  duplicates: DuplicateIndex;
}

export function indexModel(model: PreviewModel): ModelIndex {
  const podByKey = new Map<string, PreviewPod>();
  const podsByNode = new Map<string, PreviewPod[]>();
  const pending: PreviewPod[] = [];
  for (const pod of model.simulation.pods) {
    podByKey.set(keyOf(pod), pod);
    if (pod.node === null) {
      pending.push(pod);
      continue;
    }
    let list = podsByNode.get(pod.node);
    if (!list) podsByNode.set(pod.node, (list = []));
    list.push(pod);
  }
  const nodeByName = new Map(model.simulation.nodes.map((node) => [node.name, node]));
  return { model, podByKey, podsByNode, pending, zones: groupByZone(model.simulation.nodes), nodeByName, duplicates: indexDuplicates(model) };
}

function groupByZone(nodes: readonly PreviewNode[]): ZoneGroup[] {
  const groups = new Map<string, ZoneGroup>();
  for (const node of nodes) {
    const region = node.labels[REGION_LABEL] ?? null;
    const zone = node.labels[ZONE_LABEL] ?? null;
    const id = `${region ?? ''}\u0000${zone ?? ''}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { region, zone, nodes: [] }));
    group.nodes.push(node);
  }
  const sorted = [...groups.values()].sort((a, b) => compareNullsLast(a.region, b.region) || compareNullsLast(a.zone, b.zone));
  for (const group of sorted) group.nodes.sort((a, b) => a.name.localeCompare(b.name));
  return sorted;
}

function compareNullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

export function isControlPlane(node: PreviewNode): boolean {
  return CONTROL_PLANE_LABELS.some((label) => label in node.labels);
}

export function isCordoned(node: PreviewNode): boolean {
  return node.unschedulable === true || node.taints.some((taint) => taint.key === UNSCHEDULABLE_TAINT);
}

/** Whether a pod was stamped out by the workload (directly, or through a ReplicaSet named after it). */
export function podBelongsTo(pod: PreviewPod, workload: WorkloadRef): boolean {
  if (pod.namespace !== workload.namespace || !pod.owner) return false;
  if (pod.owner.kind === workload.kind && pod.owner.name === workload.name) return true;
  return workload.kind === 'Deployment' && pod.owner.kind === 'ReplicaSet' && pod.owner.name.startsWith(`${workload.name}-`);
}

/** Labels worth showing on a node card: not the ones that every node has or that the card shows otherwise. */
const ROUTINE_LABELS = new Set([
  'kubernetes.io/hostname',
  'kubernetes.io/os',
  'beta.kubernetes.io/os',
  'beta.kubernetes.io/arch',
  ZONE_LABEL,
  REGION_LABEL,
  'failure-domain.beta.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region',
  ...CONTROL_PLANE_LABELS,
]);

export function keyLabels(node: PreviewNode): Array<[string, string]> {
  return Object.entries(node.labels).filter(([key]) => !ROUTINE_LABELS.has(key));
}

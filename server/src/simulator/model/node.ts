import type { ResourceAmounts } from './resources';
import type { SourceRef } from './source';
import type { Taint } from './taints';

/** One entry of `node.status.images`: the names an image is known by and its size. */
export interface NodeImage {
  names: string[];
  sizeBytes: number;
}

/** One entry of `node.status.conditions`, as written (e.g. `{ type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' }`). */
export interface NodeCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/**
 * A node of the simulated cluster, read from a `Node` manifest (what `kubectl get nodes -o yaml`
 * prints) or from the embedded default cluster.
 */
export interface SimNode {
  name: string;
  /** Prototype-less (see `toLabels`). */
  labels: Record<string, string>;
  taints: Taint[];
  /** `spec.unschedulable` (a cordoned node). */
  unschedulable: boolean;
  /** `status.allocatable` (or `status.capacity` when allocatable is missing, as API defaulting does). */
  allocatable: ResourceAmounts;
  images: NodeImage[];
  /** The `Ready` condition when the manifest has one; null when it does not say. */
  ready: boolean | null;
  /** `status.conditions` as written (absent: none), for the preview's node details; `ready` is what the simulation reads. */
  conditions?: NodeCondition[];
  /** The manifest it came from; null for the embedded default cluster. */
  source: SourceRef | null;
}

import type { FieldPath, SourceRef } from './source';

/**
 * The pod shapes the simulator reads. Loosely typed on purpose: manifests are user input, so every
 * field may be missing; readers use the helpers in this folder rather than trusting the shape.
 * Owners of simulator/ may add fields here; do not rename or remove them (the scheduler, the
 * controllers and the webview all read them).
 */
export interface ContainerPort {
  name?: string;
  containerPort?: number;
  protocol?: string;
  hostPort?: number;
  hostIP?: string;
}

export interface Container {
  name?: string;
  image?: string;
  ports?: ContainerPort[];
  resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
  restartPolicy?: string;
  [key: string]: unknown;
}

export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  schedulerName?: string;
  priorityClassName?: string;
  priority?: number;
  tolerations?: Array<Record<string, unknown>>;
  affinity?: Record<string, unknown>;
  topologySpreadConstraints?: Array<Record<string, unknown>>;
  schedulingGates?: Array<{ name?: string }>;
  overhead?: Record<string, string | number>;
  hostNetwork?: boolean;
  [key: string]: unknown;
}

/** One pod of the simulation: a Pod manifest, or one replica a workload controller would create. */
export interface SimPod {
  /** `namespace/name`, unique within one simulation. */
  key: string;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The controller that owns it (ReplicaSet for a Deployment's pods, as upstream), or null. */
  owner: { kind: string; name: string } | null;
  spec: PodSpec;
  /** Resolved priority (PriorityClass value, spec.priority, or 0). */
  priority: number;
  /** status.phase when the manifest carries it (pods from a cluster profile), else null. */
  phase: string | null;
  ready: boolean;
  /** The node it runs on (bound directly or placed by the scheduler); null while Pending. */
  nodeName: string | null;
  /** The manifest object that defines this pod (the workload for replicas). */
  source: SourceRef;
  /** Path of the pod spec inside that object: ['spec'] for a Pod, ['spec','template','spec'] for a Deployment. */
  specPath: FieldPath;
  /**
   * The owning controller's label selector (`metav1.LabelSelector`; a ReplicationController's map
   * as `matchLabels`). The scheduler's default topology spreading uses it for ReplicaSet,
   * StatefulSet and ReplicationController owners. Unset when unknown.
   */
  ownerSelector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | null;
  /** The top-level workload the user wrote (a Deployment for its ReplicaSet's pods), when not the owner itself. */
  workload?: { kind: string; name: string } | null;
  /** `metadata.deletionTimestamp` is set: still running, but no longer counted for topology spreading. */
  terminating?: boolean;
  /** Where the pod comes from: the user's manifests, or the cluster profile (already running). */
  origin?: 'manifest' | 'cluster';
}

/**
 * The preview model's nodes and pods: what the scheduler did with each pod, and why (PreviewModel.simulation, PodDetails).
 * Types only, plain JSON (see preview.ts).
 */

import type { SourceLocation } from './sourceLocation';

/** The answer to `drydock/podDetails`: one pod's per-node filter verdicts and scores. */
export interface PodDetails {
  /** "namespace/name" */
  pod: string;
  filters: Record<string, PreviewFilterVerdict>;
  scores: Record<string, NodeScore>;
}

/**
 * Resource amounts as the scheduler counts them: `cpu` in millicores, everything else (memory,
 * ephemeral-storage, pods, extended resources) in whole units (bytes for memory).
 * Example: `{ cpu: 3500, memory: 8589934592, pods: 110 }` is 3.5 cores, 8 GiB, 110 pods.
 */
export type PreviewResourceAmounts = Record<string, number>;

export interface PreviewTaint {
  key: string;
  value: string;
  /** NoSchedule | PreferNoSchedule | NoExecute */
  effect: string;
}

export interface PreviewNode {
  name: string;
  labels: Record<string, string>;
  taints: PreviewTaint[];
  allocatable: PreviewResourceAmounts;
  /** Sum of the requests of the pods on the node after the simulation. */
  requested: PreviewResourceAmounts;
  /** `spec.unschedulable` (cordoned). Absent means false. */
  unschedulable?: boolean;
  /** The node's Ready condition; null or absent when the manifest does not say. */
  ready?: boolean | null;
  /** `status.conditions` as the Node manifest writes them (absent: none written), shown in the node details. */
  conditions?: PreviewNodeCondition[];
  /** The Node manifest; null for the built-in default cluster. */
  source?: SourceLocation | null;
  /** The volumes attached for its pods' claims, and its CSINode's per-driver limits; absent: neither. */
  volumes?: PreviewNodeVolumes;
}

/** One of a node's `status.conditions`, verbatim, e.g. `{ type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' }`. */
export interface PreviewNodeCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** A node's volumes as NodeVolumeLimits counts them (each unique volume once). */
export interface PreviewNodeVolumes {
  /** Volumes of every driver attached for the pods on the node. */
  attached: number;
  /** The CSINode's `allocatable.count` per driver, with the volumes of that driver attached, e.g. `{ driver: 'ebs.csi.aws.com', attached: 3, limit: 25 }`. */
  limits: Array<{ driver: string; attached: number; limit: number }>;
}

/** One claim of a pod after the run: the PV it is bound to, or why none (the PV controller's or the scheduler's words). */
export interface PreviewPodVolume {
  /** "namespace/name" */
  claim: string;
  pv: string | null;
  /** Null when bound, e.g. "waiting for first consumer to be created before binding". */
  reason: string | null;
  /** The claim's manifest, or the StatefulSet's volumeClaimTemplate it is stamped from. */
  source?: SourceLocation | null;
}

/** Bound: `spec.nodeName` was set in the manifest; Scheduled: the scheduler placed it; Pending: it fits nowhere. */
export type PodStatus = 'Bound' | 'Scheduled' | 'Pending';

/** The first filter plugin that rejected a node for a pod, e.g. `{ plugin: 'NodeResourcesFit', reason: 'Insufficient cpu' }`. */
export interface PreviewFilterVerdict {
  plugin: string;
  reason: string;
}

/** A node's score for a pod: the weighted score of each plugin and their sum. */
export interface NodeScore {
  total: number;
  plugins: Record<string, number>;
}

export interface PreviewPod {
  namespace: string;
  name: string;
  /** The controller that owns the pod (Deployment, StatefulSet, DaemonSet, Job…), null for a bare Pod. */
  owner: { kind: string; name: string } | null;
  node: string | null;
  status: PodStatus;
  /** The scheduler's verdict, e.g. "0/3 nodes are available: 3 Insufficient cpu." */
  message: string;
  /**
   * A pod that fits nowhere: the cause in plain words, ahead of `message` (kept verbatim), e.g.
   * "asks 64 CPU; the largest node has 3.92 CPU allocatable — lower the request to at most 3.92 CPU".
   */
  lead?: string;
  /** The workload the user wrote when it is not `owner` itself (the Deployment of a ReplicaSet's pods). */
  workload?: { kind: string; name: string };
  /** Nodes that a filter rejected, by node name. Nodes absent here passed every filter. */
  filters: Record<string, PreviewFilterVerdict>;
  /** Scores of the nodes that passed the filters (when more than one did), by node name. */
  scores: Record<string, NodeScore>;
  /**
   * `filters` and `scores` grow as pods × nodes and dominate the model: past a budget the server
   * leaves them empty for every pod and says how many there are here; the webview asks for one
   * pod's with `podDetails` when it shows that pod.
   */
  detailsOmitted?: { filters: number; scores: number; bestTotal: number | null };
  /** Nodes that shared the best total, when there was a tie (the scheduler picked `node`). */
  tie?: string[];
  /** The pod's requests (same units as `PreviewResourceAmounts`). */
  requests?: PreviewResourceAmounts;
  labels?: Record<string, string>;
  /** The manifest of the pod, or of the workload that stamps it out. */
  source?: SourceLocation | null;
  /** Its claims and the PV each got (absent: no claim); at most a few, `volumesOmitted` counts the rest. */
  volumes?: PreviewPodVolume[];
  volumesOmitted?: number;
}

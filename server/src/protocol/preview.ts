/**
 * The cluster preview: what the language server sends for a document (`PreviewModel`), the request
 * that asks for it, and the messages between the VS Code host and the preview webview.
 *
 * Types and method names only: no runtime imports, so the extension client, the language server and
 * the browser bundle (client/webview, DOM lib) can all import this file. Everything is plain JSON.
 *
 *   webview ──WebviewToHost──▶ host (client/src/preview) ──drydock/preview──▶ language server
 *   webview ◀──HostToWebview── host ◀──────PreviewModel──────────────────────┘
 *                                   ◀──drydock/previewChanged (notification)──
 *   webview ──podDetails──▶ host ──drydock/podDetails──▶ server (when the model left them out)
 */

// ───────────────────────────── LSP request / notification ─────────────────────────────

/** Which manifests the simulation covers: the active document only, or every manifest of the workspace. */
export type PreviewScope = 'file' | 'workspace';

/** Request `drydock/preview` (client → server): simulate for one document. Result: `PreviewModel | null`. */
export const PREVIEW_REQUEST_METHOD = 'drydock/preview';

export interface PreviewParams {
  /** The document the preview follows (with scope `workspace`, the one that is active). */
  uri: string;
  scope: PreviewScope;
  /** Pods of the new template never become ready: the rollout stalls (rollout.md §3.1, never-ready variant). */
  neverReady: boolean;
}

/**
 * Request `drydock/podDetails` (client → server): the per-node filter verdicts and scores of one pod
 * of a preview, for models that left them out (`PreviewPod.detailsOmitted`). Answered from the same
 * dry run as the preview with the same params. Result: `PodDetails | null` (null: no such pod now).
 */
export const POD_DETAILS_REQUEST_METHOD = 'drydock/podDetails';

export interface PodDetailsParams extends PreviewParams {
  /** "namespace/name" */
  pod: string;
}

export interface PodDetails {
  /** "namespace/name" */
  pod: string;
  filters: Record<string, FilterVerdict>;
  scores: Record<string, NodeScore>;
}

/**
 * Notification `drydock/previewChanged` (server → client): the simulation inputs changed for reasons
 * the client cannot see (a file on disk, the cluster profile, settings). The client asks again.
 */
export const PREVIEW_CHANGED_NOTIFICATION = 'drydock/previewChanged';

export interface PreviewChangedParams {
  /** Documents whose preview may differ; empty means "any". */
  uris: string[];
}

// ───────────────────────────────────── The model ─────────────────────────────────────

/** Where an object was written, so that a click can reveal it. `line` is 0-based. */
export interface SourceLocation {
  uri: string;
  line: number;
}

/**
 * Resource amounts as the scheduler counts them: `cpu` in millicores, everything else (memory,
 * ephemeral-storage, pods, extended resources) in whole units (bytes for memory).
 * Example: `{ cpu: 3500, memory: 8589934592, pods: 110 }` is 3.5 cores, 8 GiB, 110 pods.
 */
export type ResourceAmounts = Record<string, number>;

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
  allocatable: ResourceAmounts;
  /** Sum of the requests of the pods on the node after the simulation. */
  requested: ResourceAmounts;
  /** `spec.unschedulable` (cordoned). Absent means false. */
  unschedulable?: boolean;
  /** The node's Ready condition; null or absent when the manifest does not say. */
  ready?: boolean | null;
  /** The Node manifest; null for the built-in default cluster. */
  source?: SourceLocation | null;
}

/** Bound: `spec.nodeName` was set in the manifest; Scheduled: the scheduler placed it; Pending: it fits nowhere. */
export type PodStatus = 'Bound' | 'Scheduled' | 'Pending';

/** The first filter plugin that rejected a node for a pod, e.g. `{ plugin: 'NodeResourcesFit', reason: 'Insufficient cpu' }`. */
export interface FilterVerdict {
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
  /** Nodes that a filter rejected, by node name. Nodes absent here passed every filter. */
  filters: Record<string, FilterVerdict>;
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
  /** The pod's requests (same units as `ResourceAmounts`). */
  requests?: ResourceAmounts;
  labels?: Record<string, string>;
  /** The manifest of the pod, or of the workload that stamps it out. */
  source?: SourceLocation | null;
}

export interface ServiceEndpoint {
  /** "namespace/name" of the pod. */
  pod: string;
  port: number;
  ready: boolean;
}

export interface ServicePort {
  name: string;
  port: number;
  protocol: string;
  targetPort?: number | string;
  endpoints: ServiceEndpoint[];
}

export interface PreviewService {
  namespace: string;
  name: string;
  type?: string;
  ports: ServicePort[];
  source?: SourceLocation | null;
}

export interface PreviewDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

/** `drydock simulate` output. */
export interface SimulationResult {
  nodes: PreviewNode[];
  pods: PreviewPod[];
  services: PreviewService[];
  diagnostics: PreviewDiagnostic[];
}

/** Where one pod of a Deployment is at the end of a rollout step. */
export interface RolloutPodPlacement {
  /** "namespace/name" */
  pod: string;
  /** Node name, or null while pending. */
  node: string | null;
  /** Whether the pod belongs to the new ReplicaSet (the updated template). */
  isNew: boolean;
  ready: boolean;
}

export interface RolloutReplicaSet {
  name: string;
  revision: number;
  replicas: number;
  available: number;
  isNew: boolean;
}

/** One idealised controller tick (rollout.md §3.3); the counts are the end-of-step values. */
export interface RolloutStep {
  oldReplicas: number;
  newReplicas: number;
  available: number;
  unavailable: number;
  /** What the controller did, in order, e.g. "Scaled up replica set web-7c9 to 2 from 1". */
  actions: string[];
  /** "<ns/pod>: <scheduler message>" for pods that fit nowhere at the end of the step. */
  pending: string[];
  /** 0-based tick number; defaults to the index. */
  step?: number;
  /** What `kubectl rollout status` would print now. */
  rolloutStatus?: string;
  replicaSets?: RolloutReplicaSet[];
  /** Every pod of the Deployment at the end of the step; when absent the view shows counts only. */
  pods?: RolloutPodPlacement[];
}

export type RolloutOutcome = 'complete' | 'stalled' | 'paused' | 'invalid';

export interface DeploymentRollout {
  namespace: string;
  name: string;
  strategy: 'RollingUpdate' | 'Recreate';
  /** Resolved to pod counts. */
  maxSurge: number;
  maxUnavailable: number;
  outcome: RolloutOutcome;
  steps: RolloutStep[];
  replicas?: number;
  /** Why the rollout stopped short (stalled / paused / invalid), in words. */
  stallReason?: string | null;
  notes?: string[];
  source?: SourceLocation | null;
}

/** `drydock rollout` output. */
export interface RolloutResults {
  deployments: DeploymentRollout[];
}

export interface DirectionVerdict {
  /** At least one NetworkPolicy selects the subject for this direction. */
  isolated: boolean;
  /** "ns/policy ingress[0]": every rule that allows the connection. */
  allowedBy: string[];
  allowed?: boolean;
  isolatedBy?: string[];
  explanation?: string;
}

export interface ReachQuery {
  /** Endpoints as written in the query: "ns/pod", "ns/workload" or an address. */
  from: string;
  to: string;
  port: number;
  protocol: string;
  allowed: boolean;
  ingress: DirectionVerdict;
  egress: DirectionVerdict;
  /** One sentence: the verdict and which side(s) decided it. */
  explanation?: string;
}

/** A row/column of the reachability matrix: a pod group (replicas of one workload) or an external range. */
export interface ReachMatrixEndpoint {
  label: string;
  kind: 'pods' | 'external';
  pods: string[];
}

export interface ReachMatrix {
  endpoints: ReachMatrixEndpoint[];
  /**
   * connections[row][column]: what the row may open to the column — "All connections",
   * "No connections", "self", "n/a", or a port list such as "TCP 80,443;UDP 53".
   */
  connections: string[][];
}

/** `drydock reach` output. */
export interface ReachResults {
  queries: ReachQuery[];
  matrix?: ReachMatrix | null;
  notes?: string[];
}

/** Everything the preview webview draws. */
export interface PreviewModel {
  source: {
    /** The document the preview follows; null when no manifest is active. */
    uri: string | null;
    scope: PreviewScope;
  };
  /** The version whose defaults the simulation used, e.g. "1.36". */
  kubernetesVersion: string;
  simulation: SimulationResult;
  rollout?: RolloutResults;
  reach?: ReachResults;
  /** The rollout was simulated with `neverReady` (echo of the request). */
  neverReady?: boolean;
}

// ─────────────────────────────── Webview messages ───────────────────────────────

/** The tabs of the preview. */
export type PreviewView = 'nodes' | 'pending' | 'rollout' | 'services' | 'network';

/** A workload as a CodeLens names it. */
export interface WorkloadRef {
  kind: string;
  namespace: string;
  name: string;
}

/** Host → webview. */
export type HostToWebview =
  /** A new simulation result replaces the old one. */
  | { type: 'update'; model: PreviewModel }
  /** Progress or a problem, shown in the status line; `model` stays as it was. */
  | { type: 'status'; state: 'loading' | 'idle' | 'error' | 'empty'; message: string }
  /** Select a pod ("namespace/name") and show why it is where it is. */
  | { type: 'selectPod'; pod: string }
  /** Switch tab and, for a CodeLens, focus a workload (its pods, or its rollout). */
  | { type: 'showView'; view: PreviewView; workload?: WorkloadRef }
  /** The answer to a `podDetails` message; `details` null when the pod is gone (or the server is not running). */
  | { type: 'podDetails'; pod: string; details: PodDetails | null };

/** Webview → host. The host validates each one (`client/src/preview/messages.ts`) before acting. */
export type WebviewToHost =
  /** The script has loaded and listens: send the latest model. */
  | { type: 'ready' }
  /** Open the manifest at this location in the editor. Refused outside the workspace. */
  | { type: 'revealSource'; location: SourceLocation }
  | { type: 'setScope'; scope: PreviewScope }
  | { type: 'setNeverReady'; neverReady: boolean }
  /** The filters and scores of a pod whose model entry has `detailsOmitted`. */
  | { type: 'podDetails'; pod: string };

/**
 * What the webview keeps with `setState` (and VS Code hands back to the serializer after a window
 * reload): enough for the host to ask for the same preview again and the webview to restore its view.
 */
export interface PersistedPreviewState {
  uri: string | null;
  scope: PreviewScope;
  neverReady: boolean;
  view: PreviewView;
  selectedPod: string | null;
  /** "namespace/name" of the Deployment shown in the rollout tab. */
  deployment: string | null;
  rolloutStep: number;
  /** Pods of this workload are highlighted in the nodes view. */
  workload: WorkloadRef | null;
}

/**
 * The cluster preview's model: what the language server answers to `drydock/preview` (`PreviewModel`)
 * and `drydock/podDetails` (`PodDetails`), drawn by the preview webview. The requests themselves are
 * in requests.ts, the messages between the VS Code host and the webview in webviewMessages.ts.
 *
 * Types only and no imports, so the extension client, the language server and the browser bundle
 * (client/webview, DOM lib) can all import this file. Everything is plain JSON.
 */

/**
 * Which manifests the simulation covers: the active document only, every manifest of the workspace, or
 * what one Helm chart or Kustomize overlay renders to (the request's `uri` is then the chart's or
 * overlay's folder, as a file URI).
 */
export type PreviewScope = 'file' | 'workspace' | 'project';

/** A chart or overlay of the workspace that the preview can simulate as rendered (scope `project`). */
export interface PreviewProject {
  /** The chart's or overlay's folder, as a file URI: the `uri` of a `project` preview. */
  uri: string;
  kind: 'helm' | 'kustomize';
  /** The folder relative to its workspace folder, e.g. "charts/platform". */
  label: string;
  /** Helm: the values files it is rendered with, relative to the chart (its own values.yaml first). */
  valuesFiles?: string[];
  /** Why it is not rendered now (no tool, untrusted, failed…); absent when its render is at hand. */
  problem?: string;
}

/** The answer to `drydock/podDetails`: one pod's per-node filter verdicts and scores. */
export interface PodDetails {
  /** "namespace/name" */
  pod: string;
  filters: Record<string, PreviewFilterVerdict>;
  scores: Record<string, NodeScore>;
}

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
  /** The Node manifest; null for the built-in default cluster. */
  source?: SourceLocation | null;
  /** The volumes attached for its pods' claims, and its CSINode's per-driver limits; absent: neither. */
  volumes?: PreviewNodeVolumes;
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
  /** A file-scope preview: the workloads of other workspace files whose pods the selector picks (`Kind ns/name`); they are not in this run. */
  podsElsewhere?: string[];
}

export interface PreviewDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

/** The scheduling part of the model: nodes, pods, Services and the findings shown with them. */
export interface PreviewSimulation {
  nodes: PreviewNode[];
  pods: PreviewPod[];
  services: PreviewService[];
  diagnostics: PreviewDiagnostic[];
}

/** Where one pod of a Deployment is at the end of a rollout step. */
export interface PreviewRolloutPod {
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
export interface PreviewRolloutStep {
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
  pods?: PreviewRolloutPod[];
}

export type PreviewRolloutOutcome = 'complete' | 'stalled' | 'paused' | 'invalid';

export interface DeploymentRollout {
  namespace: string;
  name: string;
  strategy: 'RollingUpdate' | 'Recreate';
  /** Resolved to pod counts. */
  maxSurge: number;
  maxUnavailable: number;
  outcome: PreviewRolloutOutcome;
  steps: PreviewRolloutStep[];
  replicas?: number;
  /** Why the rollout stopped short (stalled / paused / invalid), in words. */
  stallReason?: string | null;
  notes?: string[];
  source?: SourceLocation | null;
}

/** The rollout part of the model: one entry per Deployment rolled out. */
export interface RolloutResults {
  deployments: DeploymentRollout[];
}

export interface PreviewDirectionVerdict {
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
  ingress: PreviewDirectionVerdict;
  egress: PreviewDirectionVerdict;
  /** One sentence: the verdict and which side(s) decided it. */
  explanation?: string;
}

/** A NetworkPolicy, or one rule of it, as a cell's explanation names it (`drydock/explainConnection`). */
export interface PreviewPolicyRef {
  /** "namespace/name" */
  policy: string;
  /** The rule, e.g. `{ direction: 'ingress', index: 0 }` for `ingress[0]`; absent when the whole policy is meant. */
  rule?: { direction: 'ingress' | 'egress'; index: number };
  /** The policy's first line, or the rule's entry. */
  source?: SourceLocation | null;
}

/** One side's verdict for one examined port: the rules that allow it, or the engine's reason none does. */
export interface PreviewPortVerdict {
  allowed: boolean;
  allowedBy: PreviewPolicyRef[];
  /** The engine's sentence, e.g. "shop/db is isolated for Ingress by shop/db-policy and nothing allows it: …". */
  explanation: string;
}

/** One direction of a connection: the egress of the source, or the ingress of the destination. */
export interface PreviewDirectionExplanation {
  direction: 'ingress' | 'egress';
  /** "namespace/pod", or an address outside the cluster. */
  subject: string;
  /** False when NetworkPolicy does not govern this side (an address outside the cluster, a pod to itself). */
  governed: boolean;
  /** The policies whose podSelector selects the subject and whose policyTypes include this direction; empty: not isolated. */
  isolatedBy: PreviewPolicyRef[];
  /** One entry per `PreviewConnectionExplanation.ports` entry, same order. */
  ports: PreviewPortVerdict[];
}

/** The answer to `drydock/explainConnection`: one reachability cell, rule by rule, per direction and examined port. */
export interface PreviewConnectionExplanation {
  /** The endpoints as asked (matrix labels). */
  from: string;
  to: string;
  /** The pod (or address) each side is explained for. */
  source: string;
  destination: string;
  /** Set when NetworkPolicy does not govern the pair at all (a pod to itself, two addresses outside the cluster). */
  ungoverned?: string;
  /** The destination's ports and those the deciding rules name; `otherPorts`: one port standing for every other port of the protocol. */
  ports: Array<{ protocol: string; port: number; otherPorts?: boolean; allowed: boolean }>;
  egress: PreviewDirectionExplanation;
  ingress: PreviewDirectionExplanation;
  notes?: string[];
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

/** The NetworkPolicy part of the model: queries asked, the reachability matrix, notes. */
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
  simulation: PreviewSimulation;
  rollout?: RolloutResults;
  reach?: ReachResults;
  /** The rollout was simulated with `neverReady` (echo of the request). */
  neverReady?: boolean;
  /** The workspace's charts and overlays, in path order: the other sources the preview offers. */
  projects?: PreviewProject[];
  /** Why the preview is empty although asked for (a chart or overlay that is not rendered). */
  notice?: string;
  /** Which cluster was simulated, and the workspace's other cluster files to switch `drydock.cluster` to. */
  cluster?: PreviewCluster;
  /** Ingress → path → Service → pods (the Routes tab); absent from older servers. */
  routes?: PreviewRoutes;
}

/** The `drydock.cluster` value that picks the built-in cluster even when `.drydock/cluster.yaml` exists. */
export const BUILTIN_CLUSTER = 'builtin';

/** The simulated cluster: the profile file (null: the built-in one), its node count, and the choices. */
export interface PreviewCluster {
  file: string | null;
  label: string;
  nodes: number;
  choices: Array<{ uri: string; label: string; nodes: number }>;
}

/** Where an Ingress path (or default backend) sends traffic: the Service, the port as written, that port's endpoints. */
export interface PreviewRouteTarget {
  /** "namespace/name"; null for a `resource` backend. */
  service: string | null;
  /** The backend port as written: a number, or the Service port's name. */
  port: number | string | null;
  /** The Service port's endpoints, ready or not (at most a few dozen: see `endpointsOmitted`). */
  endpoints: ServiceEndpoint[];
  /** How many endpoints of the port `endpoints` leaves out (absent: none). */
  endpointsOmitted?: number;
  /** Why no ready endpoint carries traffic (or the backend is no Service); null when some does. */
  reason: string | null;
}

export type PreviewPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

/** One `rules[].http.paths[]` entry of an Ingress, with its rule's host. */
export interface PreviewRoute {
  /** As written (lowercase); null for a rule without host (any host). */
  host: string | null;
  path: string;
  pathType: PreviewPathType;
  target: PreviewRouteTarget;
  /** Why this path gets no traffic whatever its endpoints: another path takes it, or the API server rejects it. */
  issue: 'conflict' | 'shadowed' | 'invalid-path' | null;
}

export interface PreviewIngress {
  namespace: string;
  name: string;
  /** The IngressClass it is served in (field, annotation or the default class); null: none. */
  class: string | null;
  /** False when the manifests define IngressClasses and none is its class: no controller serves it. */
  served: boolean;
  routes: PreviewRoute[];
  defaultBackend: PreviewRouteTarget | null;
  /** `conflict`: an older Ingress of the class has the default backend. */
  defaultBackendIssue: 'conflict' | null;
  source?: SourceLocation | null;
}

/** The Ingress part of the model, in routing order (oldest first), bounded for big workspaces. */
export interface PreviewRoutes {
  ingresses: PreviewIngress[];
  /** Ingresses (and their paths) left out past the budget (absent: none). */
  omittedIngresses?: number;
  /** Paths of the listed Ingresses left out past the budget (absent: none). */
  omittedRoutes?: number;
}

/** Which Ingress path (or default backend) of one class answers a URL (`drydock/routeQuery`). */
export interface PreviewRouteAnswer {
  class: string | null;
  /** "namespace/name"; null when no class routes the URL (`reason` says why). */
  ingress: string | null;
  /** The matched rule's host as written; null for a host-less rule, a default backend or no route. */
  host: string | null;
  path: string | null;
  /** null: the default backend answered, or nothing did. */
  pathType: PreviewPathType | null;
  target: PreviewRouteTarget;
  /** Explains empty endpoints, ImplementationSpecific, a default backend, or why nothing routes the URL. */
  reason: string | null;
}

/** The answer to `drydock/routeQuery`: one answer per class that routes the URL, or why it is not a URL. */
export type PreviewRouteQueryResult = { ok: true; url: string; answers: PreviewRouteAnswer[] } | { ok: false; url: string; error: string };

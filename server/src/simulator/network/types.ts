import type { ContainerPort } from '../model/pod';
import type { Manifest } from '../model/source';
import type { Labels } from '../model/labelSelector';

/** A compiled label selector. */
export type LabelMatcher = (labels: Labels) => boolean;
import type { CidrRange } from './cidr';

/** NetworkPolicy speaks about these three only; ICMP and others are not evaluated (netpol.md §1). */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** A pod as reachability sees it. */
export interface NetworkPod {
  /** namespace/name */
  key: string;
  namespace: string;
  name: string;
  labels: Labels;
  /** Container ports (regular containers, then sidecar init containers), for named-port lookup. */
  ports: readonly ContainerPort[];
  /** Pod IPs when known (cluster profiles); manifests have none, so no ipBlock can match them. */
  ips: readonly string[];
  hostNetwork: boolean;
  /** "namespace/workload" for replicas of a controller (the Deployment, StatefulSet…), else null. */
  workload: string | null;
}

export interface NamespaceInfo {
  name: string;
  /** Including the `kubernetes.io/metadata.name` label the API server always adds. */
  labels: Labels;
  /** False when no Namespace manifest declares it: its other labels are unknown. */
  declared: boolean;
}

/** One `ports` entry of a rule, defaulted (protocol TCP). */
export type PortRule =
  | { protocol: Protocol; kind: 'all' }
  | { protocol: Protocol; kind: 'range'; from: number; to: number }
  | { protocol: Protocol; kind: 'named'; name: string };

/** One `from`/`to` entry. */
export type PeerRule =
  | {
    kind: 'selector';
    /** null = the policy's own namespace only. */
    namespaceSelector: LabelMatcher | null;
    /** null = every pod of the selected namespaces. */
    podSelector: LabelMatcher | null;
    text: string;
  }
  | { kind: 'ipBlock'; cidr: CidrRange; except: CidrRange[]; text: string }
  | { kind: 'invalid'; text: string };

export type Direction = 'ingress' | 'egress';

export interface PolicyRule {
  direction: Direction;
  index: number;
  /** null = `from`/`to` missing or empty: every pod of every namespace and every external IP. */
  peers: PeerRule[] | null;
  /** null = `ports` missing or empty: every port of every protocol. */
  ports: PortRule[] | null;
}

export interface CompiledPolicy {
  /** Position in the input, for stable ids. */
  id: number;
  namespace: string;
  name: string;
  /** "namespace/name" */
  key: string;
  podSelector: LabelMatcher;
  /** Effective policyTypes after defaulting. */
  ingressIsolates: boolean;
  egressIsolates: boolean;
  ingress: PolicyRule[];
  egress: PolicyRule[];
  manifest: Manifest;
}

/** A cluster-external address range used as one matrix endpoint (one representative address). */
export interface ExternalRange {
  label: string;
  representative: string;
  /** The ipBlocks that contain the range, e.g. "10.0.0.0/8 except 10.1.0.0/16 (policy db-egress)" (externalRangeNames.ts); empty: none. */
  blocks: string[];
}

/**
 * The preview model's reachability under the NetworkPolicies: the matrix, the queries, a connection's explanation (PreviewModel.reach, drydock/explainConnection).
 * Types only, plain JSON (see preview.ts).
 */

import type { SourceLocation } from './sourceLocation';

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
  /** Pods: their namespace and owning workload ("ns/web"; null: a pod no controller owns). */
  namespace?: string;
  workload?: string | null;
  /** External: the ipBlocks that contain the range, e.g. "10.0.0.0/8 except 10.1.0.0/16 (policy db-egress)"; empty: none. */
  blocks?: string[];
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
  /** The NetworkPolicies of the previewed manifests, and how many select at least one pod. */
  policies?: { total: number; selectingPods: number };
}

/**
 * The preview model's rollouts: each changed Deployment step by step (PreviewModel.rollouts).
 * Types only, plain JSON (see preview.ts).
 */

import type { SourceLocation } from './sourceLocation';

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
  /** The state before the controller's first tick (the running version at full size): the preview's step 0, with no actions. */
  initial?: boolean;
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
  /** As written after defaulting ("25%", "1"); null for Recreate; absent from older servers. */
  maxSurgeSpec?: string | null;
  maxUnavailableSpec?: string | null;
  /** What a new pod waits for before it is available, e.g. "readinessProbe initialDelaySeconds 10". */
  newPodsWaitFor?: string;
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

import type { SimPod } from '../../model/pod';
import type { DeploymentModel } from './deploymentSpec';
import type { PodCounts, RolloutPod } from './podRanking';
import type { PodPlacer, RolloutAction } from './types';

/**
 * The mutable world of one rollout simulation: the Deployment as it is now, its ReplicaSets and
 * their pods (see podLifecycle.ts for how pods come and go). Owned by one `simulateRollout` call;
 * never shared. Every count the controller reads is kept current, so a step costs O(changes), not
 * O(pods).
 */
export interface ReplicaSetState extends PodCounts {
  name: string;
  revision: number;
  /** The `EqualIgnoreHash` key of the template. */
  templateKey: string;
  template: Record<string, unknown>;
  hash: string;
  /** spec.replicas */
  replicas: number;
  /** Creation order (stands for creationTimestamp, ties by name). */
  created: number;
  /** deployment.kubernetes.io/desired-replicas and max-replicas; null when absent. */
  desiredAnnotation: number | null;
  maxAnnotation: number | null;
  /** Pods of this template never become ready. */
  neverReady: boolean;
  /** In creation order. */
  pods: RolloutPod[];
  podNames: Set<string>;
  podCounter: number;
  /** Shared by every pod of the ReplicaSet (the scheduler compiles a template once). */
  podLabels: Record<string, string>;
  podAnnotations: Record<string, string>;
  podSpec: SimPod['spec'];
  ownerSelector: NonNullable<SimPod['ownerSelector']>;
}

export interface RolloutWorld {
  deployment: DeploymentModel;
  /** The Deployment's template as a new ReplicaSet would carry it. */
  target: { templateKey: string; hash: string; neverReady: boolean };
  replicaSets: ReplicaSetState[];
  tick: number;
  availabilityDelay: number;
  placer: PodPlacer;
  /** Unscheduled pods, oldest first (a Set keeps insertion order). */
  pending: Set<RolloutPod>;
  /** Step → pods that become available at its start. */
  dueAvailable: Map<number, RolloutPod[]>;
  /** Placed pods waiting for their availability step. */
  awaiting: number;
  /** Actions recorded during the current step. */
  actions: RolloutAction[];
  /** Pods placed during the current step ("<ns/pod> → <node>"). */
  scheduled: string[];
  /** Set whenever anything about the ReplicaSets changes (sizes, annotations, revisions). */
  dirty: boolean;
  nextCreated: number;
  nextPodSeq: number;
  describe: (action: Omit<RolloutAction, 'text' | 'after'>, world: RolloutWorld) => string;
}

import { defaultClusterManifests } from '../simulator/cluster/defaultCluster';
import { computeServices, placerFor, type RolloutResult, type ServicesResult } from '../simulator/controllers';
import type { Manifest, SimFinding } from '../simulator/model/source';
import { computeRoutes, type RoutesResult } from '../simulator/ingress';
import { computeReachability, networkPodsOf, type ReachabilityInput, type ReachabilityResult } from '../simulator/network';
import { simulate, type SimulateOptions, type SimulationResult } from '../simulator/simulate';
import { changedDeployments } from './changedDeployments';
import { lastApplied } from './lastApplied';
import { rollOut } from './rollOut';
import { explainServicesWithoutPods } from './serviceNoPods';
import { WorkspaceIndex } from '../language/rules/workspace/workspaceIndex';

export interface DryRunInput {
  /**
   * The user's manifests (one file, or the workspace), in apply order: an object defined more than
   * once is simulated once, as its last copy (`lastApplied`).
   */
  manifests: readonly Manifest[];
  /** The cluster profile's objects; null: the embedded default cluster. */
  cluster: readonly Manifest[] | null;
  /**
   * The previous version of the manifests (the file as last saved, or as in git HEAD): every
   * Deployment whose spec differs from it is rolled out step by step. Null: no rollouts.
   */
  baseline: readonly Manifest[] | null;
  /** The rollout preview assumes new pods never become ready. */
  neverReady?: boolean;
  /** Compute the whole reachability matrix (for the preview; diagnostics do not need it). */
  matrix?: boolean;
  /**
   * Also preview a restart (`kubectl rollout restart`) of Deployments that did not change, so the
   * rollout view always has something to show. Their stalls are not findings.
   */
  previewUnchangedRollouts?: boolean;
  simulateOptions?: SimulateOptions;
}

export interface DryRunOutput {
  simulation: SimulationResult;
  services: ServicesResult;
  reach: ReachabilityResult;
  /** What the reachability stage read (the manifests, the user's pods): `explainCell` explains a matrix cell from it. */
  reachInput: Pick<ReachabilityInput, 'manifests' | 'pods'>;
  /** Ingress → Service → ready pods, over the run's endpoints (the cluster profile's IngressClasses count). */
  routes: RoutesResult;
  /** Step by step, each step with every pod of the Deployment on its node (`steps[].pods`, bounded). */
  rollouts: RolloutResult[];
  /** Every finding of the run (scheduling, services, network policies, rollouts), deterministic order. */
  findings: SimFinding[];
}

/**
 * The whole dry run, pure and deterministic: schedule the pods, compute Service endpoints and
 * NetworkPolicy reachability over them, and roll out every changed Deployment through the scheduler.
 */
export function dryRun(input: DryRunInput): DryRunOutput {
  // As `kubectl apply`: one object per group/kind/namespace/name, the last copy applied.
  const { manifests, findings: duplicates } = lastApplied(input.manifests);
  const simulation = simulate(manifests, input.cluster, input.simulateOptions);
  const pods = simulation.pods.map((p) => ({ ...p.pod, nodeName: p.placement.status === 'Pending' ? null : p.placement.node }));
  const userFiles = new Set(manifests.map((m) => m.source.file));
  const userPods = pods.filter((p) => userFiles.has(p.source.file));
  // Endpoints include pods already running in the cluster profile; reachability covers the user's pods.
  const services = computeServices(manifests, pods);
  // A Service without pods may select the pods of an operator's custom resource (a Prometheus).
  if (services.findings.some((f) => f.code === 'ref/service-no-pods')) services.findings = explainServicesWithoutPods(services.findings, manifests, new WorkspaceIndex(manifests));
  const reachInput = { manifests, pods: networkPodsOf(userPods) };
  const reach = computeReachability({ ...reachInput, matrix: input.matrix ?? false });
  const routes = computeRoutes({ manifests, services: services.services, classManifests: input.cluster ?? [] });
  const changes = input.baseline ? changedDeployments(lastApplied(input.baseline).manifests, manifests, input.previewUnchangedRollouts ?? false) : [];
  // The rollouts go through the scheduler over the cluster profile, else over the default cluster.
  const rollouts = changes.length > 0 ? rollOut(placerFor(input.cluster ?? defaultClusterManifests(), manifests), changes, input.neverReady ?? false) : { rollouts: [], findings: [] };
  return {
    simulation,
    services,
    reach,
    reachInput,
    routes,
    rollouts: rollouts.rollouts,
    findings: [...duplicates, ...simulation.findings, ...services.findings, ...routes.findings, ...reach.findings, ...rollouts.findings],
  };
}

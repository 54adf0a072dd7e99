/**
 * Public entry points of the controllers (pure: no IO, no clock, no randomness; errors are findings).
 *
 *   simulateRollout(oldManifest: Manifest | null, newManifest: Manifest, placer: PodPlacer,
 *                   options?: RolloutOptions): RolloutResult
 *     The Deployment controller's step sequence from the running version to the new one
 *     (rollout.md §3). `placerFor(clusterManifests | null, manifests?)` builds placers over the
 *     scheduler (or `unboundedPlacer()` when there is no cluster); each `create(deployment)` gives a
 *     fresh one. A stalled rollout carries the finding `sim/rollout-stalled`.
 *
 *   computeServices(manifests: readonly Manifest[], pods: readonly SimPod[], options?: EndpointsOptions):
 *                   { services: ServiceEndpoints[]; findings: SimFinding[] }
 *     Endpoints per Service port over placed pods (services.md); findings `ref/service-no-pods`,
 *     `ref/target-port-not-found`, `sim/service-no-ready-endpoints`.
 *   servicePodReferenceFindings(manifests, pods): SimFinding[]
 *     The first two of those alone (they read which pods are selected, not their endpoints).
 *
 *   findPort(spec, targetPort, protocol): number | null      upstream FindPort
 *   selectorTemplateMismatch(manifest): SimFinding | null    a workload whose selector misses its template (a rollout of it is invalid)
 */
export { simulateRollout } from './deployment/rollout';
export { placerFor, type PlacementSetup } from './deployment/clusterPlacer';
export { unboundedPlacer } from './deployment/podPlacer';
export type { PodPlacer, PlacerVerdict, RolloutOptions, RolloutResult, RolloutStep, RolloutAction, RolloutOutcome } from './deployment/types';
export { computeServices, servicePodReferenceFindings, type ServiceEndpoints, type ServicesResult } from './services';
export type { EndpointAddress, EndpointsOptions, ServicePortEndpoints } from './endpoints';
export { findPort } from './findPort';
export { selectorTemplateMismatch } from './workloadSelector';

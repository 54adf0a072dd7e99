/**
 * Public entry points of NetworkPolicy reachability (pure and deterministic; netpol.md).
 *
 *   computeReachability(input: { manifests, pods: NetworkPod[], queries?: ConnectionQuery[], matrix?: boolean })
 *     : { queries: QueryResult[]; matrix: ReachabilityMatrix | null; matrixError: string | null;
 *         findings: SimFinding[]; notes: string[] }
 *     Per query: allowed or not, and for each direction whether the subject is isolated, by which
 *     policies, which rules ("ns/policy ingress[0]") allowed it, or why nothing did. The matrix groups
 *     identical replicas and splits external address space at every ipBlock boundary.
 *
 *   networkPodsOf(pods: SimPod[], ipsOf?): NetworkPod[]     SimPods as reachability sees them
 *   parseQuery("ns/a->ns/b:80/TCP")                        the CLI's query syntax
 *   explainCell({ manifests, pods }, from, to): CellExplanation | null
 *     One matrix cell rule by rule: per direction the isolating policies, and per examined port the
 *     rules that allow it (the preview's `drydock/explainConnection`).
 */
export { computeReachability, type QueryResult, type ReachabilityInput, type ReachabilityResult } from './reachability';
export { networkPodsOf } from './networkPods';
export { parseQuery, type ConnectionQuery } from './query';
export { explainCell, type CellDirection, type CellExplanation, type CellPort } from './cellExplanation';
export type { DirectionVerdict } from './explain';
export type { MatrixEndpoint, ReachabilityMatrix } from './matrixView';
export type { NetworkPod, Protocol } from './types';

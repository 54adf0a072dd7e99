import * as l10n from '@vscode/l10n';
import type { Manifest, SimFinding } from '../model/source';
import { explainDirection, type DirectionVerdict, type Endpoint } from './explain';
import { buildMatrix, type ReachabilityMatrix } from './matrixView';
import { buildNetworkModel } from './networkModel';
import { buildPolicyIndex, type PolicyIndex } from './policyIndex';
import { newPortSetTable } from './portSet';
import { resolveEndpoint, type ConnectionQuery } from './query';
import { MAX_CLASSES_FOR_SERVICE_CHECK, serviceReachabilityFindings } from './serviceReachability';
import type { NetworkPod, Protocol } from './types';

export interface ReachabilityInput {
  /** All manifests: NetworkPolicies, Namespaces and Services are read from them. */
  manifests: readonly Manifest[];
  /** The pods (workloads already expanded), e.g. from `networkPodsOf(simPods)`. */
  pods: readonly NetworkPod[];
  queries?: readonly ConnectionQuery[];
  /** Compute the whole matrix (pod groups and external ranges). Default false. */
  matrix?: boolean;
}

export interface QueryResult {
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
  allowed: boolean;
  /** False when NetworkPolicy does not govern the connection at all (a pod to itself). */
  governed: boolean;
  ingress: DirectionVerdict;
  egress: DirectionVerdict;
  /** One sentence: the verdict and which side(s) decided it. */
  explanation: string;
  /** Set when an endpoint could not be resolved; the verdict fields are then meaningless. */
  error: string | null;
}

export interface ReachabilityResult {
  queries: QueryResult[];
  matrix: ReachabilityMatrix | null;
  /** Why the matrix was not computed although asked for. */
  matrixError: string | null;
  findings: SimFinding[];
  notes: string[];
  /** The NetworkPolicies read, and how many of them select at least one pod (isolate it). */
  policies: { total: number; selectingPods: number };
}

/**
 * NetworkPolicy reachability (netpol.md), pure and deterministic:
 *   - `queries`: each connection with both directions explained (which policies isolate, which rule
 *     allowed it or why nothing did), in input order;
 *   - `matrix` (when asked): every pod group × every group and external range;
 *   - findings: the policy validation (`net/*`), `ref/policy-selects-nothing`, `net/service-unreachable`.
 * Where implementations disagree, the upstream e2e reading is used: ipBlocks match pod IPs when IPs
 * are known (flagged), self traffic is allowed and not governed, SCTP is its own protocol, named
 * ports resolve per destination pod.
 */
export function computeReachability(input: ReachabilityInput): ReachabilityResult {
  const model = buildNetworkModel(input.manifests, input.pods);
  const index = buildPolicyIndex(model, newPortSetTable());
  const findings: SimFinding[] = [...model.findings, ...policiesSelectingNothing(index)];
  const notes = [...model.notes];
  if (index.classes.length <= MAX_CLASSES_FOR_SERVICE_CHECK) findings.push(...serviceReachabilityFindings(index, input.manifests));
  else notes.push(l10n.t('{0} distinct pods: the Service reachability check was skipped', index.classes.length));
  if (model.pods.some((pod) => pod.hostNetwork)) {
    notes.push(l10n.t('hostNetwork pods are evaluated like ordinary pods, but most CNIs cannot tell their traffic from node traffic: policies selecting them may have no effect (netpol.md section 10)'));
  }
  const queries = (input.queries ?? []).map((query) => answer(index, query));
  let matrix: ReachabilityMatrix | null = null;
  let matrixError: string | null = null;
  if (input.matrix) ({ matrix, error: matrixError } = buildMatrix(index));
  const policies = { total: model.policies.length, selectingPods: model.policies.filter((policy) => index.selectedClasses[policy.id] > 0).length };
  return { queries, matrix, matrixError, findings, notes, policies };
}

function answer(index: PolicyIndex, query: ConnectionQuery): QueryResult {
  const from = resolveEndpoint(index.model, query.from);
  const to = resolveEndpoint(index.model, query.to);
  const base = { from: query.from, to: query.to, port: query.port, protocol: query.protocol };
  if (!from.ok || !to.ok) {
    const error = [from, to].flatMap((r) => (r.ok ? [] : [r.error])).join('; ');
    const none = notEvaluated(error);
    return { ...base, allowed: false, governed: false, ingress: none, egress: none, explanation: error, error };
  }
  const [source, destination] = [from.endpoint, to.endpoint];
  if (source.kind === 'pod' && destination.kind === 'pod' && source.pod.key === destination.pod.key) {
    const self = notEvaluated(l10n.t('a pod can always reach itself: not governed by NetworkPolicy'));
    return { ...base, from: source.pod.key, to: destination.pod.key, allowed: true, governed: false, ingress: self, egress: self, explanation: self.explanation, error: null };
  }
  if (source.kind === 'external' && destination.kind === 'external') {
    const none = notEvaluated(l10n.t('neither side is in the cluster'));
    return { ...base, allowed: true, governed: false, ingress: none, egress: none, explanation: none.explanation, error: null };
  }
  const egress = explainDirection(index, 'egress', source, destination, query.protocol, query.port);
  const ingress = explainDirection(index, 'ingress', source, destination, query.protocol, query.port);
  const allowed = egress.allowed && ingress.allowed;
  const name = (e: Endpoint) => (e.kind === 'pod' ? e.pod.key : e.text);
  const fromName = name(source);
  const toName = name(destination);
  const explanation = allowed
    ? l10n.t('{0} may connect to {1} on {2}/{3}', fromName, toName, query.protocol, query.port)
    : !egress.allowed && !ingress.allowed
      ? l10n.t('{0} may not connect to {1} on {2}/{3}: denied by the egress of the source and by the ingress of the destination', fromName, toName, query.protocol, query.port)
      : !egress.allowed
        ? l10n.t('{0} may not connect to {1} on {2}/{3}: denied by the egress of the source', fromName, toName, query.protocol, query.port)
        : l10n.t('{0} may not connect to {1} on {2}/{3}: denied by the ingress of the destination', fromName, toName, query.protocol, query.port);
  return { ...base, from: fromName, to: toName, allowed, governed: true, ingress, egress, explanation, error: null };
}

function notEvaluated(explanation: string): DirectionVerdict {
  return { isolated: false, allowed: true, allowedBy: [], isolatedBy: [], explanation, dependsOnPodIpBlock: false };
}

/** `ref/policy-selects-nothing`: a policy whose podSelector matches no pod of its namespace has no effect. */
function policiesSelectingNothing(index: PolicyIndex): SimFinding[] {
  return index.model.policies.filter((policy) => index.selectedClasses[policy.id] === 0).map((policy) => ({
    source: policy.manifest.source,
    path: ['spec', 'podSelector'],
    severity: 'warning' as const,
    code: 'ref/policy-selects-nothing',
    message: l10n.t('podSelector matches no pod in namespace {0}: this NetworkPolicy has no effect', policy.namespace),
  }));
}

import * as l10n from '@vscode/l10n';
import { parseIp } from './cidr';
import { explainDirection, peerMatch, type DirectionVerdict, type Endpoint } from './explain';
import type { MatrixEndpoint } from './matrixView';
import { buildNetworkModel } from './networkModel';
import { buildPolicyIndex, namedPortNumbers, type PolicyIndex } from './policyIndex';
import { newPortSetTable } from './portSet';
import { resolveEndpoint } from './query';
import type { ReachabilityInput } from './reachability';
import { PROTOCOLS, type CompiledPolicy, type Direction, type NetworkPod, type PolicyRule, type Protocol } from './types';

/** One side of a cell's explanation: the egress of the source, or the ingress of the destination. */
export interface CellDirection {
  direction: Direction;
  /** The pod key, or the address outside the cluster. */
  subject: string;
  /** False for an address outside the cluster: NetworkPolicy does not govern its traffic. */
  governed: boolean;
  /** The policies that select the subject for this direction (podSelector and policyTypes), in input order. */
  isolatedBy: CompiledPolicy[];
  /** Per examined port, in the order of `CellExplanation.ports`. */
  ports: Array<{ verdict: DirectionVerdict; allowedBy: Array<{ policy: CompiledPolicy; rule: PolicyRule }> }>;
}

/** The examined ports of a cell: the destination's container ports, the ports the deciding rules name, and one port for all the others. */
export interface CellPort {
  protocol: Protocol;
  port: number;
  /** The port stands for every port of the protocol not listed. */
  otherPorts: boolean;
  allowed: boolean;
}

/** Why the cell has the verdict it has, rule by rule (netpol.md §11.1), for one representative of each side. */
export interface CellExplanation {
  source: string;
  destination: string;
  /** Set when NetworkPolicy does not govern the pair at all (a pod to itself, two addresses outside the cluster). */
  ungoverned: string | null;
  ports: CellPort[];
  egress: CellDirection;
  ingress: CellDirection;
  notes: string[];
}

/** At most this many listed ports per cell (the "every other port" rows come on top). */
const MAX_LISTED_PORTS = 32;

/**
 * Explains one cell of the reachability matrix: the row's first pod (or the range's representative
 * address) connecting to the column's, over every port the destination exposes or a deciding rule
 * (one whose peers select the other side) names, plus one port standing for all the others of each
 * protocol involved. Replicas of a group are
 * alike to every policy, so one pod speaks for the group; a group's own diagonal cell pairs two of
 * its pods. Endpoints are matrix endpoints, or query endpoints ("ns/pod", "ns/workload", an address).
 * Null when an endpoint names nothing of the input.
 */
export function explainCell(input: Pick<ReachabilityInput, 'manifests' | 'pods'>, from: MatrixEndpoint | string, to: MatrixEndpoint | string): CellExplanation | null {
  const model = buildNetworkModel(input.manifests, input.pods);
  const index = buildPolicyIndex(model, newPortSetTable());
  const source = resolve(index, from, 0);
  const sameGroup = typeof from !== 'string' && typeof to !== 'string' && from.kind === 'pods' && to.kind === 'pods' && from.label === to.label;
  const destination = resolve(index, to, sameGroup ? 1 : 0);
  if (!source || !destination) return null;
  const name = (e: Endpoint) => (e.kind === 'pod' ? e.pod.key : e.text);
  const notes: string[] = [];
  const groupSize = (e: MatrixEndpoint | string) => (typeof e === 'string' ? 1 : e.pods.length);
  if (sameGroup) notes.push(l10n.t('Two pods of {0}: every policy treats its {1} pods alike.', labelOf(from), groupSize(from)));
  else {
    if (groupSize(from) > 1) notes.push(l10n.t('{0} stands for the {1} pods of {2}: every policy treats them alike.', name(source), groupSize(from), labelOf(from)));
    if (groupSize(to) > 1) notes.push(l10n.t('{0} stands for the {1} pods of {2}: every policy treats them alike.', name(destination), groupSize(to), labelOf(to)));
  }
  let ungoverned: string | null = null;
  if (source.kind === 'pod' && destination.kind === 'pod' && source.pod.key === destination.pod.key) ungoverned = l10n.t('a pod can always reach itself: not governed by NetworkPolicy');
  else if (source.kind === 'external' && destination.kind === 'external') ungoverned = l10n.t('neither side is in the cluster: not governed by NetworkPolicy');
  const egressPolicies = policiesOf(index, 'egress', source);
  const ingressPolicies = policiesOf(index, 'ingress', destination);
  // The rules that could decide this pair: those whose peers select the other side.
  const deciding = [
    ...egressPolicies.flatMap((policy) => policy.egress.filter((rule) => peerMatch(index, policy, rule, destination).matched)),
    ...ingressPolicies.flatMap((policy) => policy.ingress.filter((rule) => peerMatch(index, policy, rule, source).matched)),
  ];
  const ports = ungoverned ? [] : examinedPorts(destination, deciding, notes);
  const side = (direction: Direction, subject: Endpoint, policies: CompiledPolicy[]): CellDirection => ({
    direction,
    subject: name(subject),
    governed: subject.kind === 'pod' && ungoverned === null,
    isolatedBy: policies,
    ports: ports.map(({ protocol, port }) => {
      const verdict = explainDirection(index, direction, source, destination, protocol, port);
      const allowed = new Set(verdict.allowedBy);
      const allowedBy = policies.flatMap((policy) => (direction === 'egress' ? policy.egress : policy.ingress)
        .filter((rule) => allowed.has(`${policy.key} ${direction}[${rule.index}]`))
        .map((rule) => ({ policy, rule })));
      return { verdict, allowedBy };
    }),
  });
  const egress = side('egress', source, egressPolicies);
  const ingress = side('ingress', destination, ingressPolicies);
  for (let i = 0; i < ports.length; i++) ports[i].allowed = egress.ports[i].verdict.allowed && ingress.ports[i].verdict.allowed;
  return { source: name(source), destination: name(destination), ungoverned, ports, egress, ingress, notes };
}

function labelOf(endpoint: MatrixEndpoint | string): string {
  return typeof endpoint === 'string' ? endpoint : endpoint.label;
}

function resolve(index: PolicyIndex, endpoint: MatrixEndpoint | string, member: number): Endpoint | null {
  if (typeof endpoint !== 'string') {
    if (endpoint.kind === 'external') {
      const range = index.model.externals.find((r) => r.label === endpoint.label);
      const ip = range && parseIp(range.representative);
      return range && ip ? { kind: 'external', ip, text: range.representative } : null;
    }
    const key = endpoint.pods[Math.min(member, endpoint.pods.length - 1)];
    const pod = index.model.pods.find((p) => p.key === key);
    return pod ? { kind: 'pod', pod } : null;
  }
  const resolved = resolveEndpoint(index.model, endpoint);
  return resolved.ok ? resolved.endpoint : null;
}

function policiesOf(index: PolicyIndex, direction: Direction, subject: Endpoint): CompiledPolicy[] {
  if (subject.kind !== 'pod') return [];
  const classId = index.classOfPod.get(subject.pod.key);
  if (classId === undefined) return [];
  return (direction === 'egress' ? index.egressPolicies[classId] : index.ingressPolicies[classId]).map((id) => index.model.policies[id]);
}

/**
 * The ports worth a row: the destination's container ports, the first port of each range the
 * deciding rules name (named ports resolved on the destination), then, per protocol involved (TCP
 * always), the lowest port no listed port or rule range covers, standing for every other port.
 */
function examinedPorts(destination: Endpoint, rules: readonly PolicyRule[], notes: string[]): CellPort[] {
  const pod: NetworkPod | null = destination.kind === 'pod' ? destination.pod : null;
  const listed = new Map<string, { protocol: Protocol; port: number }>();
  const covered: Array<{ protocol: Protocol; from: number; to: number }> = [];
  const add = (protocol: Protocol, port: number) => listed.set(`${protocol}/${port}`, { protocol, port });
  for (const p of pod?.ports ?? []) {
    const protocol = (p.protocol ?? 'TCP') as Protocol;
    if (typeof p.containerPort === 'number' && PROTOCOLS.includes(protocol)) add(protocol, p.containerPort);
  }
  for (const rule of rules) {
    for (const entry of rule.ports ?? []) {
      if (entry.kind === 'range') {
        add(entry.protocol, entry.from);
        covered.push({ protocol: entry.protocol, from: entry.from, to: entry.to });
      } else if (entry.kind === 'named' && pod) {
        for (const port of namedPortNumbers(pod, entry.name, entry.protocol)) add(entry.protocol, port);
      }
    }
  }
  const order = (a: { protocol: Protocol; port: number }, b: { protocol: Protocol; port: number }) =>
    PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol) || a.port - b.port;
  let ports = [...listed.values()].sort(order);
  if (ports.length > MAX_LISTED_PORTS) {
    notes.push(l10n.t('{0} ports are involved: the first {1} are listed.', ports.length, MAX_LISTED_PORTS));
    ports = ports.slice(0, MAX_LISTED_PORTS);
  }
  const rows: CellPort[] = ports.map((p) => ({ ...p, otherPorts: false, allowed: false }));
  for (const protocol of PROTOCOLS) {
    if (protocol !== 'TCP' && !ports.some((p) => p.protocol === protocol)) continue;
    const taken = new Set(ports.filter((p) => p.protocol === protocol).map((p) => p.port));
    const ranges = covered.filter((r) => r.protocol === protocol);
    let other = 1;
    while (other <= 65535) {
      const range = ranges.find((r) => other >= r.from && other <= r.to);
      if (range) other = range.to + 1;
      else if (taken.has(other)) other++;
      else break;
    }
    if (other <= 65535) rows.push({ protocol, port: other, otherPorts: true, allowed: false });
  }
  return rows;
}

import type { Labels } from '../model/labelSelector';
import { contains, parseIp, type IpAddress } from './cidr';
import type { NetworkModel } from './networkModel';
import { ALL_ID, intern, NONE_ID, singleRange, unionIds, type PortSetTable } from './portSet';
import type { CompiledPolicy, NetworkPod, PeerRule, PolicyRule, Protocol } from './types';

/**
 * Everything that does not depend on the (source, destination) pair, computed once so that the
 * matrix never evaluates a selector per pair (netpol.md §11 "cache by pod labels"):
 *   - pod classes: pods with the same namespace, labels, container ports, IPs and hostNetwork are
 *     indistinguishable to every policy (replicas of a workload collapse into one class);
 *   - per class, the policies selecting it for ingress and for egress (policy ids, ascending);
 *   - per rule, the classes and external ranges its peers match (null = everything);
 *   - per rule, its port set, resolved per destination class when it uses named ports.
 * Endpoint numbering: classes 0..C−1, then external ranges C..C+E−1.
 */
export interface PodClass {
  id: number;
  namespace: string;
  labels: Labels;
  /** The first pod of the class (by key): named ports and IPs are read from it. */
  example: NetworkPod;
  pods: NetworkPod[];
  ips: IpAddress[];
}

export interface RuleIndex {
  policy: CompiledPolicy;
  rule: PolicyRule;
  /** Matched endpoints (classes and externals), or null for "every endpoint". */
  peers: Uint8Array | null;
  /** Matched only through an ipBlock containing a pod IP (implementation-dependent, §12.1). */
  viaPodIp: Uint8Array | null;
  hasNamedPorts: boolean;
  /** Port-set id when it does not depend on the destination. */
  constantPorts: number | null;
  portsByDestination: Map<number, number>;
}

export interface PolicyIndex {
  model: NetworkModel;
  table: PortSetTable;
  classes: PodClass[];
  classOfPod: Map<string, number>;
  externals: IpAddress[];
  endpointCount: number;
  ingressPolicies: number[][];
  egressPolicies: number[][];
  /** How many pod classes each policy's podSelector selects (by policy id). */
  selectedClasses: number[];
  /** Pod classes by namespace, in class order. */
  classesByNamespace: Map<string, PodClass[]>;
  rules: Map<PolicyRule, RuleIndex>;
}

export function buildPolicyIndex(model: NetworkModel, table: PortSetTable): PolicyIndex {
  const { classes, classOfPod } = classify(model.pods);
  const externals = model.externals.map((range) => parseIp(range.representative) as IpAddress);
  const index: PolicyIndex = {
    model, table, classes, classOfPod, externals,
    endpointCount: classes.length + externals.length,
    ingressPolicies: classes.map(() => []),
    egressPolicies: classes.map(() => []),
    selectedClasses: model.policies.map(() => 0),
    classesByNamespace: new Map(),
    rules: new Map(),
  };
  for (const podClass of classes) {
    const list = index.classesByNamespace.get(podClass.namespace);
    if (list) list.push(podClass);
    else index.classesByNamespace.set(podClass.namespace, [podClass]);
  }
  for (const policy of model.policies) {
    for (const podClass of index.classesByNamespace.get(policy.namespace) ?? []) {
      if (!policy.podSelector(podClass.labels)) continue;
      index.selectedClasses[policy.id]++;
      if (policy.ingressIsolates) index.ingressPolicies[podClass.id].push(policy.id);
      if (policy.egressIsolates) index.egressPolicies[podClass.id].push(policy.id);
    }
    for (const rule of [...policy.ingress, ...policy.egress]) index.rules.set(rule, indexRule(index, policy, rule));
  }
  return index;
}

function classify(pods: readonly NetworkPod[]): { classes: PodClass[]; classOfPod: Map<string, number> } {
  const byKey = new Map<string, PodClass>();
  const classes: PodClass[] = [];
  const classOfPod = new Map<string, number>();
  const portKeys = new Map<readonly unknown[], string>();
  for (const pod of pods) {
    const labels = Object.keys(pod.labels).sort().map((k) => `${k}=${pod.labels[k]}`).join('\u0001');
    let ports = portKeys.get(pod.ports);
    if (ports === undefined) portKeys.set(pod.ports, (ports = JSON.stringify(pod.ports)));
    const key = `${pod.namespace}\u0000${labels}\u0000${ports}\u0000${pod.ips.join(',')}\u0000${pod.hostNetwork}`;
    let podClass = byKey.get(key);
    if (!podClass) {
      const ips = pod.ips.map(parseIp).filter((ip): ip is IpAddress => ip !== null);
      podClass = { id: classes.length, namespace: pod.namespace, labels: pod.labels, example: pod, pods: [], ips };
      byKey.set(key, podClass);
      classes.push(podClass);
    }
    podClass.pods.push(pod);
    classOfPod.set(pod.key, podClass.id);
  }
  return { classes, classOfPod };
}

function indexRule(index: PolicyIndex, policy: CompiledPolicy, rule: PolicyRule): RuleIndex {
  const entry: RuleIndex = {
    policy, rule, peers: null, viaPodIp: null,
    hasNamedPorts: rule.ports?.some((p) => p.kind === 'named') ?? false,
    constantPorts: null, portsByDestination: new Map(),
  };
  if (rule.peers !== null) {
    entry.peers = new Uint8Array(index.endpointCount);
    entry.viaPodIp = new Uint8Array(index.endpointCount);
    for (const peer of rule.peers) markPeer(index, policy, peer, entry.peers, entry.viaPodIp);
  }
  if (!entry.hasNamedPorts) entry.constantPorts = portsOf(index, rule, null);
  return entry;
}

function markPeer(index: PolicyIndex, policy: CompiledPolicy, peer: PeerRule, peers: Uint8Array, viaPodIp: Uint8Array): void {
  if (peer.kind === 'invalid') return;
  if (peer.kind === 'ipBlock') {
    index.classes.forEach((podClass) => {
      if (podClass.ips.some((ip) => ipBlockMatches(peer, ip)) && !peers[podClass.id]) {
        peers[podClass.id] = 1;
        viaPodIp[podClass.id] = 1;
      }
    });
    index.externals.forEach((ip, i) => {
      if (ipBlockMatches(peer, ip)) peers[index.classes.length + i] = 1;
    });
    return;
  }
  for (const [namespace, classes] of index.classesByNamespace) {
    const labels = index.model.namespaces.get(namespace)?.labels ?? {};
    if (peer.namespaceSelector ? !peer.namespaceSelector(labels) : namespace !== policy.namespace) continue;
    for (const podClass of classes) {
      if (peer.podSelector && !peer.podSelector(podClass.labels)) continue;
      peers[podClass.id] = 1;
      viaPodIp[podClass.id] = 0;
    }
  }
}

export function ipBlockMatches(peer: Extract<PeerRule, { kind: 'ipBlock' }>, ip: IpAddress): boolean {
  return contains(peer.cidr, ip) && !peer.except.some((range) => contains(range, ip));
}

/**
 * The port set a rule allows towards `destination` (a class id, or null for an external address):
 * named ports resolve against the destination pod's container ports with the rule's protocol, and
 * never match an external address (§9).
 */
export function portsOf(index: PolicyIndex, rule: PolicyRule, destination: number | null): number {
  if (rule.ports === null) return ALL_ID;
  let id = NONE_ID;
  for (const port of rule.ports) {
    if (port.kind === 'all') id = unionIds(index.table, id, intern(index.table, singleRange(port.protocol, 1, 65535)));
    else if (port.kind === 'range') id = unionIds(index.table, id, intern(index.table, singleRange(port.protocol, port.from, port.to)));
    else if (destination !== null) {
      for (const number of namedPortNumbers(index.classes[destination].example, port.name, port.protocol)) {
        id = unionIds(index.table, id, intern(index.table, singleRange(port.protocol, number, number)));
      }
    }
  }
  return id;
}

/** Container port numbers a pod calls `name` for `protocol` (default TCP). */
export function namedPortNumbers(pod: NetworkPod, name: string, protocol: Protocol): number[] {
  return pod.ports
    .filter((p) => p.name === name && (p.protocol ?? 'TCP') === protocol && typeof p.containerPort === 'number')
    .map((p) => p.containerPort as number);
}

/** `portsOf` memoised per rule and destination endpoint (externals share one entry). */
export function rulePorts(index: PolicyIndex, entry: RuleIndex, destination: number): number {
  if (entry.constantPorts !== null) return entry.constantPorts;
  const cls = destination < index.classes.length ? destination : -1;
  let id = entry.portsByDestination.get(cls);
  if (id === undefined) {
    id = portsOf(index, entry.rule, cls < 0 ? null : cls);
    entry.portsByDestination.set(cls, id);
  }
  return id;
}

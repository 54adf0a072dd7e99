import type { IpAddress } from './cidr';
import { ipBlockMatches, namedPortNumbers, type PolicyIndex } from './policyIndex';
import type { CompiledPolicy, Direction, NetworkPod, PeerRule, PolicyRule, PortRule, Protocol } from './types';

/** One side of a connection: a pod, or a cluster-external address. */
export type Endpoint =
  | { kind: 'pod'; pod: NetworkPod }
  | { kind: 'external'; ip: IpAddress; text: string };

/** The verdict of one direction with its reasons (netpol.md §11.1). */
export interface DirectionVerdict {
  /** At least one policy selects the subject for this direction. */
  isolated: boolean;
  allowed: boolean;
  /** "ns/policy ingress[0]": every rule that allows the connection. */
  allowedBy: string[];
  /** Policies that isolate the subject for this direction. */
  isolatedBy: string[];
  explanation: string;
  /** The verdict relies on an ipBlock matching a pod IP, which CNIs disagree on (§12.1). */
  dependsOnPodIpBlock: boolean;
}

const TITLE: Record<Direction, string> = { ingress: 'Ingress', egress: 'Egress' };

/**
 * Evaluates one direction of (source → destination, protocol, port) directly from the policies:
 * the subject is the source for egress and the destination for ingress. An external subject is not
 * governed by NetworkPolicy at all.
 */
export function explainDirection(index: PolicyIndex, direction: Direction, source: Endpoint, destination: Endpoint, protocol: Protocol, port: number): DirectionVerdict {
  const subject = direction === 'egress' ? source : destination;
  const peer = direction === 'egress' ? destination : source;
  if (subject.kind === 'external') {
    return verdict(false, true, [], [], `${subject.text} is outside the cluster: its ${direction} is not governed by NetworkPolicy`, false);
  }
  const pod = subject.pod;
  const classId = index.classOfPod.get(pod.key);
  const ids = classId === undefined ? [] : direction === 'egress' ? index.egressPolicies[classId] : index.ingressPolicies[classId];
  const policies = ids.map((id) => index.model.policies[id]);
  if (policies.length === 0) {
    return verdict(false, true, [], [], `no NetworkPolicy in namespace ${pod.namespace} selects ${pod.key} for ${TITLE[direction]}: allowed by default`, false);
  }
  const dstPod = destination.kind === 'pod' ? destination.pod : null;
  const allowedBy: string[] = [];
  const misses: string[] = [];
  let viaPodIp = false;
  for (const policy of policies) {
    const rules = direction === 'egress' ? policy.egress : policy.ingress;
    if (rules.length === 0) {
      misses.push(`${policy.key} has no ${TITLE[direction]} rules (deny all)`);
      continue;
    }
    const policyMisses: string[] = [];
    for (const rule of rules) {
      const match = peerMatch(index, policy, rule, peer);
      if (!match.matched) continue;
      const ports = portMatch(rule, protocol, port, dstPod);
      const name = `${policy.key} ${direction}[${rule.index}]`;
      if (ports.matched) {
        allowedBy.push(name);
        if (match.viaPodIp) viaPodIp = true;
      } else {
        policyMisses.push(`${name} selects ${describe(peer)} (${match.text}) but ${ports.why}`);
      }
    }
    if (policyMisses.length > 0) misses.push(...policyMisses);
    else if (!allowedBy.some((a) => a.startsWith(`${policy.key} `))) misses.push(`no ${direction} rule of ${policy.key} selects ${describe(peer)}`);
  }
  const isolatedBy = policies.map((p) => p.key);
  if (allowedBy.length > 0) {
    const note = viaPodIp ? ' (through an ipBlock containing the pod IP: CNIs disagree, see netpol.md §12.1)' : '';
    return verdict(true, true, allowedBy, isolatedBy, `${pod.key} is isolated for ${TITLE[direction]} by ${isolatedBy.join(', ')}; allowed by ${allowedBy.join(', ')}${note}`, viaPodIp);
  }
  return verdict(true, false, [], isolatedBy, `${pod.key} is isolated for ${TITLE[direction]} by ${isolatedBy.join(', ')} and nothing allows it: ${misses.join('; ')}`, false);
}

function verdict(isolated: boolean, allowed: boolean, allowedBy: string[], isolatedBy: string[], explanation: string, dependsOnPodIpBlock: boolean): DirectionVerdict {
  return { isolated, allowed, allowedBy, isolatedBy, explanation, dependsOnPodIpBlock };
}

function describe(endpoint: Endpoint): string {
  return endpoint.kind === 'pod' ? endpoint.pod.key : endpoint.text;
}

/** Whether a rule's `from`/`to` selects the peer, and through which entry. */
export function peerMatch(index: PolicyIndex, policy: CompiledPolicy, rule: PolicyRule, peer: Endpoint): { matched: boolean; text: string; viaPodIp: boolean } {
  if (rule.peers === null) return { matched: true, text: `rule has no ${rule.direction === 'ingress' ? 'from' : 'to'}: every peer`, viaPodIp: false };
  let viaPodIp: string | null = null;
  for (const entry of rule.peers) {
    if (peer.kind === 'external') {
      if (entry.kind === 'ipBlock' && ipBlockMatches(entry, peer.ip)) return { matched: true, text: entry.text, viaPodIp: false };
      continue;
    }
    if (entry.kind === 'selector' && selectorMatches(index, policy, entry, peer.pod)) return { matched: true, text: entry.text, viaPodIp: false };
    if (entry.kind === 'ipBlock' && viaPodIp === null && index.classes[index.classOfPod.get(peer.pod.key) ?? -1]?.ips.some((ip) => ipBlockMatches(entry, ip))) {
      viaPodIp = entry.text;
    }
  }
  return viaPodIp !== null ? { matched: true, text: viaPodIp, viaPodIp: true } : { matched: false, text: '', viaPodIp: false };
}

function selectorMatches(index: PolicyIndex, policy: CompiledPolicy, entry: Extract<PeerRule, { kind: 'selector' }>, pod: NetworkPod): boolean {
  const nsLabels = index.model.namespaces.get(pod.namespace)?.labels ?? {};
  const nsOk = entry.namespaceSelector ? entry.namespaceSelector(nsLabels) : pod.namespace === policy.namespace;
  return nsOk && (!entry.podSelector || entry.podSelector(pod.labels));
}

/** Whether a rule's `ports` admit (protocol, port) towards the destination; named ports resolve on it. */
export function portMatch(rule: PolicyRule, protocol: Protocol, port: number, destination: NetworkPod | null): { matched: boolean; why: string } {
  if (rule.ports === null) return { matched: true, why: '' };
  const namedMisses: string[] = [];
  for (const entry of rule.ports) {
    if (entry.protocol !== protocol) continue;
    if (entry.kind === 'all') return { matched: true, why: '' };
    if (entry.kind === 'range' && port >= entry.from && port <= entry.to) return { matched: true, why: '' };
    if (entry.kind === 'named') {
      const numbers = destination ? namedPortNumbers(destination, entry.name, protocol) : [];
      if (numbers.includes(port)) return { matched: true, why: '' };
      if (!destination) namedMisses.push(`named port "${entry.name}" never matches an address outside the cluster`);
      else if (numbers.length === 0) namedMisses.push(`named port "${entry.name}" is not defined for ${protocol} on ${destination.key}`);
    }
  }
  const allowed = rule.ports.map(formatPortRule).join(', ');
  return { matched: false, why: namedMisses.length > 0 ? `${namedMisses.join('; ')} (rule ports: ${allowed})` : `its ports (${allowed}) do not include ${protocol}/${port}` };
}

function formatPortRule(rule: PortRule): string {
  if (rule.kind === 'all') return `${rule.protocol} any port`;
  if (rule.kind === 'named') return `${rule.protocol} "${rule.name}"`;
  return rule.from === rule.to ? `${rule.protocol}/${rule.from}` : `${rule.protocol}/${rule.from}-${rule.to}`;
}

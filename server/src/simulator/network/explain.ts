import * as l10n from '@vscode/l10n';
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
    return verdict(false, true, [], [], l10n.t('{0} is outside the cluster: its {1} is not governed by NetworkPolicy', subject.text, direction), false);
  }
  const pod = subject.pod;
  const classId = index.classOfPod.get(pod.key);
  const ids = classId === undefined ? [] : direction === 'egress' ? index.egressPolicies[classId] : index.ingressPolicies[classId];
  const policies = ids.map((id) => index.model.policies[id]);
  if (policies.length === 0) {
    return verdict(false, true, [], [], l10n.t('no NetworkPolicy in namespace {0} selects {1} for {2}: allowed by default', pod.namespace, pod.key, TITLE[direction]), false);
  }
  const dstPod = destination.kind === 'pod' ? destination.pod : null;
  const allowedBy: string[] = [];
  const misses: string[] = [];
  let viaPodIp = false;
  for (const policy of policies) {
    const rules = direction === 'egress' ? policy.egress : policy.ingress;
    if (rules.length === 0) {
      misses.push(l10n.t('{0} has no {1} rules (deny all)', policy.key, TITLE[direction]));
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
        policyMisses.push(l10n.t('{0} selects {1} ({2}) but {3}', name, describe(peer), match.text, ports.why));
      }
    }
    if (policyMisses.length > 0) misses.push(...policyMisses);
    else if (!allowedBy.some((a) => a.startsWith(`${policy.key} `))) misses.push(l10n.t('no {0} rule of {1} selects {2}', direction, policy.key, describe(peer)));
  }
  const isolatedBy = policies.map((p) => p.key);
  if (allowedBy.length > 0) {
    const explanation = viaPodIp
      ? l10n.t('{0} is isolated for {1} by {2}; allowed by {3} (through an ipBlock containing the pod IP: CNIs disagree, see netpol.md section 12.1)', pod.key, TITLE[direction], isolatedBy.join(', '), allowedBy.join(', '))
      : l10n.t('{0} is isolated for {1} by {2}; allowed by {3}', pod.key, TITLE[direction], isolatedBy.join(', '), allowedBy.join(', '));
    return verdict(true, true, allowedBy, isolatedBy, explanation, viaPodIp);
  }
  return verdict(true, false, [], isolatedBy, l10n.t('{0} is isolated for {1} by {2} and nothing allows it: {3}', pod.key, TITLE[direction], isolatedBy.join(', '), misses.join('; ')), false);
}

function verdict(isolated: boolean, allowed: boolean, allowedBy: string[], isolatedBy: string[], explanation: string, dependsOnPodIpBlock: boolean): DirectionVerdict {
  return { isolated, allowed, allowedBy, isolatedBy, explanation, dependsOnPodIpBlock };
}

function describe(endpoint: Endpoint): string {
  return endpoint.kind === 'pod' ? endpoint.pod.key : endpoint.text;
}

/** Whether a rule's `from`/`to` selects the peer, and through which entry. */
export function peerMatch(index: PolicyIndex, policy: CompiledPolicy, rule: PolicyRule, peer: Endpoint): { matched: boolean; text: string; viaPodIp: boolean } {
  if (rule.peers === null) return { matched: true, text: l10n.t('rule has no {0}: every peer', rule.direction === 'ingress' ? 'from' : 'to'), viaPodIp: false };
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
      if (!destination) namedMisses.push(l10n.t('named port "{0}" never matches an address outside the cluster', entry.name));
      else if (numbers.length === 0) namedMisses.push(l10n.t('named port "{0}" is not defined for {1} on {2}', entry.name, protocol, destination.key));
    }
  }
  const allowed = rule.ports.map(formatPortRule).join(', ');
  return { matched: false, why: namedMisses.length > 0 ? l10n.t('{0} (rule ports: {1})', namedMisses.join('; '), allowed) : l10n.t('its ports ({0}) do not include {1}/{2}', allowed, protocol, port) };
}

function formatPortRule(rule: PortRule): string {
  if (rule.kind === 'all') return l10n.t('{0} any port', rule.protocol);
  if (rule.kind === 'named') return `${rule.protocol} "${rule.name}"`;
  return rule.from === rule.to ? `${rule.protocol}/${rule.from}` : `${rule.protocol}/${rule.from}-${rule.to}`;
}

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeReachability } from '../../../../server/src/simulator/network/reachability';
import { buildNetworkModel } from '../../../../server/src/simulator/network/networkModel';
import { buildPolicyIndex } from '../../../../server/src/simulator/network/policyIndex';
import { computeClassMatrix } from '../../../../server/src/simulator/network/matrix';
import { hasPort, newPortSetTable } from '../../../../server/src/simulator/network/portSet';
import type { Manifest } from '../../../../server/src/simulator/model/source';
import type { NetworkPod, Protocol } from '../../../../server/src/simulator/network/types';
import { namespace, netPod, policy } from './netBuilders';

/**
 * The upstream conformance suite (test/e2e/network/netpol/network_policy.go): namespaces x, y, z with
 * pods a, b, c (label pod=<name>), each serving ports 80 and 81 on TCP, UDP and SCTP under the
 * container port names serve-<port>-<proto>. Every case compares all 72 ordered pairs of distinct
 * pods (loopback ignored, as the suite does) with the suite's expected truth table, through both the
 * per-query explanation and the matrix.
 */
const NAMESPACES = ['x', 'y', 'z'];
const PODS = ['a', 'b', 'c'];
const IPS: Record<string, string> = { 'x/a': '10.1.0.1', 'x/b': '10.1.0.2', 'x/c': '10.1.0.3', 'y/a': '10.2.0.1', 'y/b': '10.2.0.2', 'y/c': '10.2.0.3', 'z/a': '10.3.0.1', 'z/b': '10.3.0.2', 'z/c': '10.3.0.3' };
const KEYS = NAMESPACES.flatMap((ns) => PODS.map((p) => `${ns}/${p}`));
const ports = ['tcp', 'udp', 'sctp'].flatMap((proto) => [80, 81].map((port) => ({ name: `serve-${port}-${proto}`, containerPort: port, protocol: proto.toUpperCase() })));
const pods: NetworkPod[] = KEYS.map((key) => netPod(key, { labels: { pod: key.split('/')[1] }, ports, ips: [IPS[key]] }));
const namespaces = NAMESPACES.map((ns) => namespace(ns));

/** The suite's `Reachability`: starts all-true; expectations overwrite cells. */
class Truth {
  private cells = new Map<string, boolean>(KEYS.flatMap((from) => KEYS.map((to) => [`${from}>${to}`, true] as [string, boolean])));
  peer(from: { ns?: string; pod?: string }, to: { ns?: string; pod?: string }, value: boolean): this {
    const match = (key: string, p: { ns?: string; pod?: string }) => (!p.ns || key.startsWith(`${p.ns}/`)) && (!p.pod || key.endsWith(`/${p.pod}`));
    for (const f of KEYS) for (const t of KEYS) if (match(f, from) && match(t, to)) this.cells.set(`${f}>${t}`, value);
    return this;
  }
  expect(from: string, to: string, value: boolean): this { this.cells.set(`${from}>${to}`, value); return this; }
  allIngress(to: string, value: boolean): this { for (const f of KEYS) this.cells.set(`${f}>${to}`, value); return this; }
  allEgress(from: string, value: boolean): this { for (const t of KEYS) this.cells.set(`${from}>${t}`, value); return this; }
  get(from: string, to: string): boolean { return this.cells.get(`${from}>${to}`) as boolean; }
}
const x = (pod?: string) => ({ ns: 'x', pod });
const y = (pod?: string) => ({ ns: 'y', pod });
const z = (pod?: string) => ({ ns: 'z', pod });
const all = {};
const nsName = (value: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': value } });
const podIs = (value: string) => ({ matchLabels: { pod: value } });
const ingressOnly = (podSelector: object, ...ingress: object[]) => ({ podSelector, policyTypes: ['Ingress'], ingress });
const egressOnly = (podSelector: object, ...egress: object[]) => ({ podSelector, policyTypes: ['Egress'], egress });

interface Probe { port: number; protocol: Protocol; truth: Truth }
interface Case { name: string; policies: Manifest[]; probes: Probe[] }
const tcp = (port: number, truth: Truth): Probe => ({ port, protocol: 'TCP', truth });

const cases: Case[] = [
  { name: "should support a 'default-deny-ingress' policy", policies: [policy('x', 'deny-ingress', ingressOnly(all))], probes: [tcp(80, new Truth().peer(all, x(), false))] },
  { name: "should support a 'default-deny-all' policy", policies: [policy('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })], probes: [tcp(80, new Truth().peer(all, x(), false).peer(x(), all, false))] },
  { name: 'allow traffic from pods within server namespace based on PodSelector', policies: [policy('x', 'x-a-allows-x-b', ingressOnly(podIs('a'), { from: [{ podSelector: podIs('b') }] }))], probes: [tcp(80, new Truth().allIngress('x/a', false).expect('x/b', 'x/a', true))] },
  {
    name: 'allow ingress traffic for a target (deny-all + allow-all-to-a)',
    policies: [policy('x', 'deny-all', ingressOnly(all)), policy('x', 'allow-all-to-a', ingressOnly(podIs('a'), { from: [{ podSelector: {}, namespaceSelector: {} }] }))],
    probes: [tcp(80, new Truth().allIngress('x/a', true).allIngress('x/b', false).allIngress('x/c', false))],
  },
  { name: 'allow ingress traffic from pods in all namespaces', policies: [policy('x', 'allow-from-another-ns', ingressOnly(podIs('a'), { from: [{ namespaceSelector: { matchLabels: {} } }] }))], probes: [tcp(80, new Truth())] },
  { name: 'allow traffic only from a different namespace, based on NamespaceSelector', policies: [policy('x', 'allow-client-a-via-ns-selector', ingressOnly(podIs('a'), { from: [{ namespaceSelector: nsName('y') }] }))], probes: [tcp(80, new Truth().peer(x(), x('a'), false).peer(z(), x('a'), false))] },
  { name: 'PodSelector with MatchExpressions', policies: [policy('x', 'x-a-allows-x-b', ingressOnly(podIs('a'), { from: [{ podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b'] }] } }] }))], probes: [tcp(80, new Truth().allIngress('x/a', false).expect('x/b', 'x/a', true))] },
  { name: 'NamespaceSelector with MatchExpressions', policies: [policy('x', 'allow-ns-y-match-selector', ingressOnly(podIs('a'), { from: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['y'] }] } }] }))], probes: [tcp(80, new Truth().peer(x(), x('a'), false).peer(z(), x('a'), false))] },
  {
    name: 'PodSelector or NamespaceSelector (two peers: OR)',
    policies: [policy('x', 'allow-ns-y-match-selector', ingressOnly(podIs('a'), { from: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['x'] }] } }, { podSelector: podIs('b') }] }))],
    probes: [tcp(80, new Truth().expect('x/a', 'x/a', false).expect('x/c', 'x/a', false))],
  },
  {
    name: 'PodSelector and NamespaceSelector (one peer: AND)',
    policies: [policy('x', 'allow-ns-y-podselector-and-nsselector', ingressOnly(podIs('a'), { from: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['x'] }] }, podSelector: podIs('b') }] }))],
    probes: [tcp(80, new Truth().allIngress('x/a', false).expect('y/b', 'x/a', true).expect('z/b', 'x/a', true))],
  },
  {
    name: 'Multiple PodSelectors and NamespaceSelectors',
    policies: [policy('x', 'allow-ns-y-z-pod-b-c', ingressOnly(podIs('a'), { from: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['x'] }] }, podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b', 'c'] }] } }] }))],
    probes: [tcp(80, new Truth().peer(x(), x('a'), false).expect('y/a', 'x/a', false).expect('z/a', 'x/a', false))],
  },
  { name: 'any PodSelectors', policies: [policy('x', 'allow-ns-x-pod-b-c', ingressOnly(podIs('a'), { from: [{ podSelector: podIs('b') }, { podSelector: podIs('c') }] }))], probes: [tcp(80, new Truth().allIngress('x/a', false).expect('x/b', 'x/a', true).expect('x/c', 'x/a', true))] },
  { name: 'only from a pod in a different namespace (PodSelector AND NamespaceSelector)', policies: [policy('x', 'allow-ns-y-pod-a', ingressOnly(podIs('a'), { from: [{ namespaceSelector: nsName('y'), podSelector: podIs('a') }] }))], probes: [tcp(80, new Truth().allIngress('x/a', false).expect('y/a', 'x/a', true))] },
  { name: 'policy based on Ports', policies: [policy('x', 'allow-81', ingressOnly(podIs('a'), { from: [{ namespaceSelector: nsName('y') }], ports: [{ port: 81, protocol: 'TCP' }] }))], probes: [tcp(81, new Truth().peer(x(), x('a'), false).peer(y(), x('a'), true).peer(z(), x('a'), false))] },
  {
    name: 'multiple, stacked policies with overlapping podSelectors',
    policies: [
      policy('x', 'allow-81', ingressOnly(podIs('a'), { from: [{ namespaceSelector: nsName('y') }], ports: [{ port: 81, protocol: 'TCP' }] })),
      policy('x', 'allow-80', ingressOnly(podIs('a'), { from: [{ namespaceSelector: nsName('y') }], ports: [{ port: 80, protocol: 'TCP' }] })),
    ],
    probes: [81, 80].map((port) => tcp(port, new Truth().peer(x(), x('a'), false).peer(y(), x('a'), true).peer(z(), x('a'), false))),
  },
  { name: 'allow-all policy', policies: [policy('x', 'allow-all', ingressOnly({ matchLabels: {} }, {}))], probes: [tcp(80, new Truth()), tcp(81, new Truth())] },
  { name: 'ingress access on one named port', policies: [policy('x', 'allow-all', ingressOnly({ matchLabels: {} }, { ports: [{ port: 'serve-81-tcp' }] }))], probes: [tcp(81, new Truth()), tcp(80, new Truth().peer(all, x(), false))] },
  {
    name: 'ingress access from namespace on one named port',
    policies: [policy('x', 'allow-80', ingressOnly(podIs('a'), { from: [{ namespaceSelector: nsName('y') }], ports: [{ port: 'serve-80-tcp', protocol: 'TCP' }] }))],
    probes: [tcp(80, new Truth().peer(x(), x('a'), false).peer(z(), x('a'), false)), tcp(81, new Truth().allIngress('x/a', false))],
  },
  { name: 'egress access on one named port (no `to`)', policies: [policy('x', 'allow-egress', egressOnly({ matchLabels: {} }, { ports: [{ port: 'serve-80-tcp' }] }))], probes: [tcp(80, new Truth()), tcp(81, new Truth().peer(x(), all, false))] },
  { name: 'updated policy: allow-all mutated to deny-all', policies: [policy('x', 'allow-all-mutate-to-deny-all', { podSelector: {}, policyTypes: ['Ingress'], ingress: [] })], probes: [tcp(81, new Truth().peer(all, x(), false))] },
  { name: 'deny ingress from pods on other namespaces', policies: [policy('x', 'deny-empty-policy', ingressOnly(all, { from: [{ podSelector: { matchLabels: {} } }] }))], probes: [tcp(80, new Truth().peer(y(), x(), false).peer(z(), x(), false))] },
  { name: 'deny egress from pods based on PodSelector', policies: [policy('x', 'deny-egress-pod-a', egressOnly(podIs('a')))], probes: [tcp(80, new Truth().allEgress('x/a', false))] },
  { name: 'deny egress from all pods in a namespace', policies: [policy('x', 'deny-egress-ns-x', egressOnly(all))], probes: [tcp(80, new Truth().peer(x(), all, false))] },
  {
    name: 'Ingress, Egress specified together',
    policies: [policy('x', 'allow-client-a-via-pod-selector', { podSelector: podIs('a'), policyTypes: ['Egress', 'Ingress'], ingress: [{ from: [{ podSelector: podIs('b') }] }], egress: [{ ports: [{ port: 80 }] }] })],
    probes: [tcp(80, new Truth().allIngress('x/a', false).expect('x/b', 'x/a', true)), tcp(81, new Truth().allIngress('x/a', false).allEgress('x/a', false).expect('x/b', 'x/a', true))],
  },
  {
    name: 'denying egress on the client side even if the server allows it',
    policies: [
      policy('x', 'allow-to-ns-y-pod-a', egressOnly(podIs('a'), { to: [{ namespaceSelector: nsName('y'), podSelector: podIs('a') }] })),
      policy('y', 'allow-from-xa-on-ya', ingressOnly(podIs('a'), { from: [{ namespaceSelector: nsName('x'), podSelector: podIs('a') }] })),
      policy('y', 'allow-from-xa-on-yb', ingressOnly(podIs('b'), { from: [{ namespaceSelector: nsName('x'), podSelector: podIs('a') }] })),
    ],
    probes: [tcp(80, new Truth().peer(x('a'), all, false).peer(all, y('a'), false).peer(x('a'), y('a'), true).peer(all, y('b'), false))],
  },
  { name: 'egress to a server in a different namespace (PodSelector AND NamespaceSelector)', policies: [policy('x', 'allow-to-ns-y-pod-a', egressOnly(podIs('a'), { to: [{ namespaceSelector: nsName('y'), podSelector: podIs('a') }] }))], probes: [tcp(80, new Truth().allEgress('x/a', false).expect('x/a', 'y/a', true))] },
  {
    name: 'ingress allowing any port on a specific protocol',
    policies: [policy('x', 'allow-ingress-by-proto', ingressOnly(podIs('a'), { ports: [{ protocol: 'TCP' }] }))],
    probes: [tcp(80, new Truth()), { port: 80, protocol: 'UDP', truth: new Truth().peer(all, x('a'), false) }],
  },
  {
    name: 'multiple ingress policies with an allow-all policy taking precedence',
    policies: [policy('x', 'allow-ingress-port-80', ingressOnly({ matchLabels: {} }, { ports: [{ port: 80 }] })), policy('x', 'allow-ingress', ingressOnly({ matchLabels: {} }, {}))],
    probes: [tcp(81, new Truth())],
  },
  { name: 'only the port-80 ingress policy: 81 is blocked', policies: [policy('x', 'allow-ingress-port-80', ingressOnly({ matchLabels: {} }, { ports: [{ port: 80 }] }))], probes: [tcp(81, new Truth().peer(all, x(), false))] },
  {
    name: 'multiple egress policies with an allow-all policy taking precedence',
    policies: [policy('x', 'allow-egress-port-80', egressOnly({ matchLabels: {} }, { ports: [{ port: 80 }] })), policy('x', 'allow-egress', egressOnly({ matchLabels: {} }, {}))],
    probes: [tcp(81, new Truth())],
  },
  { name: 'only the port-80 egress policy: 81 is blocked', policies: [policy('x', 'allow-egress-port-80', egressOnly({ matchLabels: {} }, { ports: [{ port: 80 }] }))], probes: [tcp(81, new Truth().peer(x(), all, false))] },
  { name: 'no policy at all (after deletion)', policies: [], probes: [tcp(80, new Truth())] },
  { name: 'egress access to a server in a CIDR block (/32 of y/b)', policies: [policy('x', 'allow-client-a-via-cidr-egress-rule', egressOnly(podIs('a'), { to: [{ ipBlock: { cidr: '10.2.0.2/32' } }] }))], probes: [tcp(80, new Truth().allEgress('x/a', false).expect('x/a', 'y/b', true))] },
  { name: 'except clause in an egress CIDR block', policies: [policy('x', 'allow-client-a-via-cidr-egress-rule', egressOnly(podIs('a'), { to: [{ ipBlock: { cidr: '10.1.0.1/4', except: ['10.1.0.2/32'] } }] }))], probes: [tcp(80, new Truth().expect('x/a', 'x/b', false))] },
  { name: 'an IP in both CIDR and except of another policy is allowed (policies union)', policies: [policy('x', 'allow-client-a-via-cidr-egress-rule', egressOnly(podIs('a'), { to: [{ ipBlock: { cidr: '10.1.0.2/32' } }] }))], probes: [tcp(80, new Truth().allEgress('x/a', false).expect('x/a', 'x/b', true))] },
  {
    name: 'ingress and egress controlled independently',
    policies: [policy('x', 'allow-egress-for-target', egressOnly(podIs('a'), {})), policy('x', 'deny-ingress-via-label-selector', ingressOnly(podIs('a')))],
    probes: [tcp(80, new Truth().allIngress('x/a', false))],
  },
  {
    name: "'protocol: SCTP' is not treated as TCP",
    policies: [policy('x', 'deny-ingress', ingressOnly(all)), policy('x', 'allow-only-sctp-ingress-on-port-81', ingressOnly(podIs('a'), { ports: [{ port: 81, protocol: 'SCTP' }] }))],
    probes: [tcp(81, new Truth().peer(all, x(), false)), { port: 81, protocol: 'SCTP', truth: new Truth().peer(all, x('b'), false).peer(all, x('c'), false) }],
  },
  { name: 'pods selected by an SCTP-only policy are isolated for TCP', policies: [policy('x', 'allow-only-sctp-ingress-on-port-80', ingressOnly(podIs('a'), { ports: [{ port: 80, protocol: 'SCTP' }] }))], probes: [tcp(81, new Truth().allIngress('x/a', false))] },
  { name: 'TCP is not allowed by a UDP-only policy', policies: [policy('x', 'allow-only-udp-ingress-on-port-81', ingressOnly(podIs('a'), { ports: [{ port: 81, protocol: 'UDP' }] }))], probes: [tcp(81, new Truth().allIngress('x/a', false))] },
  { name: 'NamespaceSelector MatchLabels with the default namespace label', policies: [policy('x', 'allow-client-a-via-ns-selector-for-immutable-ns-label', ingressOnly(podIs('a'), { from: [{ namespaceSelector: nsName('y') }] }))], probes: [tcp(80, new Truth().peer(x(), x('a'), false).peer(z(), x('a'), false))] },
  { name: 'NamespaceSelector MatchExpressions NotIn with the default namespace label (egress)', policies: [policy('x', 'allow-ns-y-match-selector-for-immutable-ns-label', egressOnly(podIs('a'), { to: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['y'] }] } }] }))], probes: [tcp(80, new Truth().peer(x('a'), y(), false))] },
  { name: 'UDP default-deny-ingress', policies: [policy('x', 'deny-all', ingressOnly(all))], probes: [{ port: 80, protocol: 'UDP', truth: new Truth().peer(all, x(), false) }] },
  { name: 'UDP policy based on Ports', policies: [policy('x', 'allow-ingress-on-port-81-ns-x', ingressOnly(podIs('a'), { from: [{ namespaceSelector: nsName('y') }], ports: [{ port: 81, protocol: 'UDP' }] }))], probes: [{ port: 81, protocol: 'UDP', truth: new Truth().peer(x(), x('a'), false).peer(z(), x('a'), false) }] },
  { name: 'SCTP Pod AND Namespace selector', policies: [policy('x', 'allow-ns-y-pod-a', ingressOnly(podIs('a'), { from: [{ namespaceSelector: nsName('y'), podSelector: podIs('a') }] }))], probes: [{ port: 80, protocol: 'SCTP', truth: new Truth().allIngress('x/a', false).expect('y/a', 'x/a', true) }] },
];

describe('upstream network policy e2e scenarios (loopback ignored)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const manifests = [...namespaces, ...c.policies];
      for (const probe of c.probes) {
        const queries = KEYS.flatMap((from) => KEYS.filter((to) => to !== from).map((to) => ({ from, to, port: probe.port, protocol: probe.protocol })));
        const result = computeReachability({ manifests, pods, queries });
        const wrong = result.queries.filter((q) => q.allowed !== probe.truth.get(q.from, q.to)).map((q) => `${q.from}→${q.to} ${probe.protocol}/${probe.port}: got ${q.allowed}`);
        assert.deepEqual(wrong, [], 'explained verdicts');

        const index = buildPolicyIndex(buildNetworkModel(manifests, pods), newPortSetTable());
        const matrix = computeClassMatrix(index);
        const cell = (from: string, to: string) => index.table.sets[matrix.cells[(index.classOfPod.get(from) as number) * matrix.size + (index.classOfPod.get(to) as number)]];
        const wrongMatrix = queries.filter((q) => hasPort(cell(q.from, q.to), probe.protocol, probe.port) !== probe.truth.get(q.from, q.to)).map((q) => `${q.from}→${q.to}`);
        assert.deepEqual(wrongMatrix, [], 'matrix cells');
      }
    });
  }
});

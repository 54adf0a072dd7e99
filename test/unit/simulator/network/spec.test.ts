import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeReachability, type QueryResult } from '../../../../server/src/simulator/network/reachability';
import { parseQuery } from '../../../../server/src/simulator/network/query';
import type { Manifest } from '../../../../server/src/simulator/model/source';
import type { NetworkPod } from '../../../../server/src/simulator/network/types';
import { namespace, netPod, policy } from './netBuilders';

/** Evaluates one `from->to:port/proto` query. */
function ask(manifests: Manifest[], pods: NetworkPod[], query: string): QueryResult {
  const parsed = parseQuery(query);
  assert.ok(parsed.ok, query);
  const [result] = computeReachability({ manifests, pods, queries: [parsed.query] }).queries;
  assert.equal(result.error, null, result.error ?? '');
  return result;
}

const web = netPod('shop/web', { labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] });
const api = netPod('shop/api', { labels: { app: 'api' }, ports: [{ name: 'http', containerPort: 9090 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] });
const db = netPod('shop/db', { labels: { app: 'db' } });
const other = netPod('other/client', { labels: { app: 'client' } });
const pods = [web, api, db, other];
const ns = [namespace('shop', { team: 'shop' }), namespace('other', { team: 'other' })];

interface Case { name: string; policies: Manifest[]; query: string; allowed: boolean; pods?: NetworkPod[]; manifests?: Manifest[] }
const cases: Case[] = [
  { name: 'spec-policy-only-affects-own-namespace', policies: [policy('other', 'deny', { podSelector: {} })], query: 'shop/web->shop/db:80', allowed: true },
  { name: 'spec-policytypes-egress-ignores-ingress-rules', policies: [policy('shop', 'p', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Egress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'none' } } }] }], egress: [{}] })], query: 'shop/web->shop/db:80', allowed: true },
  { name: 'cilium-mistake2: egress rules without policyTypes also deny ingress', policies: [policy('shop', 'p', { podSelector: { matchLabels: { app: 'db' } }, egress: [{ to: [{ podSelector: {} }] }] })], query: 'shop/web->shop/db:80', allowed: false },
  { name: '`egress: []` without policyTypes does not deny egress', policies: [policy('shop', 'p', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{}], egress: [] })], query: 'shop/web->shop/db:80', allowed: true },
  {
    name: 'spec-ports-bound-to-their-rule: A on 80 + B on 81 does not allow A on 81',
    policies: [policy('shop', 'p', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 80 }] }, { from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 81 }] }] })],
    query: 'shop/web->shop/db:81', allowed: false,
  },
  { name: 'npa-from-empty-list-allows-all (pods)', policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ from: [] }] })], query: 'other/client->shop/db:5432', allowed: true },
  { name: 'npa-recipe08: rule without from allows external sources', policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ ports: [{ port: 8080 }] }] })], query: '203.0.113.9->shop/web:8080', allowed: true },
  { name: 'cilium-mistake5: {} allows external', policies: [policy('shop', 'p', { podSelector: {}, ingress: [{}] })], query: '203.0.113.9->shop/db:80', allowed: true },
  { name: 'cilium-mistake5: podSelector {} + namespaceSelector {} does NOT allow external', policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ from: [{ podSelector: {}, namespaceSelector: {} }] }] })], query: '203.0.113.9->shop/db:80', allowed: false },
  { name: 'cilium-mistake5: podSelector {} + namespaceSelector {} allows pods of every namespace', policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ from: [{ podSelector: {}, namespaceSelector: {} }] }] })], query: 'other/client->shop/db:80', allowed: true },
  { name: 'cilium-mistake5: podSelector {} alone is the own namespace only', policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] })], query: 'other/client->shop/db:80', allowed: false },
  {
    name: 'cilium-mistake4: `- to` and `- ports` are two ORed rules (any port to web, port 5432 anywhere)',
    policies: [policy('shop', 'p', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }] }, { ports: [{ port: 5432 }] }] })],
    query: 'shop/api->other/client:5432', allowed: true,
  },
  {
    name: 'spec-docs-and-vs-or-peers: AND (one entry) rejects a team=shop pod that is not app=client',
    policies: [policy('shop', 'p', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'shop' } }, podSelector: { matchLabels: { app: 'client' } } }] }] })],
    query: 'shop/web->shop/db:5432', allowed: false,
  },
  {
    name: 'spec-docs-and-vs-or-peers: OR (two entries) accepts it',
    policies: [policy('shop', 'p', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'shop' } } }, { podSelector: { matchLabels: { app: 'client' } } }] }] })],
    query: 'shop/web->shop/db:5432', allowed: true,
  },
  { name: 'spec-egress-ipblock-except-external: internet allowed', policies: [policy('shop', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] }] })], query: 'shop/web->8.8.8.8:443', allowed: true },
  { name: 'spec-egress-ipblock-except-external: private range denied', policies: [policy('shop', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] }] })], query: 'shop/web->10.9.8.7:443', allowed: false },
  { name: 'ipBlock IPv4 never matches IPv6', policies: [policy('shop', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] })], query: 'shop/web->2001:db8::1:443', allowed: false },
  {
    name: 'e2e-ipblock-cidr-and-except-union: excluded by one policy, allowed by another',
    policies: [policy('shop', 'a', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }] }), policy('shop', 'b', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.1.2.0/24' } }] }] })],
    query: 'shop/web->10.1.2.3:80', allowed: true,
  },
  { name: 'npa-recipe09: port without protocol is TCP only (UDP denied)', policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] })], query: 'shop/web->shop/db:80/UDP', allowed: false },
  { name: 'endPort range: 32768 inside 32000-32768', policies: [policy('shop', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 32000, endPort: 32768 }] }] })], query: 'shop/web->10.0.0.7:32768', allowed: true },
  { name: 'endPort range: 32769 outside', policies: [policy('shop', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 32000, endPort: 32768 }] }] })], query: 'shop/web->10.0.0.7:32769', allowed: false },
  { name: 'pa-protocol-only-sctp: any SCTP port', policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ ports: [{ protocol: 'SCTP' }] }] })], query: 'shop/web->shop/db:9999/SCTP', allowed: true },
  { name: 'pa-protocol-only-sctp: not TCP', policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ ports: [{ protocol: 'SCTP' }] }] })], query: 'shop/web->shop/db:9999/TCP', allowed: false },
  { name: 'named port resolves per destination pod: web http=8080', policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ ports: [{ port: 'http' }] }] })], query: 'shop/db->shop/web:8080', allowed: true },
  { name: 'named port resolves per destination pod: api http=9090, so 8080 is not allowed there', policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ ports: [{ port: 'http' }] }] })], query: 'shop/db->shop/api:8080', allowed: false },
  { name: 'npa-named-port-protocol-mismatch: "dns" is UDP on api, a TCP rule matches nothing', policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ ports: [{ port: 'dns', protocol: 'TCP' }] }] })], query: 'shop/web->shop/api:53/TCP', allowed: false },
  { name: 'named port with the right protocol', policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ ports: [{ port: 'dns', protocol: 'UDP' }] }] })], query: 'shop/web->shop/api:53/UDP', allowed: true },
  { name: 'a named port never matches an external destination', policies: [policy('shop', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'http' }] }] })], query: 'shop/web->1.1.1.1:8080', allowed: false },
  { name: 'deny-all + allow-x = allow-x', policies: [policy('shop', 'deny', { podSelector: {} }), policy('shop', 'allow', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }] }] })], query: 'shop/api->shop/db:5432', allowed: true },
  { name: 'numeric ports need not be declared as containerPorts', policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ ports: [{ port: 7777 }] }] })], query: 'shop/web->shop/db:7777', allowed: true },
  {
    name: 'npa-default-namespace-label-inferred: undeclared namespace still has kubernetes.io/metadata.name',
    policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ghost' } } }] }] })],
    pods: [...pods, netPod('ghost/x', { labels: { app: 'x' } })], query: 'ghost/x->shop/db:80', allowed: true,
  },
  {
    name: 'spec-label-selector-operators: NotIn matches a pod without the key, DoesNotExist too',
    policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }, { key: 'legacy', operator: 'DoesNotExist' }] } }] }] })],
    query: 'shop/web->shop/db:80', allowed: true,
  },
  {
    name: 'spec-label-selector-operators: Exists needs the key',
    policies: [policy('shop', 'p', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }] } }] }] })],
    query: 'shop/web->shop/db:80', allowed: false,
  },
  { name: 'a policy without metadata.namespace applies to namespace default', policies: [], manifests: [{ source: { file: 'p.yaml', document: 0, path: [] }, object: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' }, spec: { podSelector: {} } } }], pods: [netPod('default/a'), netPod('default/b')], query: 'default/a->default/b:80', allowed: false },
];

describe('netpol.md cases', () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(ask([...ns, ...c.policies, ...(c.manifests ?? [])], c.pods ?? pods, c.query).allowed, c.allowed);
    });
  }
});

describe('explanations (netpol.md §11.1)', () => {
  it('not isolated: allowed by default, and external sides are not governed', () => {
    const result = ask(ns, pods, '198.51.100.1->shop/web:80');
    assert.equal(result.ingress.isolated, false);
    assert.match(result.ingress.explanation, /no NetworkPolicy in namespace shop selects shop\/web for Ingress: allowed by default/);
    assert.match(result.egress.explanation, /outside the cluster/);
  });
  it('allowed by: every matching rule is listed', () => {
    const policies = [policy('shop', 'a', { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }, {}] }), policy('shop', 'b', { podSelector: {}, ingress: [{}] })];
    const result = ask([...ns, ...policies], pods, 'shop/web->shop/db:80');
    assert.deepEqual(result.ingress.allowedBy, ['shop/a ingress[0]', 'shop/a ingress[1]', 'shop/b ingress[0]']);
    assert.deepEqual(result.ingress.isolatedBy, ['shop/a', 'shop/b']);
  });
  it('denied: deny-all, wrong peer, wrong port and undefined named port are each explained', () => {
    const policies = [
      policy('shop', 'deny', { podSelector: {} }),
      policy('shop', 'ports', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 443 }] }] }),
      policy('shop', 'named', { podSelector: {}, ingress: [{ ports: [{ port: 'metrics' }] }] }),
      policy('shop', 'peer', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }] }] }),
    ];
    const { ingress, allowed } = ask([...ns, ...policies], pods, 'shop/web->shop/db:80');
    assert.equal(allowed, false);
    assert.match(ingress.explanation, /shop\/deny has no Ingress rules \(deny all\)/);
    assert.match(ingress.explanation, /shop\/ports ingress\[0\] selects shop\/web .* but its ports \(TCP\/443\) do not include TCP\/80/);
    assert.match(ingress.explanation, /named port "metrics" is not defined for TCP on shop\/db/);
    assert.match(ingress.explanation, /no ingress rule of shop\/peer selects shop\/web/);
  });
  it('both directions are needed: egress of the source denies although ingress allows', () => {
    const policies = [policy('shop', 'egress', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'] }), policy('shop', 'ingress', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{}] })];
    const result = ask([...ns, ...policies], pods, 'shop/web->shop/db:5432');
    assert.equal(result.allowed, false);
    assert.equal(result.ingress.allowed, true);
    assert.match(result.explanation, /denied by the egress of the source/);
  });
  it('spec-self-traffic: a pod to itself is allowed and not governed, even under deny-all', () => {
    const result = ask([...ns, policy('shop', 'deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })], pods, 'shop/web->shop/web:80');
    assert.deepEqual([result.allowed, result.governed], [true, false]);
  });
  it('an ipBlock matching a pod IP is followed (upstream e2e) and flagged as CNI-dependent', () => {
    const withIps = [netPod('shop/a', { ips: ['10.0.0.5'] }), netPod('shop/b', { ips: ['10.0.0.6'] })];
    const result = ask([...ns, policy('shop', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.6/32' } }] }] })], withIps, 'shop/a->shop/b:80');
    assert.equal(result.allowed, true);
    assert.equal(result.egress.dependsOnPodIpBlock, true);
    assert.match(result.egress.explanation, /CNIs disagree/);
  });
  it('a workload name resolves to its first pod; an unknown endpoint is an error', () => {
    const replicas = [netPod('shop/web-1', { workload: 'shop/web' }), netPod('shop/web-2', { workload: 'shop/web' })];
    const [known, unknown] = computeReachability({ manifests: ns, pods: replicas, queries: [{ from: 'shop/web', to: 'shop/web-2', port: 80, protocol: 'TCP' }, { from: 'shop/nope', to: 'shop/web', port: 80, protocol: 'TCP' }] }).queries;
    assert.equal(known.from, 'shop/web-1');
    assert.match(unknown.error ?? '', /no pod or workload "shop\/nope"/);
  });
});

describe('parseQuery', () => {
  const cases: Array<[string, string | null]> = [
    ['shop/a->shop/b:80/TCP', 'shop/a shop/b 80 TCP'],
    ['shop/a->shop/b:53/udp', 'shop/a shop/b 53 UDP'],
    ['shop/a -> 10.0.0.1:443', 'shop/a 10.0.0.1 443 TCP'],
    ['shop/a->2001:db8::1:443', 'shop/a 2001:db8::1 443 TCP'],
    ['shop/a->shop/b', null],
    ['shop/a->shop/b:0', null],
    ['shop/a shop/b:80', null],
  ];
  for (const [text, want] of cases) {
    it(text, () => {
      const parsed = parseQuery(text);
      assert.equal(parsed.ok ? `${parsed.query.from} ${parsed.query.to} ${parsed.query.port} ${parsed.query.protocol}` : null, want);
    });
  }
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compilePolicy } from '../../../../server/src/simulator/network/parsePolicy';
import { policy } from './netBuilders';

const compile = (spec: Record<string, unknown>) => compilePolicy(policy('shop', 'p', spec), 0);
const codes = (spec: Record<string, unknown>) => compile(spec).findings.map((f) => `${f.severity} ${f.code}`);

describe('policyTypes defaulting (SetDefaults_NetworkPolicy)', () => {
  const cases: Array<[string, Record<string, unknown>, [boolean, boolean]]> = [
    ['missing, no egress → [Ingress]', { podSelector: {} }, [true, false]],
    ['missing, ingress rules only → [Ingress]', { podSelector: {}, ingress: [{}] }, [true, false]],
    ['missing, egress rules → [Ingress, Egress]', { podSelector: {}, egress: [{}] }, [true, true]],
    ['missing, `egress: []` → [Ingress] only', { podSelector: {}, egress: [] }, [true, false]],
    ['empty list is defaulted like missing', { podSelector: {}, policyTypes: [], egress: [{}] }, [true, true]],
    ['explicit [Egress] with ingress rules → Egress only', { podSelector: {}, policyTypes: ['Egress'], ingress: [{}] }, [false, true]],
    ['explicit both', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }, [true, true]],
  ];
  for (const [name, spec, [ingress, egress]] of cases) {
    it(name, () => {
      const { policy: compiled } = compile(spec);
      assert.deepEqual([compiled.ingressIsolates, compiled.egressIsolates], [ingress, egress]);
    });
  }
  it('rules of a direction not in policyTypes are dropped', () => assert.deepEqual(compile({ podSelector: {}, policyTypes: ['Egress'], ingress: [{}] }).policy.ingress, []));
});

describe('rules', () => {
  it('`from` missing, null or [] means every peer; `ports` likewise every port', () => {
    const { policy: compiled } = compile({ podSelector: {}, ingress: [{}, { from: [] }, { from: [{ podSelector: {} }], ports: [] }] });
    assert.deepEqual(compiled.ingress.map((r) => [r.peers === null, r.ports === null]), [[true, true], [true, true], [false, true]]);
  });
  it('ports default to TCP; endPort makes a range; a name stays a name', () => {
    const { policy: compiled } = compile({ podSelector: {}, ingress: [{ ports: [{ port: 80 }, { protocol: 'UDP' }, { port: 30000, endPort: 30100 }, { port: 'http', protocol: 'SCTP' }] }] });
    assert.deepEqual(compiled.ingress[0].ports, [
      { protocol: 'TCP', kind: 'range', from: 80, to: 80 },
      { protocol: 'UDP', kind: 'all' },
      { protocol: 'TCP', kind: 'range', from: 30000, to: 30100 },
      { protocol: 'SCTP', kind: 'named', name: 'http' },
    ]);
  });
});

describe('validation findings (netpol.md §13)', () => {
  const peer = (entry: object) => ({ podSelector: {}, ingress: [{ from: [entry] }] });
  const port = (entry: object) => ({ podSelector: {}, ingress: [{ ports: [entry] }] });
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['peer with none of the three fields', peer({}), 'error net/peer-invalid'],
    ['ipBlock with a selector', peer({ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }), 'error net/peer-invalid'],
    ['invalid CIDR', peer({ ipBlock: { cidr: '10.0.0.300/8' } }), 'error net/ipblock-invalid'],
    ['CIDR without prefix', peer({ ipBlock: { cidr: '10.0.0.1' } }), 'error net/ipblock-invalid'],
    ['except not inside cidr', peer({ ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24'] } }), 'error net/ipblock-invalid'],
    ['except equal to cidr (not a strict subset)', peer({ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.0/16'] } }), 'error net/ipblock-invalid'],
    ['host bits set (masked, warned)', peer({ ipBlock: { cidr: '192.168.242.213/24' } }), 'warning net/ipblock-host-bits'],
    ['endPort without port', port({ endPort: 90 }), 'error net/port-invalid'],
    ['endPort below port (np_test_with_empty_port_range)', port({ port: 10, endPort: 1 }), 'error net/port-invalid'],
    ['endPort with a named port', port({ port: 'http', endPort: 90 }), 'error net/port-invalid'],
    ['port 0', port({ port: 0 }), 'error net/port-invalid'],
    ['port 70000', port({ port: 70000 }), 'error net/port-invalid'],
    ['named port not an IANA_SVC_NAME', port({ port: 'HTTP' }), 'error net/port-invalid'],
    ['named port with "--"', port({ port: 'a--b' }), 'error net/port-invalid'],
    ['protocol ICMP', port({ protocol: 'ICMP' }), 'error net/protocol-invalid'],
    ['policyTypes value', { podSelector: {}, policyTypes: ['Both'] }, 'error net/policy-type-invalid'],
    ['selector operator', peer({ podSelector: { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] } }), 'error net/selector-invalid'],
    ['rules ignored by explicit policyTypes', { podSelector: {}, policyTypes: ['Ingress'], egress: [{}] }, 'warning net/rules-ignored'],
    ['egress rules without policyTypes isolate ingress too', { podSelector: {}, egress: [{}] }, 'warning net/implicit-ingress-isolation'],
    ['`egress: []` without policyTypes does not deny egress', { podSelector: {}, egress: [] }, 'warning net/egress-deny-needs-policy-types'],
  ];
  for (const [name, spec, code] of cases) it(name, () => assert.ok(codes(spec).includes(code), `got ${codes(spec).join(', ')}`));
  it('a valid policy has no findings', () => assert.deepEqual(codes({ podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: {}, podSelector: {} }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 'pg' }, { port: 80, endPort: 81 }] }] }), []));
  it('a policy without metadata.namespace: default assumed, noted', () => {
    const { findings, policy: compiled } = compilePolicy({ source: { file: 'p.yaml', document: 0, path: [] }, object: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p' }, spec: {} } }, 0);
    assert.equal(compiled.namespace, 'default');
    assert.deepEqual(findings.map((f) => f.code), ['net/namespace-assumed']);
  });
});

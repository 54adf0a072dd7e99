import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { explainCell, type CellExplanation } from '../../../../server/src/simulator/network/cellExplanation';
import type { MatrixEndpoint } from '../../../../server/src/simulator/network/matrixView';
import type { Manifest } from '../../../../server/src/simulator/model/source';
import { namespace, netPod, policy } from './netBuilders';

const web = netPod('shop/web-1', { labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }], workload: 'shop/web' });
const web2 = netPod('shop/web-2', { labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }], workload: 'shop/web' });
const db = netPod('shop/db', { labels: { app: 'db' }, ports: [{ name: 'pg', containerPort: 5432 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] });
const pods = [web, web2, db];
const webGroup: MatrixEndpoint = { label: 'shop/web (2 pods)', kind: 'pods', pods: ['shop/web-1', 'shop/web-2'] };
const dbGroup: MatrixEndpoint = { label: 'shop/db', kind: 'pods', pods: ['shop/db'] };

const ns = [namespace('shop')];
const denyAll = policy('shop', 'deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
const dbIn = policy('shop', 'db-in', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'pg' }, { port: 6000, endPort: 6010 }] }] });
const webOut = policy('shop', 'web-out', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }, { to: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 443 }] }] });

function explain(manifests: Manifest[], from: MatrixEndpoint | string, to: MatrixEndpoint | string): CellExplanation {
  const cell = explainCell({ manifests, pods }, from, to);
  assert.ok(cell);
  return cell;
}

const ports = (cell: CellExplanation) => cell.ports.map((p) => `${p.protocol} ${p.otherPorts ? `other(${p.port})` : p.port} ${p.allowed ? '✓' : '✕'}`);
const rules = (cell: CellExplanation, direction: 'egress' | 'ingress') => cell[direction].ports.map((p) => p.allowedBy.map(({ policy, rule }) => `${policy.key} ${rule.direction}[${rule.index}]`).join(','));

describe('explainCell', () => {
  it('lists the destination\'s ports and the deciding rules\' ports (named ones resolved, a range by its first port), then one port for all the others', () => {
    const cell = explain([...ns, denyAll, dbIn, webOut], webGroup, dbGroup);
    assert.equal(cell.source, 'shop/web-1');
    assert.equal(cell.destination, 'shop/db');
    assert.equal(cell.ungoverned, null);
    assert.deepEqual(ports(cell), ['TCP 5432 ✓', 'TCP 6000 ✓', 'UDP 53 ✕', 'TCP other(1) ✕', 'UDP other(1) ✕'], 'the egress rule to 10.0.0.0/8 on 443 does not select db: its port is not listed');
    assert.deepEqual(cell.egress.isolatedBy.map((p) => p.key), ['shop/deny', 'shop/web-out']);
    assert.deepEqual(rules(cell, 'egress'), ['shop/web-out egress[0]', 'shop/web-out egress[0]', 'shop/web-out egress[0]', 'shop/web-out egress[0]', 'shop/web-out egress[0]']);
    assert.deepEqual(cell.ingress.isolatedBy.map((p) => p.key), ['shop/deny', 'shop/db-in']);
    assert.deepEqual(rules(cell, 'ingress'), ['shop/db-in ingress[0]', 'shop/db-in ingress[0]', '', '', '']);
    assert.match(cell.ingress.ports[2].verdict.explanation, /isolated for Ingress by shop\/deny, shop\/db-in and nothing allows it/);
    assert.deepEqual(cell.notes, ['shop/web-1 stands for the 2 pods of shop/web (2 pods): every policy treats them alike.']);
  });

  it('a port range covering the low ports moves the "other" port past it', () => {
    const wide = policy('shop', 'wide', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ ports: [{ port: 1, endPort: 1000 }] }] });
    const cell = explain([...ns, wide], 'shop/web-1', 'shop/db');
    assert.deepEqual(ports(cell), ['TCP 1 ✓', 'TCP 5432 ✕', 'UDP 53 ✕', 'TCP other(1001) ✕', 'UDP other(1) ✕']);
    assert.deepEqual(cell.egress.isolatedBy, [], 'nothing selects web for egress');
    assert.ok(cell.egress.ports.every((p) => p.verdict.allowed && p.allowedBy.length === 0));
  });

  it('an outside address is not governed on its side; a group\'s own cell pairs two of its pods; a single pod\'s is not governed at all', () => {
    const outside: MatrixEndpoint = { label: '10.0.0.0-10.255.255.255', kind: 'external', pods: [] };
    const out = explain([...ns, denyAll, webOut], webGroup, outside);
    assert.equal(out.destination, '10.0.0.0');
    assert.equal(out.ingress.governed, false);
    assert.deepEqual(ports(out), ['TCP 443 ✓', 'TCP other(1) ✕']);
    assert.deepEqual(rules(out, 'egress'), ['shop/web-out egress[1]', '']);

    const replicas = explain([...ns, denyAll], webGroup, webGroup);
    assert.equal(replicas.destination, 'shop/web-2');
    assert.equal(replicas.ungoverned, null);
    assert.deepEqual(ports(replicas), ['TCP 8080 ✕', 'TCP other(1) ✕']);

    const self = explain([...ns, denyAll], dbGroup, dbGroup);
    assert.match(self.ungoverned ?? '', /a pod can always reach itself/);
    assert.deepEqual(self.ports, []);
  });

  it('an endpoint that names nothing is null', () => {
    assert.equal(explainCell({ manifests: ns, pods }, 'shop/nobody', 'shop/db'), null);
    assert.equal(explainCell({ manifests: ns, pods }, { label: '1.0.0.0-1.255.255.255', kind: 'external', pods: [] }, dbGroup), null);
  });
});

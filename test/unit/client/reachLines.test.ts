import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ReachMatrixEndpoint, ReachResults } from '../../../server/src/protocol/preview';
import { buildReachGrid } from '../../../client/webview/reachGrid';
import { combinedCell, reachLines, type Expansion } from '../../../client/webview/reachLines';

const pods = (label: string, namespace: string, workload: string | null, names: string[]): ReachMatrixEndpoint =>
  ({ label, kind: 'pods', pods: names.map((name) => `${namespace}/${name}`), namespace, workload });
const range = (label: string, ...blocks: string[]): ReachMatrixEndpoint => ({ label, kind: 'external', pods: [], blocks });

/** shop: web (two groups: pods of two templates), db-0 (no owner); data: pg (one workload); then 3 outside ranges, 2 named alike. */
const ENDPOINTS = [
  pods('data/pg-0', 'data', 'data/pg', ['pg-0']),
  pods('shop/db-0', 'shop', null, ['db-0']),
  pods('shop/web [a…] (2 pods)', 'shop', 'shop/web', ['web-a1', 'web-a2']),
  pods('shop/web [b…] (1 pods)', 'shop', 'shop/web', ['web-b1']),
  range('0.0.0.0-9.255.255.255', '0.0.0.0/0 except 10.0.0.0/8 (policy api)'),
  range('10.0.0.0-10.255.255.255', '10.0.0.0/8, except of 0.0.0.0/0 (policy api)'),
  range('11.0.0.0-255.255.255.255', '0.0.0.0/0 except 10.0.0.0/8 (policy api)'),
];
const A = 'All connections';
const N = 'No connections';
const CONNECTIONS = [
  ['self', A, A, A, A, A, A],
  [N, 'self', A, N, A, A, A],
  [A, 'TCP 5432', A, A, A, A, A],
  [A, 'TCP 5432', A, 'self', A, A, A],
  [N, N, A, A, 'n/a', 'n/a', 'n/a'],
  [N, N, A, A, 'n/a', 'n/a', 'n/a'],
  [N, N, A, A, 'n/a', 'n/a', 'n/a'],
];
const REACH: ReachResults = { queries: [], matrix: { endpoints: ENDPOINTS, connections: CONNECTIONS } };
const PUBLIC = '0.0.0.0/0 except 10.0.0.0/8 (policy api)';

describe('reachLines: the grid\'s rows grouped by namespace, workload and ipBlocks', () => {
  const cases: Array<{ name: string; expansion: Array<[string, boolean]>; lines: string[] }> = [
    {
      name: 'by default namespaces and the outside are open, workloads and ipBlocks closed; a namespace of one workload has no header',
      expansion: [],
      lines: ['0 data/pg-0', '0 ▾ shop (2 workloads, 4 pods)', '1 db-0', '1 ▸ web (3 pods)', '0 ▾ outside the cluster (3 ranges)', `1 ▸ ${PUBLIC} (2 ranges)`, '1 10.0.0.0/8, except of 0.0.0.0/0 (policy api)'],
    },
    {
      name: 'a workload opens into its pods (of both its groups), the ipBlocks into each range',
      expansion: [['workload:shop/web', true], [`ipBlocks:${PUBLIC}`, true]],
      lines: ['0 data/pg-0', '0 ▾ shop (2 workloads, 4 pods)', '1 db-0', '1 ▾ web (3 pods)', '2 web-a1', '2 web-a2', '2 web-b1', '0 ▾ outside the cluster (3 ranges)', `1 ▾ ${PUBLIC} (2 ranges)`, '2 0.0.0.0-9.255.255.255', '2 11.0.0.0-255.255.255.255', '1 10.0.0.0/8, except of 0.0.0.0/0 (policy api)'],
    },
    {
      name: 'a closed namespace hides its workloads, even an open one',
      expansion: [['namespace:shop', false], ['workload:shop/web', true], ['outside', false]],
      lines: ['0 data/pg-0', '0 ▸ shop (2 workloads, 4 pods)', '0 ▸ outside the cluster (3 ranges)'],
    },
  ];
  for (const { name, expansion, lines } of cases) {
    it(name, () => {
      const laid = reachLines(buildReachGrid(REACH), new Map(expansion) as Expansion);
      assert.deepEqual(laid.map((line) => `${line.depth} ${line.expanded === null ? '' : line.expanded ? '▾ ' : '▸ '}${line.text}${line.count ? ` (${line.count})` : ''}`), lines);
    });
  }

  it('what each line asks the host to explain: one group, one pod or one range; nothing for several groups', () => {
    const laid = reachLines(buildReachGrid(REACH), new Map([['workload:shop/web', true], [`ipBlocks:${PUBLIC}`, true]]));
    assert.deepEqual(laid.map((line) => [line.label, line.explainAs]), [
      ['data/pg-0', 'data/pg-0'],
      ['namespace shop', null],
      ['shop/db-0', 'shop/db-0'],
      ['shop/web (3 pods)', null],
      ['shop/web-a1', 'shop/web-a1'],
      ['shop/web-a2', 'shop/web-a2'],
      ['shop/web-b1', 'shop/web-b1'],
      ['outside the cluster', null],
      [PUBLIC, null],
      [`${PUBLIC}, range 0.0.0.0-9.255.255.255`, '0.0.0.0-9.255.255.255'],
      [`${PUBLIC}, range 11.0.0.0-255.255.255.255`, '11.0.0.0-255.255.255.255'],
      ['10.0.0.0/8, except of 0.0.0.0/0 (policy api)', '10.0.0.0-10.255.255.255'],
    ]);
  });

  it('without a matrix (a grid of queries): one flat line per endpoint', () => {
    const grid = buildReachGrid({ queries: [{ from: 'shop/a', to: 'shop/b', port: 80, protocol: 'TCP', allowed: true, ingress: { isolated: false, allowedBy: [] }, egress: { isolated: false, allowedBy: [] } }] });
    assert.deepEqual(reachLines(grid, new Map()).map((line) => [line.text, line.expanded, line.explainAs]), [['shop/a', null, 'shop/a'], ['shop/b', null, 'shop/b']]);
  });
});

describe('combinedCell: a group\'s cell', () => {
  const grid = buildReachGrid(REACH);
  const laid = reachLines(grid, new Map([['workload:shop/web', true], [`ipBlocks:${PUBLIC}`, true]]));
  const line = (label: string) => {
    const found = laid.find((l) => l.label === label);
    assert.ok(found, label);
    return found;
  };
  const cases: Array<[from: string, to: string, state: string, text: string]> = [
    ['data/pg-0', 'shop/db-0', 'allowed', A],
    ['shop/web-a1', 'shop/web-a1', 'self', 'self'],
    ['shop/web-a1', 'shop/web-a2', 'allowed', A],
    ['shop/web (3 pods)', 'shop/db-0', 'partial', 'TCP 5432'],
    ['namespace shop', 'data/pg-0', 'mixed', 'allowed for 2 pairs, denied for 1 pair'],
    ['namespace shop', 'namespace shop', 'mixed', 'allowed for 4 pairs, denied for 1 pair, some ports for 2 pairs'],
    ['outside the cluster', 'outside the cluster', 'na', 'n/a'],
    ['outside the cluster', 'shop/web (3 pods)', 'allowed', A],
    ['outside the cluster', 'namespace shop', 'mixed', 'allowed for 6 pairs, denied for 3 pairs'],
  ];
  for (const [from, to, state, text] of cases) {
    it(`${from} → ${to}: ${state}`, () => {
      const cell = combinedCell(grid, line(from), line(to));
      assert.deepEqual([cell.state, cell.text], [state, text]);
    });
  }
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useLocale } from '../../../../server/src/l10nFiles';
import { computeReachability } from '../../../../server/src/simulator/network/reachability';
import { namespace, netPod, policy } from './netBuilders';

const shop = namespace('shop');
const pods = [
  netPod('shop/web-1', { labels: { app: 'web' }, workload: 'shop/web' }),
  netPod('shop/web-2', { labels: { app: 'web' }, workload: 'shop/web' }),
  netPod('shop/db-0', { labels: { app: 'db' } }),
];
const egressTo = (...peers: unknown[]) => ({ podSelector: {}, policyTypes: ['Egress'], egress: [{ to: peers }] });

/** What the preview's Network tab groups and names rows by: namespace, workload, and the ipBlocks of each external range. */
describe('matrix endpoints carry their namespace, workload and ipBlocks', () => {
  const cases: Array<{ name: string; policies: ReturnType<typeof policy>[]; externals: Array<[label: string, blocks: string[]]> }> = [
    {
      name: 'a block with an except: inside, in the except, outside',
      policies: [policy('shop', 'db-egress', egressTo({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }))],
      externals: [
        ['0.0.0.0-9.255.255.255', []],
        ['10.0.0.0-10.0.255.255', ['10.0.0.0/8 except 10.1.0.0/16 (policy db-egress)']],
        ['10.1.0.0-10.1.255.255', ['10.1.0.0/16, except of 10.0.0.0/8 (policy db-egress)']],
        ['10.2.0.0-10.255.255.255', ['10.0.0.0/8 except 10.1.0.0/16 (policy db-egress)']],
        ['11.0.0.0-255.255.255.255', []],
      ],
    },
    {
      name: 'the same block in two policies is named once, with both; nested blocks are each named',
      policies: [
        policy('shop', 'a', egressTo({ ipBlock: { cidr: '10.0.0.0/8' } })),
        policy('shop', 'b', egressTo({ ipBlock: { cidr: '10.0.0.0/8' } }, { ipBlock: { cidr: '0.0.0.0/0' } })),
      ],
      externals: [
        ['0.0.0.0-9.255.255.255', ['0.0.0.0/0 (policy b)']],
        ['10.0.0.0-10.255.255.255', ['10.0.0.0/8 (policies a, b)', '0.0.0.0/0 (policy b)']],
        ['11.0.0.0-255.255.255.255', ['0.0.0.0/0 (policy b)']],
      ],
    },
    {
      name: 'no ipBlock: one range named by nothing',
      policies: [policy('shop', 'deny', { podSelector: {}, policyTypes: ['Ingress'] })],
      externals: [['0.0.0.0-255.255.255.255', []]],
    },
  ];
  for (const { name, policies, externals } of cases) {
    it(name, () => {
      const { matrix } = computeReachability({ manifests: [shop, ...policies], pods, matrix: true });
      assert.ok(matrix);
      assert.deepEqual(matrix.endpoints.filter((e) => e.kind === 'external').map((e) => [e.label, e.blocks]), externals);
    });
  }

  it('in Korean: the addresses and policy names as written, the words around them translated', () => {
    useLocale('ko');
    try {
      const policies = [policy('shop', 'a', egressTo({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } })), policy('shop', 'b', egressTo({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }))];
      const { matrix } = computeReachability({ manifests: [shop, ...policies], pods, matrix: true });
      assert.deepEqual(matrix?.endpoints.filter((e) => e.kind === 'external').map((e) => e.blocks), [
        [],
        ['10.0.0.0/8 (except 10.1.0.0/16) (정책 a, b)'],
        ['10.1.0.0/16 (10.0.0.0/8의 except 범위) (정책 a, b)'],
        ['10.0.0.0/8 (except 10.1.0.0/16) (정책 a, b)'],
        [],
      ]);
    } finally {
      useLocale('en');
    }
  });

  it('pod groups: namespace and workload (null for a pod no controller owns)', () => {
    const { matrix } = computeReachability({ manifests: [shop], pods, matrix: true });
    assert.ok(matrix);
    assert.deepEqual(matrix.endpoints.filter((e) => e.kind === 'pods').map((e) => [e.label, e.namespace, e.workload]), [
      ['shop/db-0', 'shop', null],
      ['shop/web (2 pods)', 'shop', 'shop/web'],
    ]);
  });
});

describe('policies in scope', () => {
  const cases: Array<{ name: string; policies: ReturnType<typeof policy>[]; expected: { total: number; selectingPods: number } }> = [
    { name: 'none', policies: [], expected: { total: 0, selectingPods: 0 } },
    { name: 'one selecting no pod (a typo)', policies: [policy('shop', 'typo', { podSelector: { matchLabels: { app: 'wbe' } } })], expected: { total: 1, selectingPods: 0 } },
    { name: 'one selecting, one not', policies: [policy('shop', 'db', { podSelector: { matchLabels: { app: 'db' } } }), policy('shop', 'typo', { podSelector: { matchLabels: { app: 'wbe' } } })], expected: { total: 2, selectingPods: 1 } },
  ];
  for (const { name, policies, expected } of cases) {
    it(name, () => assert.deepEqual(computeReachability({ manifests: [shop, ...policies], pods }).policies, expected));
  }
});

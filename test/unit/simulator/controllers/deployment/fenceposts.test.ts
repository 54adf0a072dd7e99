import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseIntOrPercent, scaledValue, type IntOrPercent } from '../../../../../server/src/simulator/controllers/deployment/intOrPercent';
import { maxSurgeOf, maxUnavailableOf, minAvailableOf, resolveFenceposts, type Strategy } from '../../../../../server/src/simulator/controllers/deployment/fenceposts';

const value = (raw: number | string): IntOrPercent => {
  const parsed = parseIntOrPercent(raw);
  assert.ok(parsed.ok, `${raw} should parse`);
  return parsed.value;
};
const rolling = (surge: number | string, unavailable: number | string): Strategy => ({ type: 'RollingUpdate', maxSurge: value(surge), maxUnavailable: value(unavailable) });

describe('parseIntOrPercent', () => {
  const cases: Array<{ name: string; raw: unknown; ok: boolean }> = [
    { name: 'integer', raw: 3, ok: true },
    { name: 'percent', raw: '25%', ok: true },
    { name: 'bare numeric string is rejected (validation message)', raw: '5', ok: false },
    { name: 'oops (upstream TestResolveFenceposts error row)', raw: 'oops', ok: false },
    { name: 'urg', raw: 'urg', ok: false },
    { name: 'fraction', raw: 1.5, ok: false },
    { name: 'null', raw: null, ok: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(parseIntOrPercent(c.raw).ok, c.ok));
});

describe('scaledValue rounding (GetScaledValueFromIntOrPercent)', () => {
  const cases = [
    { name: '25% of 10 up', raw: '25%', total: 10, up: true, want: 3 },
    { name: '25% of 10 down', raw: '25%', total: 10, up: false, want: 2 },
    { name: '39% of 10 up', raw: '39%', total: 10, up: true, want: 4 },
    { name: '1% of 2 down', raw: '1%', total: 2, up: false, want: 0 },
    { name: '200% of 3 up', raw: '200%', total: 3, up: true, want: 6 },
    { name: 'int is taken as is', raw: 7, total: 3, up: false, want: 7 },
    { name: 'huge values stay exact', raw: '99%', total: 2_147_483_647, up: true, want: 2_126_008_811 },
  ];
  for (const c of cases) it(c.name, () => assert.equal(scaledValue(value(c.raw), c.total, c.up), c.want));
});

describe('resolveFenceposts (upstream TestResolveFenceposts rows)', () => {
  const cases: Array<{ name: string; surge?: string; unavailable?: string; desired: number; want: [number, number] }> = [
    { name: '0%/0% with 0 desired → both-zero rule', surge: '0%', unavailable: '0%', desired: 0, want: [0, 1] },
    { name: '39%/39% of 10', surge: '39%', unavailable: '39%', desired: 10, want: [4, 3] },
    { name: 'nil/39%', unavailable: '39%', desired: 10, want: [0, 3] },
    { name: '39%/nil', surge: '39%', desired: 10, want: [4, 0] },
    { name: 'nil/nil → both-zero rule', desired: 10, want: [0, 1] },
    { name: '25%/25% of 8 (round up / round down)', surge: '25%', unavailable: '25%', desired: 8, want: [2, 2] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = resolveFenceposts(c.surge ? value(c.surge) : undefined, c.unavailable ? value(c.unavailable) : undefined, c.desired);
      assert.deepEqual([got.surge, got.unavailable], c.want);
    });
  }
  it('int 1/1 of 2', () => assert.deepEqual(resolveFenceposts(value(1), value(1), 2), { surge: 1, unavailable: 1 }));
});

describe('MaxSurge / MaxUnavailable / minAvailable / maxTotal (rollout.md §1.3 table)', () => {
  // Columns: 25%/25%, 1/0, 0/1, 100%/0, 0/100%, 50%/50%, 10%/10%, 0/25%. Cells: [surge, unavailable].
  const columns: Array<[number | string, number | string]> = [['25%', '25%'], [1, 0], [0, 1], ['100%', 0], [0, '100%'], ['50%', '50%'], ['10%', '10%'], [0, '25%']];
  const table: Array<[number, Array<[number, number]>]> = [
    [0, [[0, 0], [1, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]],
    [1, [[1, 0], [1, 0], [0, 1], [1, 0], [0, 1], [1, 0], [1, 0], [0, 1]]],
    [2, [[1, 0], [1, 0], [0, 1], [2, 0], [0, 2], [1, 1], [1, 0], [0, 1]]],
    [3, [[1, 0], [1, 0], [0, 1], [3, 0], [0, 3], [2, 1], [1, 0], [0, 1]]],
    [4, [[1, 1], [1, 0], [0, 1], [4, 0], [0, 4], [2, 2], [1, 0], [0, 1]]],
    [5, [[2, 1], [1, 0], [0, 1], [5, 0], [0, 5], [3, 2], [1, 0], [0, 1]]],
    [10, [[3, 2], [1, 0], [0, 1], [10, 0], [0, 10], [5, 5], [1, 1], [0, 2]]],
    [11, [[3, 2], [1, 0], [0, 1], [11, 0], [0, 11], [6, 5], [2, 1], [0, 2]]],
    [100, [[25, 25], [1, 0], [0, 1], [100, 0], [0, 100], [50, 50], [10, 10], [0, 25]]],
  ];
  for (const [replicas, row] of table) {
    row.forEach(([surge, unavailable], column) => {
      const [s, u] = columns[column];
      it(`R=${replicas} ${s}/${u} → ${surge}/${unavailable}`, () => {
        const strategy = rolling(s, u);
        assert.equal(maxSurgeOf(strategy, replicas), surge);
        assert.equal(maxUnavailableOf(strategy, replicas), unavailable);
        assert.equal(minAvailableOf(strategy, replicas), replicas - unavailable);
      });
    });
  }
});

describe('MaxUnavailable (upstream TestMaxUnavailable)', () => {
  const cases: Array<{ name: string; replicas: number; unavailable: number | string; want: number; recreate?: boolean }> = [
    { name: 'less than replicas', replicas: 10, unavailable: 5, want: 5 },
    { name: 'equal replicas', replicas: 10, unavailable: 10, want: 10 },
    { name: 'greater than replicas is capped', replicas: 5, unavailable: 10, want: 5 },
    { name: 'replicas is 0', replicas: 0, unavailable: 10, want: 0 },
    { name: 'Recreate', replicas: 5, unavailable: 1, want: 0, recreate: true },
    { name: '50% of 10', replicas: 10, unavailable: '50%', want: 5 },
    { name: '100% of 10', replicas: 10, unavailable: '100%', want: 10 },
    { name: '100% of 5', replicas: 5, unavailable: '100%', want: 5 },
    { name: '0/10 int with 3 replicas (both-zero never applies)', replicas: 3, unavailable: 10, want: 3 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const strategy: Strategy = c.recreate ? { type: 'Recreate' } : rolling(1, c.unavailable);
      assert.equal(maxUnavailableOf(strategy, c.replicas), c.want);
    });
  }
  it('MaxSurge is 0 for Recreate', () => assert.equal(maxSurgeOf({ type: 'Recreate' }, 10), 0));
});

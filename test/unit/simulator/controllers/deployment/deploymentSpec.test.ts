import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readDeployment } from '../../../../../server/src/simulator/controllers/deployment/deploymentSpec';
import { templateKey } from '../../../../../server/src/simulator/controllers/deployment/templateKey';
import type { Manifest } from '../../../../../server/src/simulator/model/source';

const manifest = (spec: Record<string, unknown>): Manifest => ({
  source: { file: 'd.yaml', document: 0, path: [] },
  object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } } }, ...spec } },
});

describe('apps/v1 defaults (SetDefaults_Deployment)', () => {
  it('replicas 1, RollingUpdate 25%/25%, history 10, deadline 600, namespace default', () => {
    const { deployment, findings } = readDeployment(manifest({}));
    assert.deepEqual(findings, []);
    assert.equal(deployment.replicas, 1);
    assert.equal(deployment.namespace, 'default');
    assert.deepEqual(deployment.strategy, { type: 'RollingUpdate', maxSurge: { kind: 'percent', value: 25 }, maxUnavailable: { kind: 'percent', value: 25 } });
    assert.equal(deployment.revisionHistoryLimit, 10);
    assert.equal(deployment.progressDeadlineSeconds, 600);
    assert.equal(deployment.minReadySeconds, 0);
  });
});

describe('validation (ValidateRollingUpdateDeployment / ValidateDeploymentSpec)', () => {
  const cases: Array<[string, Record<string, unknown>, string | null]> = [
    ['0/0 rejected', { strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }, 'sim/deployment-both-zero'],
    ['"0%"/0 rejected', { strategy: { rollingUpdate: { maxSurge: '0%', maxUnavailable: 0 } } }, 'sim/deployment-both-zero'],
    ['"0%"/"0%" rejected', { strategy: { rollingUpdate: { maxSurge: '0%', maxUnavailable: '0%' } } }, 'sim/deployment-both-zero'],
    ['1%/0% resolves to 0/0 but is valid', { strategy: { rollingUpdate: { maxSurge: '0%', maxUnavailable: '1%' } } }, null],
    ['bare "5" rejected', { strategy: { rollingUpdate: { maxSurge: '5' } } }, 'sim/deployment-invalid-int-or-percent'],
    ['"+5%" rejected by the percent pattern', { strategy: { rollingUpdate: { maxSurge: '+5%' } } }, 'sim/deployment-invalid-int-or-percent'],
    ['negative rejected', { strategy: { rollingUpdate: { maxUnavailable: -1 } } }, 'sim/deployment-invalid-int-or-percent'],
    ['maxUnavailable 101% rejected', { strategy: { rollingUpdate: { maxUnavailable: '101%' } } }, 'sim/deployment-max-unavailable-over-100'],
    ['maxSurge 200% accepted', { strategy: { rollingUpdate: { maxSurge: '200%' } } }, null],
    ['Recreate with rollingUpdate rejected', { strategy: { type: 'Recreate', rollingUpdate: {} } }, 'sim/deployment-recreate-with-rolling-update'],
    ['unknown strategy type', { strategy: { type: 'BlueGreen' } }, 'sim/deployment-invalid-strategy'],
    ['progressDeadlineSeconds ≤ minReadySeconds', { minReadySeconds: 30, progressDeadlineSeconds: 30 }, 'sim/deployment-progress-deadline'],
    ['negative replicas', { replicas: -1 }, 'sim/deployment-invalid-count'],
    ['empty selector', { selector: {} }, 'sim/deployment-empty-selector'],
    ['invalid selector operator', { selector: { matchExpressions: [{ key: 'a', operator: 'Is', values: ['b'] }] } }, 'sim/deployment-invalid-selector'],
    ['1e9 replicas is bounded', { replicas: 1_000_000_000 }, 'sim/rollout-too-large'],
  ];
  for (const [name, spec, code] of cases) {
    it(name, () => {
      const codes = readDeployment(manifest(spec)).findings.map((f) => f.code);
      if (code === null) assert.deepEqual(codes, []);
      else assert.ok(codes.includes(code), `expected ${code}, got ${codes.join(', ')}`);
    });
  }
});

describe("maxSurge / maxUnavailable refused in the API server's words (ValidatePositiveIntOrPercent)", () => {
  const PERCENT = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a bare number string', { maxSurge: '5' }, `maxSurge: Invalid value: "5": ${PERCENT}`],
    ['a signed percentage', { maxSurge: '+5%' }, `maxSurge: Invalid value: "+5%": ${PERCENT}`],
    ['a negative percentage', { maxUnavailable: '-5%' }, `maxUnavailable: Invalid value: "-5%": ${PERCENT}`],
    ['words before the percent sign', { maxSurge: 'many%' }, `maxSurge: Invalid value: "many%": ${PERCENT}`],
    ['a negative integer', { maxUnavailable: -1 }, 'maxUnavailable: Invalid value: -1: must be greater than or equal to 0'],
    ['a fraction', { maxSurge: 1.5 }, "maxSurge: Invalid value: 1.5: must be an integer or percentage (e.g '5%')"],
    ['a list', { maxSurge: [1] }, "maxSurge: Invalid value: [1]: must be an integer or percentage (e.g '5%')"],
  ];
  for (const [name, rollingUpdate, message] of cases) {
    it(name, () => {
      const found = readDeployment(manifest({ strategy: { rollingUpdate } })).findings.filter((f) => f.code === 'sim/deployment-invalid-int-or-percent');
      assert.deepEqual(found.map((f) => f.message), [message]);
    });
  }
});

describe('EqualIgnoreHash key', () => {
  const cases: Array<[string, unknown, unknown, boolean]> = [
    ['key order does not matter', { spec: { a: 1, b: 2 } }, { spec: { b: 2, a: 1 } }, true],
    ['empty and missing collections are equal (semantic DeepEqual)', { metadata: { annotations: {} }, spec: { volumes: [] } }, {}, true],
    ['an image change is a change', { spec: { containers: [{ image: 'a' }] } }, { spec: { containers: [{ image: 'b' }] } }, false],
    ['a label change is a change', { metadata: { labels: { a: '1' } } }, { metadata: { labels: { a: '2' } } }, false],
    ['list order matters', { spec: { containers: [{ name: 'a' }, { name: 'b' }] } }, { spec: { containers: [{ name: 'b' }, { name: 'a' }] } }, false],
  ];
  for (const [name, a, b, equal] of cases) it(name, () => assert.equal(templateKey(a) === templateKey(b), equal));
});

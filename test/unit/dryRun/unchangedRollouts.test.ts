import { test } from 'node:test';
import assert from 'node:assert/strict';
import { everyDeploymentUnchanged } from '../../../server/src/dryRun/changedDeployments';
import { dryRun } from '../../../server/src/dryRun/dryRun';
import type { KubeObject, Manifest } from '../../../server/src/simulator/model/source';

// An unchanged Deployment is only ever a restart preview: the view says so, and no diagnostic comes of it.
const deployment = (name: string, image: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image, resources: { requests: { cpu: '100m' } } }] } } },
});
const configMap: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } };
const at = (objects: KubeObject[]): Manifest[] => objects.map((object, document) => ({ source: { file: 'file:///ws/api.yaml', document, path: [] }, object }));

const cases: Array<{ name: string; baseline: KubeObject[]; current: KubeObject[]; unchanged: boolean }> = [
  { name: 'one Deployment, same spec', baseline: [deployment('api', 'api:1')], current: [deployment('api', 'api:1')], unchanged: true },
  { name: 'one Deployment, new image', baseline: [deployment('api', 'api:1')], current: [deployment('api', 'api:2')], unchanged: false },
  { name: 'two Deployments, one changed', baseline: [deployment('api', 'api:1'), deployment('web', 'web:1')], current: [deployment('api', 'api:1'), deployment('web', 'web:2')], unchanged: false },
  { name: 'two Deployments, both the same; other objects changed', baseline: [deployment('api', 'api:1'), deployment('web', 'web:1')], current: [deployment('api', 'api:1'), deployment('web', 'web:1'), configMap], unchanged: true },
  { name: 'a new Deployment only (no baseline copy): nothing rolled out, nothing to say', baseline: [], current: [deployment('api', 'api:1')], unchanged: false },
  { name: 'no Deployment at all', baseline: [configMap], current: [configMap], unchanged: false },
];

for (const c of cases) {
  test(`everyDeploymentUnchanged: ${c.name}`, () => assert.equal(everyDeploymentUnchanged(at(c.baseline), at(c.current)), c.unchanged));
}

test('dryRun: an unchanged Deployment that would stall raises no rollout finding (diagnostics, and the preview\'s restart)', () => {
  const codes = (manifests: Manifest[], baseline: Manifest[], preview: boolean) => {
    const run = dryRun({ manifests, cluster: null, baseline, neverReady: true, previewUnchangedRollouts: preview });
    return { rollouts: run.rollouts.length, rolloutFindings: run.findings.filter((f) => f.code.startsWith('sim/rollout')).map((f) => f.code) };
  };
  const same = at([deployment('api', 'api:1')]);
  assert.deepEqual(codes(same, same, false), { rollouts: 0, rolloutFindings: [] }, 'diagnostics: an unchanged Deployment is not rolled out');
  assert.deepEqual(codes(same, same, true), { rollouts: 1, rolloutFindings: [] }, 'preview: a restart, whose stall is no finding');
  const changed = codes(at([deployment('api', 'api:2')]), same, false);
  assert.equal(changed.rollouts, 1);
  assert.ok(changed.rolloutFindings.includes('sim/rollout-stalled'), 'a changed Deployment that never becomes ready does stall');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../../server/src/language/rules/workspace/workspaceIndex';
import { compileLabelSelector, selectorFromSet, type Selector } from '../../../../server/src/simulator/model/labelSelector';
import type { KubeObject, Manifest } from '../../../../server/src/simulator/model/source';

/** Tiny builders: a Deployment whose pods carry `labels`, a bare Pod, as manifests of one file. */
const deployment = (name: string, labels: Record<string, string>, namespace?: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [] } } },
});
const pod = (name: string, labels: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels } });
const manifests = (...objects: KubeObject[]): Manifest[] => objects.map((object, document) => ({ source: { file: 'f.yaml', document, path: [] }, object }));

const index = new WorkspaceIndex(
  manifests(deployment('web', { app: 'web', tier: 'front' }), deployment('api', { app: 'api', tier: 'back' }), pod('debug', { app: 'web' }), deployment('web', { app: 'web' }, 'other'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web', labels: { app: 'web' } } }),
);
const names = (selector: Selector, namespace = 'default') => index.pods().selected(namespace, selector).map((s) => `${s.kind}/${s.manifest.object.metadata?.name}`);

const cases: Array<{ name: string; selector: Selector; namespace?: string; expect: string[] }> = [
  { name: 'a Service selector picks the pods of its namespace, in manifest order', selector: selectorFromSet({ app: 'web' }), expect: ['Deployment/web', 'Pod/debug'] },
  { name: 'every pair must match', selector: selectorFromSet({ app: 'web', tier: 'front' }), expect: ['Deployment/web'] },
  { name: 'matchExpressions are honoured', selector: compileLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }), expect: ['Deployment/web', 'Deployment/api'] },
  { name: 'Exists alone scans the namespace', selector: compileLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }), expect: ['Deployment/web', 'Deployment/api'] },
  { name: 'another namespace', selector: selectorFromSet({ app: 'web' }), namespace: 'other', expect: ['Deployment/web'] },
  { name: 'a null selector selects nothing', selector: compileLabelSelector(null), expect: [] },
  { name: 'objects that create no pods are not indexed', selector: selectorFromSet({ app: 'nothing' }), expect: [] },
];

for (const c of cases) {
  test(`pod label index: ${c.name}`, () => assert.deepEqual(names(c.selector, c.namespace), c.expect));
}

test('pod label index: 1,000 selectors over 1,000 workloads cost about 1,000 matches, not 1,000,000', () => {
  const objects: KubeObject[] = [];
  for (let i = 0; i < 1000; i++) objects.push(deployment(`d${i}`, { app: `a${i}`, tier: 'web' }));
  const big = new WorkspaceIndex(manifests(...objects));
  let matches = 0;
  for (let i = 0; i < 1000; i++) {
    const selector = selectorFromSet({ app: `a${i}`, tier: 'web' });
    const counting: Selector = { ...selector, matches: (labels) => (matches++, selector.matches(labels)) };
    assert.equal(big.pods().selected('default', counting).length, 1);
  }
  assert.equal(matches, 1000);
});

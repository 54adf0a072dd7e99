import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { chartOfTemplate, findTemplateWorkloads, findWorkloads } from '../../../client/src/preview/workloadScanner';

const cases: Array<{ name: string; text: string; found: Array<[kind: string, namespace: string, name: string, line: number]> }> = [
  {
    name: 'a Deployment and a Service: only the workload',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: 2\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
    found: [['Deployment', 'shop', 'web', 1]],
  },
  {
    name: 'several documents, the namespace defaults',
    text: '---\nkind: StatefulSet\napiVersion: apps/v1\nmetadata:\n  name: db\n---\n# a job\napiVersion: batch/v1\nkind: Job\nmetadata: \n  labels:\n    name: not-this\n  name: "migrate" # quoted, with a comment\n',
    found: [['StatefulSet', 'default', 'db', 1], ['Job', 'default', 'migrate', 8]],
  },
  {
    name: 'nested name keys are not the object name',
    text: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  labels:\n    name: agent-label\n  name: agent\nspec:\n  template:\n    metadata:\n      name: inner\n',
    found: [['DaemonSet', 'default', 'agent', 1]],
  },
  { name: 'no apiVersion: not a Kubernetes object', text: 'kind: Deployment\nmetadata:\n  name: x\n', found: [] },
  { name: 'no name: no lens', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: x-\n', found: [] },
  { name: 'CRLF line ends', text: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\n  namespace: \'ns\'\r\n', found: [['Pod', 'ns', 'p', 1]] },
  { name: 'a docker-compose file', text: 'version: "3"\nservices:\n  web:\n    image: nginx\n', found: [] },
];
for (const c of cases) {
  test(`codelens workloads: ${c.name}`, () => {
    assert.deepEqual(findWorkloads(c.text).map(({ workload, line }) => [workload.kind, workload.namespace, workload.name, line]), c.found);
  });
}

test('codelens templates: a Helm template\'s workloads by their kind line, whatever their names', () => {
  const template = readFileSync(join(__dirname, '..', '..', 'fixtures', 'render', 'charts', 'platform', 'templates', 'workers.yaml'), 'utf8');
  const lines = template.split('\n');
  const found = findTemplateWorkloads(template);
  assert.deepEqual(found.map((f) => f.kind), ['Deployment']);
  assert.equal(lines[found[0].line], 'kind: Deployment');
  assert.deepEqual(findTemplateWorkloads('{{- if .Values.job }}\nkind: "Job"\n{{- end }}\n---\nkind: Service\n  kind: Pod\nkind: CronJob # nightly\r\n'), [{ kind: 'Job', line: 1 }, { kind: 'CronJob', line: 6 }]);
});

test('codelens templates: the chart of a template, a subchart\'s own', () => {
  assert.equal(chartOfTemplate('file:///w/charts/platform/templates/workers.yaml'), 'file:///w/charts/platform');
  assert.equal(chartOfTemplate('file:///w/charts/platform/charts/cache/templates/sub/deployment.yaml'), 'file:///w/charts/platform/charts/cache');
  assert.equal(chartOfTemplate('file:///w/app/deployment.yaml'), null);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestsOf } from '../../../../server/src/language/manifests';
import { parseFile } from '../../../../server/src/language/parse/parseFile';
import { runWorkspaceRules, runWorkspaceRulesOn } from '../../../../server/src/language/rules/workspace/runWorkspaceRules';
import { explainServicesWithoutPods } from '../../../../server/src/dryRun/serviceNoPods';
import { WorkspaceIndex } from '../../../../server/src/language/rules/workspace/workspaceIndex';
import type { Manifest } from '../../../../server/src/simulator/model/source';

const lines = (...l: string[]) => l.join('\n') + '\n';
const manifests = (file: string, ...texts: string[]): Manifest[] => manifestsOf(file, parseFile(texts.join('---\n')));
const object = (kind: string, name: string, namespace?: string) => lines('apiVersion: v1', `kind: ${kind}`, `metadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}`);
const usesConfigMap = (name: string) => lines('apiVersion: v1', 'kind: Pod', `metadata: {name: p-${name}}`, `spec: {containers: [{name: c, image: "i:1", envFrom: [{configMapRef: {name: ${name}}}]}]}`);
const service = (app: string, namespace?: string) => lines('apiVersion: v1', 'kind: Service', `metadata: {name: s${namespace ? `, namespace: ${namespace}` : ''}}`, `spec: {selector: {app: ${app}}, ports: [{port: 80}]}`);
const deployment = (app: string, replicas = 2, kind = 'Deployment') =>
  lines('apiVersion: apps/v1', `kind: ${kind}`, `metadata: {name: ${app}}`, 'spec:', `  replicas: ${replicas}`, `  selector: {matchLabels: {app: ${app}}}`, '  template:', `    metadata: {labels: {app: ${app}, tier: x}}`, '    spec: {containers: [{name: c, image: "i:1"}]}');
const cronJob = (app: string) =>
  lines('apiVersion: batch/v1', 'kind: CronJob', `metadata: {name: ${app}}`, 'spec:', '  schedule: "* * * * *"', '  jobTemplate: {spec: {template: {metadata: {labels: {app: ' + app + '}}, spec: {containers: [{name: c, image: "i:1"}]}}}}');
/** Whether the `ref/service-no-pods` of a Service's own dry run is dropped: pods come from a file outside that run. */
const podsSelectedElsewhere = (index: WorkspaceIndex, service: Manifest): boolean =>
  explainServicesWithoutPods([{ source: service.source, path: ['spec', 'selector'], severity: 'warning', code: 'ref/service-no-pods', message: 'm: the Service has no endpoints' }], [service], index).length === 0;
const codes = (findings: Array<{ code: string; source: { file: string } }>) => findings.map((f) => `${f.code}@${f.source.file}`);

test('workspace context: only subjects get findings; the other manifests answer look-ups', () => {
  const open = manifests('file:///ws/open.yaml', usesConfigMap('settings'), usesConfigMap('nowhere'));
  const disk = [...manifests('file:///ws/settings.yaml', object('ConfigMap', 'settings')), ...manifests('file:///ws/unopened.yaml', usesConfigMap('other'))];
  const index = new WorkspaceIndex([...disk, ...open], undefined, (m) => m.source.file === 'file:///ws/open.yaml');
  assert.equal(index.subjects.length, 2);
  const findings = runWorkspaceRulesOn(index);
  assert.deepEqual(codes(findings), ['ref/configmap-missing@file:///ws/open.yaml']);
  assert.match(findings[0].message, /`nowhere`/);
  // Without a subject filter every manifest is checked (the unopened file's `other` too).
  assert.deepEqual(codes(runWorkspaceRules([...disk, ...open])).sort(), ['ref/configmap-missing@file:///ws/open.yaml', 'ref/configmap-missing@file:///ws/unopened.yaml']);
});

test('workspace context: duplicates count within one folder, not across folders', () => {
  const sameFolder = [...manifests('file:///ws/k8s/a.yaml', object('ConfigMap', 'c')), ...manifests('file:///ws/k8s/b.yaml', object('ConfigMap', 'c'))];
  assert.deepEqual(codes(runWorkspaceRules(sameFolder)), ['ref/duplicate-object@file:///ws/k8s/b.yaml']);
  const variants = [...manifests('file:///ws/envs/dev/a.yaml', object('ConfigMap', 'c')), ...manifests('file:///ws/envs/prod/a.yaml', object('ConfigMap', 'c'))];
  assert.deepEqual(runWorkspaceRules(variants), []);
  // With the file on disk first, the open copy is the one reported.
  const index = new WorkspaceIndex([...sameFolder].reverse(), undefined, (m) => m.source.file.endsWith('a.yaml'));
  assert.deepEqual(codes(runWorkspaceRulesOn(index)), ['ref/duplicate-object@file:///ws/k8s/a.yaml']);
});

test('workspace context: a Service selects pods of workloads in other files, in its namespace, when they create some', () => {
  const svc = (app: string, namespace?: string) => manifests('file:///ws/svc.yaml', service(app, namespace))[0];
  const elsewhere = (...texts: string[]) => new WorkspaceIndex(manifests('file:///ws/app.yaml', ...texts));
  const cases: Array<[string, Manifest, WorkspaceIndex, boolean]> = [
    ['a Deployment elsewhere', svc('api'), elsewhere(deployment('api')), true],
    ['a CronJob elsewhere', svc('api'), elsewhere(cronJob('api')), true],
    ['a bare Pod elsewhere', svc('api'), elsewhere(lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p, labels: {app: api}}', 'spec: {containers: [{name: c, image: "i:1"}]}')), true],
    ['other labels', svc('api'), elsewhere(deployment('web')), false],
    ['another namespace', svc('api', 'shop'), elsewhere(deployment('api')), false],
    ['scaled to zero', svc('api'), elsewhere(deployment('api', 0)), false],
    ['a StatefulSet scaled to zero', svc('api'), elsewhere(deployment('api', 0, 'StatefulSet')), false],
    ['a ConfigMap is no pod', svc('api'), elsewhere(lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c, labels: {app: api}}')), false],
  ];
  for (const [name, service, index, expected] of cases) assert.equal(podsSelectedElsewhere(index, service), expected, name);
  // Pods of the Service's own file were already in its dry run: they do not count as "elsewhere".
  const sameFile = manifests('file:///ws/svc.yaml', service('api'), deployment('api'));
  assert.equal(podsSelectedElsewhere(new WorkspaceIndex(sameFile), sameFile[0]), false);
  // A Service without a selector has no managed endpoints.
  const bare = manifests('file:///ws/svc.yaml', lines('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', 'spec: {ports: [{port: 80}]}'))[0];
  assert.equal(podsSelectedElsewhere(elsewhere(deployment('api')), bare), false);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dryRun } from '../../../server/src/dryRun/dryRun';
import { explainServicesWithoutPods } from '../../../server/src/dryRun/serviceNoPods';
import { manifestsOf } from '../../../server/src/language/manifests';
import { parseFile } from '../../../server/src/language/parse/parseFile';
import { WorkspaceIndex } from '../../../server/src/language/rules/workspace/workspaceIndex';
import type { Manifest } from '../../../server/src/simulator/model/source';

const lines = (...l: string[]) => l.join('\n') + '\n';
const manifests = (file: string, ...texts: string[]): Manifest[] => manifestsOf(file, parseFile(texts.join('---\n')));
const LABELS = '{app.kubernetes.io/name: prometheus, app.kubernetes.io/instance: k8s}';
/** LABELS as the simulator's ref/service-no-pods finding writes them (the note is rebuilt from the Service, not from the finding's text). */
const SELECTOR = 'app.kubernetes.io/name=prometheus,app.kubernetes.io/instance=k8s';
const service = (namespace = 'monitoring') => lines('apiVersion: v1', 'kind: Service', `metadata: {name: prometheus-k8s, namespace: ${namespace}}`, `spec: {selector: ${LABELS}, ports: [{port: 9090}]}`);
/** A Prometheus custom resource (monitoring.coreos.com): its operator makes the pods, labelled with spec.podMetadata.labels. */
const prometheus = (namespace = 'monitoring', podLabels = LABELS) => lines('apiVersion: monitoring.coreos.com/v1', 'kind: Prometheus', `metadata: {name: k8s, namespace: ${namespace}}`, `spec: {replicas: 2, podMetadata: {labels: ${podLabels}}}`);
const custom = (kind: string, spec: string, namespace = 'monitoring') => lines('apiVersion: example.com/v1', `kind: ${kind}`, `metadata: {name: x, namespace: ${namespace}}`, `spec: ${spec}`);
const pdb = lines('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: p, namespace: monitoring}', `spec: {minAvailable: 1, selector: {matchLabels: ${LABELS}}}`);

/** The ref/service-no-pods finding of the Service's dry run, explained with `others` (another file) in the workspace. */
function explain(others: string[], sameFile: string[] = []): string[] {
  const run = manifests('file:///ws/svc.yaml', service(), ...sameFile);
  const index = new WorkspaceIndex([...run, ...(others.length ? manifests('file:///ws/other.yaml', ...others) : [])]);
  const finding = { source: run[0].source, path: ['spec', 'selector'], severity: 'warning' as const, code: 'ref/service-no-pods', message: `selector ${SELECTOR} matches no pod in namespace monitoring: the Service has no endpoints` };
  return explainServicesWithoutPods([finding], run, index).map((f) => `${f.severity}: ${f.message}`);
}

const cases: Array<{ name: string; others: string[]; sameFile?: string[]; expect: string[] }> = [
  {
    name: 'a custom resource whose spec carries the selector labels (a Prometheus) → information',
    others: [prometheus()],
    expect: [`information: selector ${SELECTOR} matches no pod in namespace monitoring among the manifests: pods expected from Prometheus/k8s (made by its operator)`],
  },
  { name: 'the same, in the Service\'s own file', others: [], sameFile: [prometheus()], expect: [`information: selector ${SELECTOR} matches no pod in namespace monitoring among the manifests: pods expected from Prometheus/k8s (made by its operator)`] },
  {
    name: 'a kind known to create pods (monitoring.coreos.com Prometheus), other labels → information',
    others: [prometheus('monitoring', '{app: other}')],
    expect: [`information: selector ${SELECTOR} matches no pod in namespace monitoring among the manifests: pods expected from Prometheus/k8s (made by its operator)`],
  },
  {
    name: 'any custom kind carrying the labels in its spec',
    others: [custom('Database', `{pods: {template: {labels: ${LABELS}}}}`)],
    expect: [`information: selector ${SELECTOR} matches no pod in namespace monitoring among the manifests: pods expected from Database/x (made by its operator)`],
  },
  { name: 'a custom resource in another namespace → still a warning', others: [prometheus('other')], expect: [`warning: selector ${SELECTOR} matches no pod in namespace monitoring: the Service has no endpoints`] },
  { name: 'a custom kind that neither carries the labels nor is known to create pods → still a warning', others: [custom('Database', '{size: 1}')], expect: [`warning: selector ${SELECTOR} matches no pod in namespace monitoring: the Service has no endpoints`] },
  { name: 'a built-in object whose selector has the labels (a PodDisruptionBudget) makes no pods → still a warning', others: [pdb], expect: [`warning: selector ${SELECTOR} matches no pod in namespace monitoring: the Service has no endpoints`] },
];

for (const c of cases) {
  test(`service without pods: ${c.name}`, () => assert.deepEqual(explain(c.others, c.sameFile), c.expect));
}

test('service without pods: the dry run (drydock simulate, the preview) explains it the same way', () => {
  const run = dryRun({ manifests: manifests('kube-prometheus.yaml', service(), prometheus()), cluster: null, baseline: null });
  const notes = run.findings.filter((f) => f.code === 'ref/service-no-pods');
  assert.deepEqual(notes.map((f) => [f.severity, f.message]), [['information', `selector app.kubernetes.io/name=prometheus,app.kubernetes.io/instance=k8s matches no pod in namespace monitoring among the manifests: pods expected from Prometheus/k8s (made by its operator)`]]);
});

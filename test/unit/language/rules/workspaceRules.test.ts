import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestsOf } from '../../../../server/src/language/manifests';
import { parseFile } from '../../../../server/src/language/parse/parseFile';
import { runWorkspaceRules, WORKSPACE_RULES } from '../../../../server/src/language/rules/workspace/runWorkspaceRules';
import type { Manifest } from '../../../../server/src/simulator/model/source';

const lines = (...l: string[]) => l.join('\n') + '\n';
const docs = (...d: string[]) => d.join('---\n');
const manifests = (text: string, file = 'file:///ws/app.yaml'): Manifest[] => manifestsOf(file, parseFile(text));

/** Tiny builders. */
const deployment = (name: string, podSpec: string, extra = '') => lines('apiVersion: apps/v1', 'kind: Deployment', `metadata: {name: ${name}}`, 'spec:', `  replicas: 2${extra}`, `  selector: {matchLabels: {app: ${name}}}`, '  template:', `    metadata: {labels: {app: ${name}}}`, `    spec: ${podSpec}`);
const object = (kind: string, name: string, apiVersion = 'v1', namespace?: string) => lines(`apiVersion: ${apiVersion}`, `kind: ${kind}`, `metadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}`);
const ingress = (service: string) => lines('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: web}', 'spec:', '  rules:', '  - http:', '      paths:', `      - {path: /, pathType: Prefix, backend: {service: {name: ${service}, port: {number: 80}}}}`);
const service = (name: string, port: number) => lines('apiVersion: v1', 'kind: Service', `metadata: {name: ${name}}`, `spec: {selector: {app: ${name}}, ports: [{port: ${port}}]}`);
const ingressClass = (name: string) => lines('apiVersion: networking.k8s.io/v1', 'kind: IngressClass', `metadata: {name: ${name}}`, 'spec: {controller: example.com/c}');
const route = (path: string, pathType: string) => `      - {path: "${path}", pathType: ${pathType}, backend: {service: {name: web, port: {number: 80}}}}`;
const ingressOf = (name: string, field: string, ...routes: string[]) => lines('apiVersion: networking.k8s.io/v1', 'kind: Ingress', `metadata: {name: ${name}}`, 'spec:', ...(field ? [`  ${field}`] : []), '  rules:', '  - host: shop.example.com', '    http:', '      paths:', ...routes);
const hpa = (target: string) => lines('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: h}', 'spec:', `  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${target}}`, '  maxReplicas: 5');
const pdb = (budget: string) => lines('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: b}', 'spec:', `  ${budget}`, '  selector: {matchLabels: {app: web}}');

interface Case {
  code: string;
  fires: string;
  quiet: string;
  /** Path of the first finding, relative to its object. */
  path?: Array<string | number>;
}

const cases: Case[] = [
  { code: 'ref/duplicate-object', fires: docs(object('ConfigMap', 'c'), object('ConfigMap', 'c')), quiet: docs(object('ConfigMap', 'c'), object('ConfigMap', 'c', 'v1', 'other'), object('Secret', 'c')), path: ['metadata', 'name'] },
  { code: 'ref/ingress-service-missing', fires: ingress('web'), quiet: docs(ingress('web'), object('Service', 'web')), path: ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service', 'name'] },
  { code: 'ref/ingress-port-missing', fires: docs(ingress('web'), service('web', 8080)), quiet: docs(ingress('web'), service('web', 80)), path: ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service', 'port', 'number'] },
  { code: 'ingress/class-not-found', fires: docs(ingressClass('nginx'), ingressOf('a', 'ingressClassName: traefik', route('/', 'Prefix'))), quiet: docs(ingressClass('nginx'), ingressOf('a', 'ingressClassName: nginx', route('/', 'Prefix'))), path: ['spec', 'ingressClassName'] },
  { code: 'ingress/invalid-path', fires: ingressOf('a', '', route('api', 'Prefix')), quiet: ingressOf('a', '', route('/api', 'Prefix')), path: ['spec', 'rules', 0, 'http', 'paths', 0, 'path'] },
  { code: 'ingress/conflict', fires: docs(ingressOf('a', '', route('/api', 'Prefix')), ingressOf('b', '', route('/api/', 'Prefix'))), quiet: docs(ingressOf('a', '', route('/api', 'Prefix')), ingressOf('b', '', route('/api', 'Exact'))), path: ['spec', 'rules', 0, 'http', 'paths', 0, 'path'] },
  { code: 'ingress/rule-shadowed', fires: ingressOf('a', '', route('/api', 'Prefix'), route('/api', 'Prefix')), quiet: ingressOf('a', '', route('/api', 'Prefix'), route('/api/v1', 'Prefix')), path: ['spec', 'rules', 0, 'http', 'paths', 1, 'path'] },
  {
    code: 'ref/configmap-missing',
    fires: deployment('web', '{containers: [{name: c, image: "i:1", envFrom: [{configMapRef: {name: settings}}]}]}'),
    quiet: docs(deployment('web', '{containers: [{name: c, image: "i:1", envFrom: [{configMapRef: {name: settings}}, {configMapRef: {name: opt, optional: true}}]}]}'), object('ConfigMap', 'settings')),
    path: ['spec', 'template', 'spec', 'containers', 0, 'envFrom', 0, 'configMapRef', 'name'],
  },
  {
    code: 'ref/secret-missing',
    fires: deployment('web', '{containers: [{name: c, image: "i:1"}], volumes: [{name: s, secret: {secretName: tls}}]}'),
    quiet: docs(deployment('web', '{containers: [{name: c, image: "i:1"}], volumes: [{name: s, secret: {secretName: tls}}]}'), object('Secret', 'tls')),
    path: ['spec', 'template', 'spec', 'volumes', 0, 'secret', 'secretName'],
  },
  {
    code: 'ref/secret-missing',
    fires: deployment('web', '{containers: [{name: c, image: "i:1", env: [{name: P, valueFrom: {secretKeyRef: {name: db, key: password}}}]}]}'),
    quiet: docs(deployment('web', '{containers: [{name: c, image: "i:1", env: [{name: P, valueFrom: {secretKeyRef: {name: db, key: password}}}]}]}'), object('Secret', 'db')),
  },
  {
    code: 'ref/service-account-missing',
    fires: deployment('web', '{serviceAccountName: robot, containers: [{name: c, image: "i:1"}]}'),
    quiet: docs(deployment('web', '{serviceAccountName: robot, containers: [{name: c, image: "i:1"}]}'), object('ServiceAccount', 'robot')),
    path: ['spec', 'template', 'spec', 'serviceAccountName'],
  },
  {
    code: 'ref/service-account-missing',
    fires: deployment('web', '{serviceAccountName: robot, containers: [{name: c, image: "i:1"}]}'),
    quiet: deployment('web', '{serviceAccountName: default, containers: [{name: c, image: "i:1"}]}'),
  },
  {
    code: 'ref/pvc-missing',
    fires: deployment('web', '{containers: [{name: c, image: "i:1"}], volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]}'),
    quiet: docs(deployment('web', '{containers: [{name: c, image: "i:1"}], volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]}'), object('PersistentVolumeClaim', 'data')),
  },
  { code: 'ref/hpa-target-missing', fires: docs(hpa('web'), deployment('api', '{containers: [{name: c, image: "i:1"}]}')), quiet: docs(hpa('web'), deployment('web', '{containers: [{name: c, image: "i:1"}]}')), path: ['spec', 'scaleTargetRef', 'name'] },
  { code: 'ref/pdb-blocks-evictions', fires: pdb('maxUnavailable: 0'), quiet: pdb('maxUnavailable: 1'), path: ['spec', 'maxUnavailable'] },
  { code: 'ref/pdb-blocks-evictions', fires: docs(pdb('minAvailable: 2'), deployment('web', '{containers: [{name: c, image: "i:1"}]}')), quiet: docs(pdb('minAvailable: 1'), deployment('web', '{containers: [{name: c, image: "i:1"}]}')) },
  { code: 'ref/pdb-blocks-evictions', fires: pdb('minAvailable: 100%'), quiet: pdb('minAvailable: 50%') },
];

const counts = new Map<string, number>();
for (const c of cases) {
  const n = (counts.get(c.code) ?? 0) + 1;
  counts.set(c.code, n);
  test(`workspace rule ${c.code} (${n}): fires`, () => {
    const findings = runWorkspaceRules(manifests(c.fires)).filter((f) => f.code === c.code);
    assert.ok(findings.length > 0, `expected ${c.code}`);
    assert.equal(findings[0].severity, WORKSPACE_RULES.find((r) => r.meta.code === c.code)?.meta.defaultSeverity);
    if (c.path) assert.deepEqual(findings[0].path, c.path);
  });
  test(`workspace rule ${c.code} (${n}): does not fire`, () => {
    assert.deepEqual(runWorkspaceRules(manifests(c.quiet)).filter((f) => f.code === c.code).map((f) => f.message), []);
  });
}

test('workspace rules: every rule has a case', () => {
  // A rule whose findings carry codes of their own (`policy/<policy-name>`) is tested in its own file (rules/policy/).
  for (const rule of WORKSPACE_RULES) if (!rule.meta.code.includes('<')) assert.ok(counts.has(rule.meta.code), `no case for ${rule.meta.code}`);
});

test('workspace rules: references resolve across files and in the object namespace', () => {
  const all = [...manifests(deployment('web', '{containers: [{name: c, image: "i:1", envFrom: [{configMapRef: {name: settings}}]}]}').replace('name: web}', 'name: web, namespace: shop}'), 'file:///ws/a.yaml'), ...manifests(object('ConfigMap', 'settings', 'v1', 'shop'), 'file:///ws/b.yaml')];
  assert.deepEqual(runWorkspaceRules(all).filter((f) => f.code === 'ref/configmap-missing'), []);
  const elsewhere = [...manifests(deployment('web', '{containers: [{name: c, image: "i:1", envFrom: [{configMapRef: {name: settings}}]}]}'), 'file:///ws/a.yaml'), ...manifests(object('ConfigMap', 'settings', 'v1', 'shop'), 'file:///ws/b.yaml')];
  assert.equal(runWorkspaceRules(elsewhere).filter((f) => f.code === 'ref/configmap-missing').length, 1);
});

test('workspace rules: findings carry their SourceRef, and settings change or disable them', () => {
  const text = docs(object('ConfigMap', 'c'), object('ConfigMap', 'c'));
  const [finding] = runWorkspaceRules(manifests(text, 'file:///ws/dup.yaml'));
  assert.deepEqual(finding.source, { file: 'file:///ws/dup.yaml', document: 1, path: [] });
  assert.equal(runWorkspaceRules(manifests(text), { rules: { severities: { 'ref/duplicate-object': 'hint' }, bestPractices: false } })[0].severity, 'hint');
  assert.deepEqual(runWorkspaceRules(manifests(text), { rules: { severities: { 'ref/duplicate-object': 'off' }, bestPractices: false } }), []);
});

// Loads every generated schemas/generated/k8s-*.json and validates manifests against a few kinds
// with ajv in strict mode — the same way the language server consumes the files.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv, { type ErrorObject } from 'ajv';
import type { GeneratedSchemas } from '../../../schemas/generator/types';

const GENERATED_DIR = join(__dirname, '..', '..', '..', 'schemas', 'generated');
const FILES = readdirSync(GENERATED_DIR).filter((name) => /^k8s-\d+\.\d+\.json$/.test(name)).sort();

type Manifest = Record<string, unknown>;

const container = (extra: Manifest = {}): Manifest => ({ name: 'web', image: 'nginx:1.27', ...extra });
const pod = (containerExtra: Manifest = {}, specExtra: Manifest = {}): Manifest => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { containers: [container(containerExtra)], ...specExtra },
});
const resources = (limits: Manifest, requests: Manifest = {}): Manifest => ({ resources: { limits, requests } });
const service = (port: Manifest): Manifest => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { selector: { app: 'web' }, ports: [port] },
});

interface Case {
  name: string;
  kind: string;
  doc: Manifest;
  valid: boolean;
  /** For invalid documents: an error expected at this instance path… */
  errorAt?: string;
  /** …with this ajv keyword. */
  keyword?: string;
}

const CASES: Case[] = [
  { name: 'minimal Pod', kind: 'v1/Pod', doc: pod(), valid: true },
  { name: 'Pod with an unknown top-level field', kind: 'v1/Pod', doc: { ...pod(), specs: {} }, valid: false, errorAt: '', keyword: 'additionalProperties' },
  { name: 'Pod with an unknown container field', kind: 'v1/Pod', doc: pod({ imagePolicy: 'Always' }), valid: false, errorAt: '/spec/containers/0', keyword: 'additionalProperties' },
  {
    name: 'container without a name',
    kind: 'v1/Pod',
    doc: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ image: 'nginx' }] } },
    valid: false,
    errorAt: '/spec/containers/0',
    keyword: 'required',
  },
  { name: 'Pod without containers', kind: 'v1/Pod', doc: { apiVersion: 'v1', kind: 'Pod', spec: {} }, valid: false, errorAt: '/spec', keyword: 'required' },
  { name: 'cpu "500m" and memory 256000 and memory "1Gi"', kind: 'v1/Pod', doc: pod(resources({ cpu: '500m', memory: 256000 }, { memory: '1Gi', cpu: 0.25 })), valid: true },
  { name: 'cpu true', kind: 'v1/Pod', doc: pod(resources({ cpu: true })), valid: false, errorAt: '/spec/containers/0/resources/limits/cpu', keyword: 'anyOf' },
  { name: 'memory "1Gb"', kind: 'v1/Pod', doc: pod(resources({ memory: '1Gb' })), valid: false, errorAt: '/spec/containers/0/resources/limits/memory', keyword: 'anyOf' },
  { name: 'pod overhead quantity', kind: 'v1/Pod', doc: pod({}, { overhead: { cpu: '250m' } }), valid: true },
  { name: 'emptyDir sizeLimit "1Gi"', kind: 'v1/Pod', doc: pod({}, { volumes: [{ name: 'scratch', emptyDir: { sizeLimit: '1Gi' } }] }), valid: true },
  { name: 'emptyDir sizeLimit "lots"', kind: 'v1/Pod', doc: pod({}, { volumes: [{ name: 'scratch', emptyDir: { sizeLimit: 'lots' } }] }), valid: false, errorAt: '/spec/volumes/0/emptyDir/sizeLimit' },
  { name: 'containerPort as a string', kind: 'v1/Pod', doc: pod({ ports: [{ containerPort: '80' }] }), valid: false, errorAt: '/spec/containers/0/ports/0/containerPort', keyword: 'type' },
  { name: 'probe port by name', kind: 'v1/Pod', doc: pod({ livenessProbe: { httpGet: { path: '/', port: 'http' } } }), valid: true },
  {
    name: 'valid Deployment',
    kind: 'apps/v1/Deployment',
    doc: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container()] } },
      },
    },
    valid: true,
  },
  { name: 'Deployment replicas as a string', kind: 'apps/v1/Deployment', doc: { apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: '3', selector: {}, template: {} } }, valid: false, errorAt: '/spec/replicas', keyword: 'type' },
  { name: 'Deployment without selector', kind: 'apps/v1/Deployment', doc: { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: {} } }, valid: false, errorAt: '/spec', keyword: 'required' },
  { name: 'Service targetPort 8080', kind: 'v1/Service', doc: service({ port: 80, targetPort: 8080 }), valid: true },
  { name: 'Service targetPort "http"', kind: 'v1/Service', doc: service({ port: 80, targetPort: 'http' }), valid: true },
  { name: 'Service targetPort true', kind: 'v1/Service', doc: service({ port: 80, targetPort: true }), valid: false, errorAt: '/spec/ports/0/targetPort', keyword: 'anyOf' },
  { name: 'Service port without a number', kind: 'v1/Service', doc: service({ name: 'http' }), valid: false, errorAt: '/spec/ports/0', keyword: 'required' },
  {
    name: 'valid NetworkPolicy',
    kind: 'networking.k8s.io/v1/NetworkPolicy',
    doc: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-web' },
      spec: {
        podSelector: { matchLabels: { app: 'db' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 5432 }, { port: 'metrics' }] }],
      },
    },
    valid: true,
  },
  {
    name: 'NetworkPolicy with a misspelt field',
    kind: 'networking.k8s.io/v1/NetworkPolicy',
    doc: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', spec: { podSelector: {}, ingres: [] } },
    valid: false,
    errorAt: '/spec',
    keyword: 'additionalProperties',
  },
  { name: 'valid ConfigMap', kind: 'v1/ConfigMap', doc: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'app.conf': 'x=1' }, binaryData: { blob: 'AAEC' } }, valid: true },
  { name: 'ConfigMap data value as a number', kind: 'v1/ConfigMap', doc: { apiVersion: 'v1', kind: 'ConfigMap', data: { port: 8080 } }, valid: false, errorAt: '/data/port', keyword: 'type' },
  { name: 'ConfigMap binaryData not base64', kind: 'v1/ConfigMap', doc: { apiVersion: 'v1', kind: 'ConfigMap', binaryData: { blob: 'not base64!' } }, valid: false, errorAt: '/binaryData/blob', keyword: 'pattern' },
  {
    name: 'valid Node',
    kind: 'v1/Node',
    doc: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] }, status: { capacity: { cpu: '4', memory: '16Gi', pods: 110 }, allocatable: { cpu: '3800m' } } },
    valid: true,
  },
  { name: 'Node capacity cpu true', kind: 'v1/Node', doc: { apiVersion: 'v1', kind: 'Node', status: { capacity: { cpu: true } } }, valid: false, errorAt: '/status/capacity/cpu', keyword: 'anyOf' },
  { name: 'Node taint without effect', kind: 'v1/Node', doc: { apiVersion: 'v1', kind: 'Node', spec: { taints: [{ key: 'k' }] } }, valid: false, errorAt: '/spec/taints/0', keyword: 'required' },
  // Defaulted before validation by SetDefaults_RoleBinding (pkg/apis/rbac/v1/defaults.go): not required in any release.
  {
    name: 'RoleBinding without roleRef.apiGroup',
    kind: 'rbac.authorization.k8s.io/v1/RoleBinding',
    doc: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b' }, roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 's' }] },
    valid: true,
  },
  {
    name: 'RoleBinding without roleRef.kind',
    kind: 'rbac.authorization.k8s.io/v1/RoleBinding',
    doc: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', name: 'r' } },
    valid: false,
    errorAt: '/roleRef',
    keyword: 'required',
  },
  // Zero values the API server accepts (optional in later releases' OpenAPI): not required in any release.
  { name: 'NetworkPolicy without podSelector', kind: 'networking.k8s.io/v1/NetworkPolicy', doc: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { policyTypes: ['Ingress'] } }, valid: true },
  {
    name: 'StatefulSet without serviceName',
    kind: 'apps/v1/StatefulSet',
    doc: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { selector: { matchLabels: { app: 's' } }, template: { metadata: { labels: { app: 's' } }, spec: { containers: [container()] } } } },
    valid: true,
  },
  { name: 'PriorityClass without value', kind: 'scheduling.k8s.io/v1/PriorityClass', doc: { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'p' } }, valid: true },
  { name: 'Secret with base64 data', kind: 'v1/Secret', doc: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'aGVsbG8=' }, stringData: { b: 'plain text!' } }, valid: true },
  { name: 'Secret data "not base64!"', kind: 'v1/Secret', doc: { apiVersion: 'v1', kind: 'Secret', data: { a: 'not base64!' } }, valid: false, errorAt: '/data/a', keyword: 'pattern' },
];

/** The compiled validators of one generated file, keyed by `apiVersion/kind`. */
function validatorsFor(schemas: GeneratedSchemas): (kind: string) => ReturnType<Ajv['compile']> {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addSchema({ $id: 'k8s', definitions: schemas.definitions });
  const cache = new Map<string, ReturnType<Ajv['compile']>>();
  return (kind) => {
    let validate = cache.get(kind);
    if (!validate) {
      const definition = schemas.kinds[kind];
      assert.ok(definition, `${kind} is in kinds`);
      validate = ajv.compile({ $ref: `k8s#/definitions/${definition}` });
      cache.set(kind, validate);
    }
    return validate;
  };
}

test('generated schema files exist for the bundled versions', () => {
  assert.deepEqual(FILES, ['k8s-1.32.json', 'k8s-1.34.json', 'k8s-1.36.json']);
});

for (const file of FILES) {
  describe(file, () => {
    const schemas = JSON.parse(readFileSync(join(GENERATED_DIR, file), 'utf8')) as GeneratedSchemas;
    const validator = validatorsFor(schemas);
    const version = /k8s-(\d+\.\d+)\.json/.exec(file)?.[1];

    const tableCases: { name: string; actual: () => unknown; expected: unknown }[] = [
      { name: 'kubernetesVersion matches the file name', actual: () => schemas.kubernetesVersion, expected: version },
      { name: 'provenance names the client package', actual: () => schemas.provenance.package, expected: '@kubernetes/client-node' },
      { name: 'provenance spec version is of this release', actual: () => schemas.provenance.openapiSpecVersion.includes(version ?? '?'), expected: true },
      { name: 'v1/Pod is V1Pod', actual: () => schemas.kinds['v1/Pod'], expected: 'V1Pod' },
      { name: 'list kinds are kinds', actual: () => schemas.kinds['v1/PodList'], expected: 'V1PodList' },
      { name: 'apps/v1/Deployment is V1Deployment', actual: () => schemas.kinds['apps/v1/Deployment'], expected: 'V1Deployment' },
      { name: 'core and events.k8s.io Events are different models', actual: () => [schemas.kinds['v1/Event'], schemas.kinds['events.k8s.io/v1/Event']], expected: ['CoreV1Event', 'EventsV1Event'] },
      { name: 'Pod is namespaced', actual: () => schemas.namespaced['v1/Pod'], expected: true },
      { name: 'Node is cluster-scoped', actual: () => schemas.namespaced['v1/Node'], expected: false },
      { name: 'ClusterRole is cluster-scoped', actual: () => schemas.namespaced['rbac.authorization.k8s.io/v1/ClusterRole'], expected: false },
      { name: 'core group serves v1', actual: () => schemas.groups[''], expected: ['v1'] },
      { name: 'apps group serves v1', actual: () => schemas.groups.apps, expected: ['v1'] },
      { name: 'every kind has a definition', actual: () => Object.values(schemas.kinds).filter((d) => !schemas.definitions[d]), expected: [] },
      { name: 'every kind has a scope', actual: () => Object.keys(schemas.kinds).filter((k) => typeof schemas.namespaced[k] !== 'boolean'), expected: [] },
    ];
    for (const c of tableCases) test(c.name, () => assert.deepEqual(c.actual(), c.expected));

    test('ajv (strict) compiles every kind', () => {
      for (const kind of Object.keys(schemas.kinds)) assert.doesNotThrow(() => validator(kind), kind);
    });

    for (const c of CASES) {
      test(`${c.valid ? 'accepts' : 'rejects'} ${c.name}`, () => {
        const validate = validator(c.kind);
        const ok = validate(c.doc);
        const errors: ErrorObject[] = validate.errors ?? [];
        assert.equal(ok, c.valid, JSON.stringify(errors, null, 1));
        if (c.errorAt !== undefined) {
          const matching = errors.filter((e) => e.instancePath === c.errorAt && (c.keyword === undefined || e.keyword === c.keyword));
          assert.ok(matching.length > 0, `expected a ${c.keyword ?? ''} error at "${c.errorAt}", got ${JSON.stringify(errors.map((e) => [e.instancePath, e.keyword]))}`);
        }
      });
    }
  });
}

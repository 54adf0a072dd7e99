// The schema validators compiled at build time (dist/validators/k8s-<version>.js, by
// scripts/buildValidators.mjs) must report exactly what ajv compiles at run time from the same schemas
// with the same options (what the tests that run from sources use). Needs `npm run build`.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadSchemaBundle } from '../../server/src/schemaFiles';
import { SUPPORTED_VERSIONS } from '../../server/src/protocol/versions';
import { SchemaValidators, type CompiledValidators } from '../../server/src/language/schema/schemaValidators';

const DIST = join(__dirname, '..', '..', 'dist', 'validators');

const container = { name: 'app', image: 'nginx:1.27' };
/** [definition, object]: valid objects and objects with every kind of error the schemas can raise. */
const CASES: Array<[string, string, unknown]> = [
  ['a valid Deployment', 'V1Deployment', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } } } }],
  [
    'unknown fields, wrong types, bad quantity, missing required',
    'V1Deployment',
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { tier: 3 } },
      spec: {
        replica: 3,
        template: { spec: { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '1Gb' } }, ports: [{ containerPort: '80' }] }, { image: 'y' }], restartPolicy: true } },
      },
    },
  ],
  ['an IntOrString of the wrong type', 'V1Service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: { name: 'http' } }] } }],
  ['a Secret with data that is not base64', 'V1Secret', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { key: 'not base64!' } }],
  ['a Pod that is a list', 'V1Pod', ['not', 'an', 'object']],
];

function runtimeAndCompiled(version: string): { runtime: SchemaValidators; compiled: SchemaValidators } {
  const file = join(DIST, `k8s-${version}.js`);
  assert.ok(existsSync(file), `${file} is missing: run \`npm run build\` first`);
  const bundle = loadSchemaBundle(version);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's output, loaded as the server does
  const precompiled = require(file) as CompiledValidators;
  return { runtime: new SchemaValidators(bundle), compiled: new SchemaValidators(bundle, precompiled) };
}

for (const version of SUPPORTED_VERSIONS) {
  test(`compiled validators ${version}: the same errors as ajv compiling at run time`, () => {
    const { runtime, compiled } = runtimeAndCompiled(version);
    for (const [name, definition, object] of CASES) {
      const expected = runtime.validate(definition, object);
      const actual = compiled.validate(definition, object);
      assert.deepEqual(actual, expected, name);
      if (name !== 'a valid Deployment') assert.ok(actual.length > 0, `${name}: errors were found`);
    }
  });

  test(`compiled validators ${version}: one for every kind the schemas know`, () => {
    const { compiled } = runtimeAndCompiled(version);
    const bundle = loadSchemaBundle(version);
    const file = join(DIST, `k8s-${version}.js`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's output
    const exported = require(file) as CompiledValidators;
    for (const definition of new Set(Object.values(bundle.kinds))) assert.equal(typeof exported[definition], 'function', definition);
    assert.deepEqual(compiled.validate('V1ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }), []);
  });
}

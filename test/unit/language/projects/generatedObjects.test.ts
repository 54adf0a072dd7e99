import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generatedObjects } from '../../../../server/src/language/projects/generatedObjects';
import { parseFile } from '../../../../server/src/language/parse/parseFile';
import { yaml } from '../../../helpers/validate';

const cases: Array<{ name: string; text: string; objects: string[] }> = [
  { name: 'no generator', text: yaml('resources: [a.yaml]'), objects: [] },
  { name: 'a ConfigMap without a namespace: in default', text: yaml('configMapGenerator: [{name: settings, literals: [A=B]}]'), objects: ['ConfigMap default/settings @configMapGenerator.0'] },
  {
    name: "a ConfigMap in the kustomization's namespace, and in default",
    text: yaml('namespace: staging', 'configMapGenerator: [{name: settings}]'),
    objects: ['ConfigMap staging/settings @configMapGenerator.0', 'ConfigMap default/settings @configMapGenerator.0'],
  },
  {
    name: "a Secret in its generator's namespace",
    text: yaml('namespace: staging', 'secretGenerator: [{name: tls, namespace: certs}, {literals: [no-name]}]'),
    objects: ['Secret certs/tls @secretGenerator.0', 'Secret default/tls @secretGenerator.0'],
  },
];

for (const { name, text, objects } of cases) {
  test(`generatedObjects: ${name}`, () => {
    const found = generatedObjects('k/kustomization.yaml', parseFile(text)).map(
      ({ object, source }) => `${object.kind} ${object.metadata?.namespace ?? 'default'}/${object.metadata?.name} @${source.path.join('.')}`,
    );
    assert.deepEqual(found, objects);
  });
}

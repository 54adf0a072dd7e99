import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateKustomization } from '../../../../server/src/language/projects/validateKustomization';
import { parseFile } from '../../../../server/src/language/parse/parseFile';
import { brief, yaml } from '../../../helpers/validate';

const HEAD = ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization'];

const cases: Array<{ name: string; text: string; findings: string[]; message?: RegExp }> = [
  {
    name: 'a valid kustomization',
    text: yaml(
      ...HEAD,
      'resources: [a.yaml, ../base]',
      'labels: [{pairs: {app: web}, includeSelectors: true, fields: [{kind: Deployment, path: spec/x, create: true}]}]',
      'images: [{name: nginx, newName: ghcr.io/nginx, newTag: "1.27", digest: "sha256:abc"}]',
      'replicas: [{name: web, count: 2}]',
      'patches: [{path: p.yaml, target: {kind: Deployment, labelSelector: "a=b"}, options: {allowNameChange: true}}]',
      'configMapGenerator: [{name: s, behavior: merge, files: [a.conf], literals: [A=B], envs: [.env], options: {disableNameSuffixHash: true}}]',
      'secretGenerator: [{name: t, type: Opaque, literals: [A=B]}]',
      'generatorOptions: {labels: {a: b}}',
      'helmCharts: [{name: redis, repo: https://x, version: 1.0.0, valuesInline: {a: 1}, includeCRDs: true, digest: "sha256:abc", debug: false}]',
      'sortOptions: {order: legacy}',
      'inventory: {type: ConfigMap, configMap: {name: inv, namespace: ops}}',
      'buildMetadata: [originAnnotations]',
    ),
    findings: [],
  },
  { name: 'a Component', text: yaml('apiVersion: kustomize.config.k8s.io/v1alpha1', 'kind: Component', 'components: [x]'), findings: [] },
  { name: 'no apiVersion or kind (kustomize defaults them)', text: yaml('resources: [a.yaml]'), findings: [] },
  { name: 'a typo at the top', text: yaml(...HEAD, 'namePrefx: dev-'), findings: ['kustomize/unknown-field@2:0'], message: /did you mean `namePrefix`/ },
  { name: 'a typo in a patch target', text: yaml(...HEAD, 'patches:', '- path: p.yaml', '  target: {knd: Deployment}'), findings: ['kustomize/unknown-field@4:11'], message: /did you mean `kind`/ },
  { name: 'resources not a list', text: yaml(...HEAD, 'resources: a.yaml'), findings: ['kustomize/type@2:11'] },
  { name: 'a number where a tag string goes', text: yaml(...HEAD, 'images: [{name: nginx, newTag: 1.27}]'), findings: ['kustomize/type@2:31'], message: /quote it/ },
  { name: 'a count that is not an integer', text: yaml(...HEAD, 'replicas: [{name: web, count: two}]'), findings: ['kustomize/type@2:30'] },
  { name: 'a deprecated field', text: yaml(...HEAD, 'commonLabels: {app: web}'), findings: ['kustomize/deprecated-field@2:0'], message: /use `labels`/ },
  { name: 'bases', text: yaml(...HEAD, 'bases: [../base]'), findings: ['kustomize/deprecated-field@2:0'] },
  { name: 'a Component with the Kustomization apiVersion', text: yaml('apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Component'), findings: ['kustomize/api-version@0:12'] },
  { name: 'an unknown kind', text: yaml('apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomisation'), findings: ['kustomize/kind@1:6'] },
];

for (const { name, text, findings, message } of cases) {
  test(`validateKustomization: ${name}`, () => {
    const result = validateKustomization(parseFile(text));
    assert.deepEqual(brief(result), findings);
    if (message) assert.match(result[0].message, message);
  });
}

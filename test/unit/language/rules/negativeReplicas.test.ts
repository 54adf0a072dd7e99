import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, yaml } from '../../../helpers/validate';
import { manifestsOf } from '../../../../server/src/language/manifests';
import { parseFile } from '../../../../server/src/language/parse/parseFile';
import { simulate } from '../../../../server/src/simulator/simulate';

/**
 * ValidateNonnegativeField (apps and core validation): a negative spec.replicas is rejected with
 * `Invalid value: -1: must be greater than or equal to 0`, wherever the value is written.
 */
const template = '  template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c, image: "i:1"}]}}';
const selector = '  selector: {matchLabels: {app: a}}';

const cases: Array<{ name: string; text: string; line: number }> = [
  { name: 'a Deployment', text: yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: a}', 'spec:', '  replicas: -1', selector, template), line: 4 },
  { name: 'a ReplicaSet', text: yaml('apiVersion: apps/v1', 'kind: ReplicaSet', 'metadata: {name: a}', 'spec:', '  replicas: -2', selector, template), line: 4 },
  { name: 'a StatefulSet', text: yaml('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: a}', 'spec:', '  replicas: -1', selector, template), line: 4 },
  { name: 'a ReplicationController', text: yaml('apiVersion: v1', 'kind: ReplicationController', 'metadata: {name: a}', 'spec:', '  replicas: -1', '  selector: {app: a}', template), line: 4 },
  { name: 'a flow mapping', text: yaml('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: a}', 'spec: {replicas: -1, selector: {matchLabels: {app: a}}, template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c, image: "i:1"}]}}}'), line: 3 },
  {
    name: 'an item of a List',
    text: yaml('apiVersion: v1', 'kind: List', 'items:', '- apiVersion: apps/v1', '  kind: Deployment', '  metadata: {name: a}', '  spec:', '    replicas: -1', '  ' + selector, '  ' + template),
    line: 7,
  },
  {
    name: 'a value merged from an anchor',
    // (the merged field has no line of its own: the finding is on `spec`)
    text: yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: a}', 'x-defaults: &spec {replicas: -3}', 'spec:', '  <<: *spec', selector, template),
    line: 4,
  },
];

for (const c of cases) {
  test(`negative replicas: ${c.name} is rejected, "must be greater than or equal to 0"`, () => {
    const findings = check(c.text).filter((f) => f.code === 'api/negative-replicas');
    assert.equal(findings.length, 1, JSON.stringify(check(c.text).map((f) => f.code)));
    assert.equal(findings[0].severity, 'error');
    assert.match(findings[0].message, /^Invalid value: -\d: must be greater than or equal to 0$/);
    assert.equal(findings[0].range.start.line, c.line);
  });
}

test('negative replicas: 0 is valid', () => {
  assert.deepEqual(check(yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: a}', 'spec:', '  replicas: 0', selector, template)).map((f) => f.code), []);
});

test('negative replicas: the dry run creates no pods and leaves the finding to validation', () => {
  const text = yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: a}', 'spec:', '  replicas: -1', selector, template);
  const result = simulate(manifestsOf('f.yaml', parseFile(text)), null);
  assert.equal(result.pods.filter((p) => p.pod.source.file === 'f.yaml').length, 0);
  assert.deepEqual(result.findings.filter((f) => f.source.file === 'f.yaml').map((f) => f.code), []);
});

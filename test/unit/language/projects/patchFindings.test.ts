import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patchFindings } from '../../../../server/src/language/projects/patchFindings';
import { brief, check, yaml } from '../../../helpers/validate';

const DEPLOYMENT = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}'];

const cases: Array<{ name: string; text: string; findings: string[] }> = [
  { name: 'a partial Deployment (no selector, no template)', text: yaml(...DEPLOYMENT, 'spec: {replicas: 2}'), findings: [] },
  { name: 'a container without an image', text: yaml(...DEPLOYMENT, 'spec: {template: {spec: {containers: [{name: web, env: [{name: A, value: b}]}]}}}'), findings: [] },
  { name: '$patch: delete on the object', text: yaml(...DEPLOYMENT, '$patch: delete'), findings: [] },
  { name: '$patch: delete on a list item', text: yaml(...DEPLOYMENT, 'spec: {template: {spec: {containers: [{name: side, $patch: delete}]}}}'), findings: [] },
  { name: '$patch: replace on a map', text: yaml(...DEPLOYMENT, 'spec: {template: {spec: {nodeSelector: {$patch: replace, disk: ssd}}}}'), findings: [] },
  {
    name: '$setElementOrder, $retainKeys and $deleteFromPrimitiveList',
    text: yaml(...DEPLOYMENT, 'spec:', '  $retainKeys: [strategy]', '  template: {spec: {$setElementOrder/containers: [{name: web}], containers: [{name: web, $deleteFromPrimitiveList/args: [-v]}]}}'),
    findings: [],
  },
  { name: 'a typo is still an unknown field', text: yaml(...DEPLOYMENT, 'spec: {replcas: 2}'), findings: ['schema/unknown-field@3:7'] },
  { name: 'a wrong type is still a type error', text: yaml(...DEPLOYMENT, 'spec: {replicas: two}'), findings: ['schema/type@3:17'] },
  { name: 'a directive-looking typo is not a directive', text: yaml(...DEPLOYMENT, '$pach: delete'), findings: ['schema/unknown-field@3:0'] },
];

for (const { name, text, findings } of cases) {
  test(`patchFindings: ${name}`, () => assert.deepEqual(brief(patchFindings(check(text))), findings));
}

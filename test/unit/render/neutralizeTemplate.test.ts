import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neutralizeTemplate } from '../../../server/src/language/render/neutralizeTemplate';
import { parseFile } from '../../../server/src/language/parse/parseFile';
import { deploymentYaml, hpaYaml, httprouteYaml, ingressYaml, serviceaccountYaml, serviceYaml } from './helmCreateTemplates';

const cases: Array<{ name: string; template: string[]; expect: string[] }> = [
  {
    name: 'a line of control actions becomes empty',
    template: ['spec:', '  {{- if not .Values.autoscaling.enabled }}', '  replicas: 1', '  {{- end }}'],
    expect: ['spec:', '', '  replicas: 1', ''],
  },
  {
    name: 'an action as a value becomes a placeholder of its length, tagged with its line',
    template: ['kind: Pod', 'replicas: {{ .Values.replicaCount }}'],
    expect: ['kind: Pod', 'replicas: _________________________1'],
  },
  {
    name: 'actions inside a quoted value',
    template: ['image: "{{ .Values.repo }}:{{ .Values.tag }}"'],
    expect: ['image: "_________________0:________________0"'],
  },
  {
    name: 'actions as a key and a value',
    template: ['data:', '  {{ $key }}: {{ $value | quote }}'],
    expect: ['data:', '  _________1: ___________________1'],
  },
  { name: 'a sequence item', template: ['- {{ . | quote }}'], expect: ['- ______________0'] },
  { name: 'a comment action', template: ['{{/* a comment */}}', 'kind: Pod'], expect: ['', 'kind: Pod'] },
  {
    name: 'a comment over several lines, with trim markers',
    template: ['{{- /*', 'notes: here', '*/ -}}', 'kind: Pod'],
    expect: ['', '', '', 'kind: Pod'],
  },
  {
    name: 'an action over several lines inside a value',
    template: ['name: {{ include "x" (dict', '  "a" 1) }}', 'kind: Pod'],
    expect: ['name: ___________________0', '', 'kind: Pod'],
  },
  { name: 'a closing delimiter inside a string literal', template: ['name: {{ "}}" }}'], expect: ['name: _________0'] },
  { name: 'an action with a trailing YAML comment', template: ['a: 1', '{{- end }} # done'], expect: ['a: 1', ''] },
  { name: 'a line of several actions', template: ['{{- with .x }}{{ toYaml . | nindent 2 }}{{ end }}'], expect: [''] },
  { name: 'CRLF line breaks are kept', template: ['a: 1\r', '{{- end }}\r', 'b: {{ .b }}'], expect: ['a: 1\r', '\r', 'b: _______2'] },
  { name: 'a template without actions is unchanged', template: ['a: 1', '# {note}', 'b: [1, 2]'], expect: ['a: 1', '# {note}', 'b: [1, 2]'] },
];

for (const c of cases) {
  test(`neutralizeTemplate: ${c.name}`, () => {
    assert.equal(neutralizeTemplate(c.template.join('\n')), c.expect.join('\n'));
  });
}

const helmCreate: Array<{ name: string; template: string }> = [
  { name: 'deployment.yaml', template: deploymentYaml },
  { name: 'service.yaml', template: serviceYaml },
  { name: 'hpa.yaml', template: hpaYaml },
  { name: 'serviceaccount.yaml', template: serviceaccountYaml },
  { name: 'ingress.yaml', template: ingressYaml },
  { name: 'httproute.yaml', template: httprouteYaml },
];

for (const c of helmCreate) {
  test(`neutralizeTemplate: helm create ${c.name} keeps lines and columns and reads as YAML`, () => {
    const neutral = neutralizeTemplate(c.template);
    const templateLines = c.template.split('\n');
    const neutralLines = neutral.split('\n');
    assert.equal(neutralLines.length, templateLines.length);
    neutralLines.forEach((line, i) => {
      if (line === '') return;
      // Outside its actions, a kept line is the template line, character for character.
      assert.equal(line.length, templateLines[i].length, `line ${i}`);
      assert.equal(line.replace(/_+[0-9a-z]*/g, '#'), templateLines[i].replace(/\{\{.*?\}\}/g, '#'), `line ${i}`);
    });
    const { documents } = parseFile(neutral);
    assert.equal(documents.length, 1);
    assert.deepEqual(documents[0].findings, []);
    assert.notEqual(documents[0].value, undefined);
  });
}

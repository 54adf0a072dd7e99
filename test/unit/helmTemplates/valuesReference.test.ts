import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesReferenceAt } from '../../../server/src/language/helmTemplates/valuesReference';

/** `|` marks the cursor; `keys` are the reference's key names, `cursor` the key the cursor is on. */
const cases: Array<{ name: string; text: string; keys?: string[]; cursor?: number }> = [
  { name: 'after `.Values.`', text: 'image: {{ .Values.| }}', keys: [''], cursor: 0 },
  { name: 'after `.Values.image.`', text: 'image: {{ .Values.image.| }}', keys: ['image', ''], cursor: 1 },
  { name: 'in a partial key', text: 'image: {{ .Values.image.ta| }}', keys: ['image', 'ta'], cursor: 1 },
  { name: 'in the middle of a key', text: '{{ .Values.ima|ge.tag }}', keys: ['image', 'tag'], cursor: 0 },
  { name: 'on the last key of a chain', text: 'replicas: {{ .Values.replica|Count }}', keys: ['replicaCount'], cursor: 0 },
  { name: 'with trim markers', text: '{{- .Values.image.t| -}}', keys: ['image', 't'], cursor: 1 },
  { name: 'the root context `$.Values`', text: '{{ range .list }}{{ $.Values.name| }}{{ end }}', keys: ['name'], cursor: 0 },
  { name: 'in a pipeline', text: '{{ .Values.image.tag| | default .Chart.AppVersion | quote }}', keys: ['image', 'tag'], cursor: 1 },
  { name: 'as a function argument', text: '{{ default "x" .Values.tag| }}', keys: ['tag'], cursor: 0 },
  { name: 'inside a quoted YAML value', text: 'image: "{{ .Values.image.repository| }}:{{ .Values.image.tag }}"', keys: ['image', 'repository'], cursor: 1 },
  { name: 'an unclosed action at the end', text: 'image: {{ .Values.image.|', keys: ['image', ''], cursor: 1 },
  { name: 'after a string with braces in it', text: '{{ printf "}" .Values.a| }}', keys: ['a'], cursor: 0 },
  { name: 'in a condition', text: '{{- if .Values.ingress.enabled| }}', keys: ['ingress', 'enabled'], cursor: 1 },
  { name: 'outside any action', text: 'name: .Values.image|' },
  { name: 'after the action closed', text: '{{ .Values.image }} .Values.|' },
  { name: 'on `.Values` itself', text: '{{ .Val|ues.image }}' },
  { name: 'a bare `.Values`', text: '{{ toYaml .Values| }}' },
  { name: 'a field of another object', text: '{{ .Chart.Name| }}' },
  { name: 'a variable named Values', text: '{{ $Values.a| }}' },
  { name: 'a `.Values` of a variable', text: '{{ $x.Values.a| }}' },
  { name: 'in a string literal', text: '{{ include ".Values.a|" . }}' },
  { name: 'in a comment', text: '{{/* .Values.a| */}}' },
  { name: 'in a number', text: '{{ add 1.5| .Values.a }}' },
];

for (const c of cases) {
  test(`valuesReferenceAt: ${c.name}`, () => {
    const offset = c.text.indexOf('|');
    const text = c.text.slice(0, offset) + c.text.slice(offset + 1);
    const reference = valuesReferenceAt(text, offset);
    if (!c.keys) {
      assert.equal(reference, undefined);
      return;
    }
    assert.ok(reference);
    assert.deepEqual(reference.keys.map((key) => key.name), c.keys);
    assert.equal(reference.cursor, c.cursor);
    for (const key of reference.keys) assert.equal(text.slice(key.start, key.end), key.name, 'key offsets');
  });
}

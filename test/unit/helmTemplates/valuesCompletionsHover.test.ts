import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesCompletions } from '../../../server/src/language/helmTemplates/valuesCompletions';
import { valuesHover } from '../../../server/src/language/helmTemplates/valuesHover';
import { valuesReferenceAt } from '../../../server/src/language/helmTemplates/valuesReference';
import { parseFile } from '../../../server/src/language/parse/parseFile';

const VALUES = [
  '# Default values.',
  'replicaCount: 2',
  'image:',
  '  repository: nginx',
  '  # -- Overrides the chart appVersion.',
  '  tag: ""',
  '  pullPolicy: IfNotPresent',
  'service:',
  '  ports: [80, 443]',
  'bad-key: 1',
  'resources: {}',
].join('\n') + '\n';
const values = parseFile(VALUES).documents[0];
const VALUES_URI = 'file:///w/chart/values.yaml';

/** The template text with `|` as the cursor. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  const template = marked.slice(0, offset) + marked.slice(offset + 1);
  const reference = valuesReferenceAt(template, offset);
  assert.ok(reference, marked);
  return { template, offset, reference };
}

const completionCases: Array<{ name: string; template: string; labels: string[]; details?: string[]; range?: [number, number] }> = [
  { name: 'the top-level keys (not those that need `index`)', template: '{{ .Values.| }}', labels: ['replicaCount', 'image', 'service', 'resources'], details: ['2', '{repository, tag, pullPolicy}', '{ports}', '{}'] },
  { name: 'the keys of `image`', template: 'image: {{ .Values.image.| }}', labels: ['repository', 'tag', 'pullPolicy'], details: ['nginx', '""', 'IfNotPresent'], range: [24, 24] },
  { name: 'a partial key is replaced', template: '{{ .Values.image.ta|g }}', labels: ['repository', 'tag', 'pullPolicy'], range: [17, 20] },
  { name: 'a scalar has no keys', template: '{{ .Values.replicaCount.| }}', labels: [] },
  { name: 'a missing key has no keys', template: '{{ .Values.nothing.| }}', labels: [] },
];

for (const c of completionCases) {
  test(`valuesCompletions: ${c.name}`, () => {
    const entries = valuesCompletions({ ...at(c.template), values });
    assert.deepEqual(entries.map((e) => e.label), c.labels);
    if (c.details) assert.deepEqual(entries.map((e) => e.detail), c.details);
    if (c.range) for (const entry of entries) assert.deepEqual([entry.range.start.character, entry.range.end.character], c.range);
  });
}

test('valuesCompletions: the documentation has the comment above the key and its source', () => {
  const tag = valuesCompletions({ ...at('{{ .Values.image.| }}'), values }).find((e) => e.label === 'tag');
  assert.equal(tag?.documentation, 'Overrides the chart appVersion.\n\n```yaml\ntag: ""\n```');
  const image = valuesCompletions({ ...at('{{ .Values.| }}'), values }).find((e) => e.label === 'image');
  assert.equal(image?.documentation, '```yaml\nimage:\n  repository: nginx\n  # -- Overrides the chart appVersion.\n  tag: ""\n  pullPolicy: IfNotPresent\n```');
});

const hoverCases: Array<{ name: string; template: string; contains: string[]; range: [number, number, number] }> = [
  {
    name: 'a top-level number',
    template: 'replicas: {{ .Values.replica|Count }}',
    contains: ['`.Values.replicaCount` — number', '```yaml\nreplicaCount: 2\n```', `From [values.yaml, line 2](${VALUES_URI}#L2).`],
    range: [0, 13, 33],
  },
  {
    name: 'a nested string, with its comment',
    template: '\nimage: "{{ .Values.image.t|ag }}"',
    contains: ['`.Values.image.tag` — string', 'Overrides the chart appVersion.', '```yaml\ntag: ""\n```', 'line 6]'],
    range: [1, 11, 28],
  },
  { name: 'a map, on its first key', template: '{{ .Values.im|age.tag }}', contains: ['`.Values.image` — map', 'repository: nginx', 'line 3]'], range: [0, 3, 16] },
  { name: 'a key values.yaml does not set', template: '{{ .Values.image.tga| }}', contains: ['`.Values.image.tga` is not set in', 'Keys there: `repository`, `tag`, `pullPolicy`.'], range: [0, 3, 20] },
  { name: 'under a missing parent', template: '{{ .Values.nope.x| }}', contains: ['`.Values.nope.x` is not set in'], range: [0, 3, 17] },
];

for (const c of hoverCases) {
  test(`valuesHover: ${c.name}`, () => {
    const { template, reference } = at(c.template);
    const hover = valuesHover({ template, reference, values, valuesUri: VALUES_URI });
    for (const part of c.contains) assert.ok(hover.markdown.includes(part), `${part}\nin\n${hover.markdown}`);
    assert.deepEqual([hover.range.start.line, hover.range.start.character, hover.range.end.character], c.range);
  });
}

test('valuesHover: a chart without values.yaml says so', () => {
  const { template, reference } = at('{{ .Values.a| }}');
  assert.match(valuesHover({ template, reference, values: undefined, valuesUri: VALUES_URI }).markdown, /has no values\.yaml/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionEntry } from '../../../server/src/language/completion/completionEntry';
import { fitsTemplate, isManifestTemplate, readTemplateYaml, showsPlaceholder, templateYamlAt } from '../../../server/src/language/helmTemplates/templateYaml';

const TEMPLATE = ['kind: Service', 'metadata:', '  name: {{ include "x" . }}', '  {{- with .Values.labels }}', '  labels: {}', '  {{- end }}', 'spec:', '  type: ', ''].join('\n');
/** What `{{ include "x" . }}` (19 characters, line 2) becomes in the neutralized text. */
const PLACEHOLDER = `${'_'.repeat(18)}2`;

function entry(line: number, from: number, to: number, insertText = 'x'): CompletionEntry {
  return { label: insertText, kind: 'property', insertText, snippet: false, range: { start: { line, character: from }, end: { line, character: to } } };
}

test('templateYaml: which chart files are rendered templates', () => {
  assert.equal(isManifestTemplate('/w/shop/templates/deployment.yaml', '/w/shop'), true);
  assert.equal(isManifestTemplate('/w/shop/templates/sub/svc.yml', '/w/shop'), true);
  assert.equal(isManifestTemplate('/w/shop/templates/_helpers.tpl', '/w/shop'), false);
  assert.equal(isManifestTemplate('/w/shop/templates/_partial.yaml', '/w/shop'), false);
  assert.equal(isManifestTemplate('/w/shop/templates/NOTES.txt', '/w/shop'), false);
  assert.equal(isManifestTemplate('/w/shop/values.yaml', '/w/shop'), false);
  assert.equal(isManifestTemplate('/w/shopping/templates/a.yaml', '/w/shop'), false);
});

test('templateYaml: the YAML document at a place, none inside an action or on a line of actions only', () => {
  const yaml = readTemplateYaml(TEMPLATE);
  assert.equal(yaml.parsed.documents.length, 1);
  assert.ok(templateYamlAt(yaml, { line: 7, character: 8 }));
  assert.ok(templateYamlAt(yaml, { line: 2, character: 8 }), 'just before `{{` is outside the action');
  assert.equal(templateYamlAt(yaml, { line: 2, character: 12 }), undefined);
  assert.equal(templateYamlAt(yaml, { line: 3, character: 2 }), undefined);
  assert.equal(templateYamlAt(yaml, { line: 3, character: 0 }), undefined);
  const open = readTemplateYaml('kind: Service\nmetadata:\n  name: {{ incl');
  assert.equal(templateYamlAt(open, { line: 2, character: '  name: {{ incl'.length }), undefined, 'an action left open runs to the end');
});

test('templateYaml: a completion touching an action or showing a placeholder is not offered', () => {
  const yaml = readTemplateYaml(TEMPLATE);
  assert.deepEqual([...yaml.placeholders], [PLACEHOLDER]);
  assert.equal(fitsTemplate(yaml, entry(7, 8, 8, 'ClusterIP')), true);
  assert.equal(fitsTemplate(yaml, entry(2, 8, 8)), true, 'an insertion just before an action');
  assert.equal(fitsTemplate(yaml, entry(2, 8, 27)), false, 'replacing the action');
  assert.equal(fitsTemplate(yaml, entry(2, 12, 12)), false, 'inside the action');
  assert.equal(fitsTemplate(yaml, entry(1, 9, 9, PLACEHOLDER)), false);
  assert.equal(showsPlaceholder(yaml, `name: ${PLACEHOLDER}`), true);
  assert.equal(showsPlaceholder(yaml, 'The name of the service.'), false);
});

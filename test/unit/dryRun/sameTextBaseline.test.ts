import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dryRun } from '../../../server/src/dryRun/dryRun';
import { DryRunParses, runFileDryRun } from '../../../server/src/dryRun/fileDryRun';
import { manifestsOf } from '../../../server/src/language/manifests';
import { parseFile } from '../../../server/src/language/parse/parseFile';

// A document opened as saved (or as committed) is its own baseline: the editor's dry run reuses the
// document's objects instead of parsing the same text again. Its findings are those of a run over two
// separate parses of the text.
const URI = 'file:///ws/app.yaml';
const deployment = (name: string, replicas: number, cpu: string, extra = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {${extra}containers: [{name: app, image: "app:1", resources: {requests: {cpu: "${cpu}"}}}]}\n`;
const service = (name: string, target: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: {selector: {app: ${name}}, ports: [{port: 80, targetPort: ${target}}]}\n`;

const texts: Array<[string, string]> = [
  ['Deployments that fit, one that does not, Services', [deployment('web', 3, '100m'), deployment('huge', 2, '64'), service('web', 'http'), service('none', '80')].join('---\n')],
  ['a Deployment on a node selector no node has', deployment('pinned', 2, '100m', 'nodeSelector: {disk: ssd}, ')],
  ['no Deployment', service('lonely', '8080')],
];

for (const [name, text] of texts) {
  test(`same-text baseline: ${name}`, () => {
    const job = { document: { uri: URI, text }, cluster: null, baseline: { uri: URI, text }, context: [], limits: {} };
    const reused = runFileDryRun(job, new DryRunParses()).map((f) => f.sim);
    const separate = dryRun({ manifests: manifestsOf(URI, parseFile(text)), cluster: null, baseline: manifestsOf(URI, parseFile(text)) }).findings;
    assert.deepEqual(reused, separate);
    assert.ok(separate.length > 0, 'the run has something to say');
  });
}

test('same-text baseline: an edited document is still rolled out from its baseline', () => {
  const before = deployment('web', 3, '100m');
  const after = deployment('web', 3, '64');
  const job = { document: { uri: URI, text: after }, cluster: null, baseline: { uri: URI, text: before }, context: [], limits: {} };
  const codes = runFileDryRun(job, new DryRunParses()).map((f) => f.sim.code);
  assert.ok(codes.includes('sim/rollout-stalled'), codes.join(', '));
});

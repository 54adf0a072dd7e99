import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorDryRunSession } from '../../../server/src/dryRun/editorSession';
import { DryRunParses, runFileDryRun } from '../../../server/src/dryRun/fileDryRun';
import type { LoadedFile } from '../../../server/src/dryRun/loadedFile';
import { manifestsOf } from '../../../server/src/language/manifests';
import { parseFile } from '../../../server/src/language/parse/parseFile';

/**
 * The server publishes a refresh a step at a time (`publicationSteps`, in slices) and abandons it
 * when a newer refresh starts publishing. What an abandoned refresh found was never sent: the next
 * one must send it, not take it for already published.
 */
const uri = 'file:///ws/app.yaml';
const text = [
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: huge}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: huge}}\n  template:\n    metadata: {labels: {app: huge}}\n    spec: {containers: [{name: app, image: example.com/app:1, resources: {requests: {cpu: "500"}}}]}\n',
  'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec: {serviceAccountName: missing, containers: [{name: app, image: example.com/app:1}]}\n',
].join('---\n');

function sessionWithRun(): { session: EditorDryRunSession; open: Map<string, LoadedFile> } {
  const parsed = parseFile(text);
  const open = new Map<string, LoadedFile>([[uri, { uri, parsed, manifests: manifestsOf(uri, parsed) }]]);
  const findings = runFileDryRun({ document: { uri, text }, cluster: null, baseline: null, context: [], limits: {} }, new DryRunParses());
  const session = new EditorDryRunSession();
  session.keepRuns(open, [{ uri, text, findings }]);
  return { session, open };
}

test('publication steps: the same publications as at once, and a finished one is not sent again', () => {
  const { session, open } = sessionWithRun();
  const steps = session.publicationSteps(open, [], undefined);
  let step = steps.next();
  let yields = 0;
  while (!step.done) {
    yields++;
    step = steps.next();
  }
  assert.ok(yields > 3, 'it yields between its parts');
  const [[publishedUri, simulation]] = step.value.simulation;
  assert.equal(publishedUri, uri);
  assert.ok(simulation.some((f) => f.code === 'sim/unschedulable'), 'the dry run found the pod too big for any node');
  assert.ok(step.value.rules[0][1].some((f) => f.code === 'ref/service-account-missing'), 'the rules found the missing ServiceAccount');
  const again = session.publications(open, [], undefined);
  assert.deepEqual(again.simulation, [], 'unchanged dry-run findings are not published twice');
  assert.deepEqual(again.rules, step.value.rules, 'the rules are published for every open document each time');
});

test('publication steps: an abandoned refresh leaves its dry-run findings to the next one', () => {
  const { session, open } = sessionWithRun();
  const abandoned = session.publicationSteps(open, [], undefined);
  abandoned.next();
  abandoned.next();
  const next = session.publications(open, [], undefined);
  assert.equal(next.simulation.length, 1, 'the findings the abandoned refresh never sent are published');
  assert.ok(next.simulation[0][1].some((f) => f.code === 'sim/unschedulable'));
});

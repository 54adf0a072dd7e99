import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PreviewModel } from '../../server/src/protocol/preview';
import type { PreviewChangedParams } from '../../server/src/protocol/requests';
import type { LspClient } from '../helpers/lspClient';
import { inTempWorkspace } from '../helpers/tempWorkspace';
import { RENDER_SKIP, renderTools } from '../helpers/renderTools';

// The preview's `project` scope: a chart rendered by the real helm, dry-run alone, every pod revealing
// the template line that wrote it; a chart not rendered says why; a re-render tells its preview.
const FIXTURES = join(__dirname, '..', 'fixtures', 'render');

function inWorkspace(body: (client: LspClient, root: string) => Promise<void>): Promise<void> {
  const { helm, kubectl } = renderTools();
  const settings = { kubernetesVersion: '1.34', validate: { enable: true }, helm: { path: helm }, kustomize: { command: `${kubectl} kustomize` } };
  return inTempWorkspace({ copyFrom: FIXTURES, settings, trusted: true }, body);
}

/** Resolves with the first `drydock/previewChanged` whose URIs satisfy `accept`. */
async function previewChanged(client: LspClient, accept: (uris: string[]) => boolean): Promise<string[]> {
  for (;;) {
    const { uris } = await client.nextNotification<PreviewChangedParams>('drydock/previewChanged');
    if (accept(uris)) return uris;
  }
}

const lineOf = (uri: string, line: number): string => readFileSync(fileURLToPath(uri), 'utf8').split('\n')[line];

test('project preview: charts/platform as rendered, pods placed, each revealing its template', { skip: RENDER_SKIP, timeout: 90_000 }, () =>
  inWorkspace(async (client, root) => {
    const chart = join(root, 'charts/platform');
    const chartUri = pathToFileURL(chart).toString();
    const template = join(chart, 'templates/workers.yaml');
    const listed = previewChanged(client, (uris) => uris.length === 0);
    await client.open(pathToFileURL(template).toString(), readFileSync(template, 'utf8'), 1, 'helm-template');
    await client.logLine(/rendered chart .*charts\/platform/);
    await listed;

    // Asked by a folder inside the chart (a CodeLens on a subchart's template): the chart that renders it answers.
    const model = await client.sendRequest<PreviewModel>('drydock/preview', { uri: pathToFileURL(join(chart, 'charts/cache')).toString(), scope: 'project', neverReady: false });
    assert.deepEqual(model.source, { uri: chartUri, scope: 'project' });
    assert.equal(model.notice, undefined);
    // Every chart and overlay of the workspace is offered (those no open file feeds are rendered in the background).
    assert.deepEqual(model.projects?.find((p) => p.uri === chartUri), { uri: chartUri, kind: 'helm', label: 'charts/platform', valuesFiles: ['values.yaml'] });
    // The chart's pods beside the default cluster's own (bound, from no file of the workspace).
    const charted = model.simulation.pods.filter((p) => p.status !== 'Bound');
    assert.deepEqual(charted.map((p) => `${p.owner?.name.replace(/-[a-z0-9]+$/, '')} ${p.status}`).sort(), [
      'release-name-cache Scheduled',
      'release-name-platform-api Scheduled',
      'release-name-platform-checkout Scheduled',
      'release-name-platform-checkout Scheduled',
      'release-name-platform-checkout Scheduled',
      'release-name-platform-notifier Scheduled',
    ]);
    for (const pod of charted) {
      const expected = pod.owner?.name.startsWith('release-name-cache-') ? 'charts/cache/templates/deployment.yaml' : 'templates/workers.yaml';
      assert.equal(pod.source?.uri, pathToFileURL(join(chart, expected)).toString(), pod.name);
      assert.match(lineOf(pod.source.uri, pod.source.line), /^(kind: Deployment|apiVersion: apps\/v1|---)/, `${pod.name}: line ${pod.source.line}`);
    }
    assert.ok(model.simulation.nodes.length > 0, 'the default cluster');
    assert.ok(model.simulation.services.some((s) => s.name === 'release-name-platform-api' && s.source?.uri === pathToFileURL(template).toString()));

    // A save re-renders the chart: its preview is told (the list of projects is the same).
    const told = previewChanged(client, (uris) => uris.includes(chartUri));
    await client.save(pathToFileURL(template).toString());
    await told;

    // A pod's filters and scores come from the same run.
    const pod = charted[0];
    const details = await client.sendRequest<{ pod: string } | null>('drydock/podDetails', { uri: chartUri, scope: 'project', neverReady: false, pod: `${pod.namespace}/${pod.name}` });
    assert.equal(details?.pod, `${pod.namespace}/${pod.name}`);
  }),
);

test('project preview: every chart and overlay of the workspace is offered, open or not; one helm cannot render says why', { skip: RENDER_SKIP, timeout: 90_000 }, () =>
  inWorkspace(async (client, root) => {
    const values = join(root, 'charts/jobs/values.yaml');
    writeFileSync(values, readFileSync(values, 'utf8').replace('schedule: "30 2 * * *"', 'schedule: ""'));
    const manifest = join(root, 'kustomize/base/service.yaml');
    await client.open(pathToFileURL(manifest).toString(), readFileSync(manifest, 'utf8'));
    await client.logLine(/overlay .*overlays\/staging/);
    await client.logLine(/chart .*charts\/jobs not rendered/);
    const model = await client.sendRequest<PreviewModel>('drydock/preview', { uri: pathToFileURL(join(root, 'charts/jobs')).toString(), scope: 'project', neverReady: false });
    assert.equal(model.source.scope, 'project');
    assert.deepEqual(model.simulation.pods, []);
    assert.match(model.notice ?? '', /^Chart charts\/jobs is not rendered: .*is required/);
    assert.deepEqual(model.projects?.map((p) => p.label), ['charts/jobs', 'charts/platform', 'charts/webapp', 'kustomize/overlays/prod', 'kustomize/overlays/staging']);
  }),
);

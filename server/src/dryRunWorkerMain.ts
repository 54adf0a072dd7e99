import { parentPort } from 'node:worker_threads';
import { DryRunParses, runFileDryRun } from './dryRun/fileDryRun';
import type { DryRunWorkerRequest, DryRunWorkerResponse } from './protocol/dryRunWorker';

/**
 * The dry-run worker thread's entry (dist/dryRunWorker.js): runs the jobs the server sends, one at a
 * time, with its own parse caches. A failed run is answered with its error, never thrown.
 */
/** A small run done once at start, while the editor is still opening files: it compiles the code paths every run takes. */
const WARM_UP = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: warm-up}',
  'spec:',
  '  replicas: 2',
  '  selector: {matchLabels: {app: warm-up}}',
  '  template:',
  '    metadata: {labels: {app: warm-up}}',
  '    spec: {containers: [{name: app, image: warm-up:1, resources: {requests: {cpu: 100m}}}]}',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: warm-up}',
  'spec: {selector: {app: warm-up}, ports: [{port: 80}]}',
].join('\n');

const port = parentPort;
if (port) {
  try {
    runFileDryRun({ document: { uri: 'drydock:warm-up.yaml', text: WARM_UP }, cluster: null, baseline: null, limits: {} }, new DryRunParses());
  } catch {
    // Only a warm-up: a real run reports its own errors.
  }
  const parses = new DryRunParses();
  port.on('message', (request: DryRunWorkerRequest) => {
    if (request.kind === 'forget') {
      parses.forget(request.uri);
      return;
    }
    let response: DryRunWorkerResponse;
    try {
      response = { id: request.id, findings: runFileDryRun(request.job, parses) };
    } catch (error) {
      response = { id: request.id, error: (error as Error).message ?? String(error) };
    }
    port.postMessage(response);
  });
}

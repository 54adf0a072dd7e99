import { parentPort } from 'node:worker_threads';
import { DryRunParses, runFileDryRun } from './dryRun/fileDryRun';
import type { DryRunWorkerRequest, DryRunWorkerResponse } from './protocol/dryRunWorker';

/**
 * The dry-run worker thread's entry (dist/dryRunWorker.js): runs the jobs the server sends, one at a
 * time, with its own parse caches. A failed run is answered with its error, never thrown.
 */
const port = parentPort;
if (port) {
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

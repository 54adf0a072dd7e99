import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { DryRunParses, runFileDryRun } from './dryRun/fileDryRun';
import type { DryRunWorkerRequest, DryRunWorkerResponse } from './protocol/dryRunWorker';
import { useBundle } from './l10nFiles';

/**
 * The dry-run worker thread's entry (dist/dryRunWorker.js): runs the jobs the server sends, one at a
 * time, with its own parse caches. A failed run is answered with its error, never thrown.
 */
/**
 * A run done once at start, while the editor is still opening files: it compiles (and warms up) the
 * code paths every run takes, the YAML parser's above all, so that the first real run is not the slow
 * one. A few Deployments and their Services on the default cluster: some 50 ms, at the thread's low priority.
 */
const WARM_UP_DEPLOYMENTS = 8;

function warmUpText(): string {
  const docs: string[] = [];
  for (let i = 0; i < WARM_UP_DEPLOYMENTS; i++) {
    docs.push(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: warm-up-${i}, namespace: warm-up, labels: {app: warm-up-${i}}}`,
        'spec:',
        `  replicas: ${1 + (i % 3)}`,
        `  selector: {matchLabels: {app: warm-up-${i}}}`,
        '  template:',
        `    metadata: {labels: {app: warm-up-${i}, tier: "backend"}}`,
        '    spec:',
        '      containers:',
        `      - name: app`,
        `        image: "registry.example.com/warm-up:${i}"`,
        '        ports: [{name: http, containerPort: 8080}]',
        `        resources: {requests: {cpu: ${i % 7 === 0 ? '8' : '100m'}, memory: 128Mi}, limits: {memory: 256Mi}}`,
        '---',
        'apiVersion: v1',
        'kind: Service',
        `metadata: {name: warm-up-${i}, namespace: warm-up}`,
        `spec: {selector: {app: warm-up-${i}}, ports: [{name: http, port: 80, targetPort: http}]}`,
      ].join('\n'),
    );
  }
  return docs.join('\n---\n');
}

/**
 * The worker yields the CPU to the server's main thread: on Linux a thread has its own nice value, and
 * /proc/thread-self names this thread's id. A dry run then never slows the validation of a keystroke
 * down, even on a machine with fewer free cores than threads. Elsewhere, nothing changes.
 */
function lowerThisThreadsPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, DRY_RUN_NICENESS);
  } catch {
    // Not Linux, or not allowed: the worker runs at the server's priority.
  }
}

const DRY_RUN_NICENESS = 10;

const port = parentPort;
if (port) {
  lowerThisThreadsPriority();
  try {
    runFileDryRun({ document: { uri: 'drydock:warm-up.yaml', text: warmUpText() }, cluster: null, baseline: null, context: [], limits: {} }, new DryRunParses());
  } catch {
    // Only a warm-up: a real run reports its own errors.
  }
  const parses = new DryRunParses();
  port.on('message', (request: DryRunWorkerRequest) => {
    if (request.kind === 'forget') {
      parses.forget(request.uri);
      return;
    }
    if (request.kind === 'l10n') {
      useBundle(request.bundle);
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

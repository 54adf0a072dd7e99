import { Worker } from 'node:worker_threads';
import { DryRunParses, runFileDryRun, type FileDryRunJob, type LocatedSimFinding } from '../dryRun/fileDryRun';
import type { DryRunWorkerRequest, DryRunWorkerResponse } from '../protocol/dryRunWorker';

/**
 * Runs the editor's per-file dry runs. `run` resolves with the findings, or with null when a newer job
 * for the same document replaced it before it started (its result would be stale anyway).
 */
export interface DryRunner {
  run(job: FileDryRunJob): Promise<LocatedSimFinding[] | null>;
  /** A document was closed: drop what was kept for it. */
  forget(uri: string): void;
  /** The language of the findings' messages (a bundle's JSON text; undefined: English), for a runner on another thread. */
  useL10nBundle(bundle: string | undefined): void;
  dispose(): void;
}

/** Runs the dry run on the calling thread (tests, and a server started without its worker file). */
export class InProcessDryRunner implements DryRunner {
  private readonly parses = new DryRunParses();

  run(job: FileDryRunJob): Promise<LocatedSimFinding[] | null> {
    try {
      // A handed parse shares its values with validation's: the run gets its own copy, as a worker's would.
      return Promise.resolve(runFileDryRun(job.parse ? { ...job, parse: structuredClone(job.parse) } : job, this.parses));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  forget(uri: string): void {
    this.parses.forget(uri);
  }

  /** Same thread as the server: its language is already set. */
  useL10nBundle(): void {}

  dispose(): void {}
}

interface Queued {
  job: FileDryRunJob;
  resolve: (findings: LocatedSimFinding[] | null) => void;
  reject: (error: Error) => void;
}

/**
 * Runs the dry runs on a worker thread (dist/dryRunWorker.js), one at a time, so that the server's
 * event loop stays free for keystrokes. Jobs wait in a queue of one per document: a newer job for a
 * document replaces the one waiting. A worker that dies fails its job and is started again for the next.
 */
export class WorkerDryRunner implements DryRunner {
  private worker: Worker | undefined;
  private readonly waiting = new Map<string, Queued>();
  private running: (Queued & { id: number }) | undefined;
  private nextId = 1;
  private disposed = false;
  /** Told to every worker started, a restarted one too. */
  private l10nBundle: string | undefined;

  constructor(private readonly workerPath: string) {}

  /** Starts the worker now (it warms itself up) rather than with the first dry run. */
  start(): this {
    this.ensureWorker();
    return this;
  }

  run(job: FileDryRunJob): Promise<LocatedSimFinding[] | null> {
    return new Promise((resolve, reject) => {
      const uri = job.document.uri;
      this.waiting.get(uri)?.resolve(null);
      this.waiting.set(uri, { job, resolve, reject });
      this.pump();
    });
  }

  useL10nBundle(bundle: string | undefined): void {
    this.l10nBundle = bundle;
    this.worker?.postMessage({ kind: 'l10n', bundle } satisfies DryRunWorkerRequest);
  }

  forget(uri: string): void {
    this.waiting.get(uri)?.resolve(null);
    this.waiting.delete(uri);
    this.worker?.postMessage({ kind: 'forget', uri } satisfies DryRunWorkerRequest);
  }

  dispose(): void {
    this.disposed = true;
    for (const queued of this.waiting.values()) queued.resolve(null);
    this.waiting.clear();
    this.running?.resolve(null);
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const next = this.waiting.entries().next();
    if (next.done) return;
    const [uri, queued] = next.value;
    this.waiting.delete(uri);
    this.running = { ...queued, id: this.nextId++ };
    const worker = this.ensureWorker();
    // A run in flight keeps the process alive (its findings are still to be published); an idle worker does not.
    worker.ref();
    worker.postMessage({ kind: 'run', id: this.running.id, job: queued.job } satisfies DryRunWorkerRequest);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    worker.unref();
    worker.on('message', (response: DryRunWorkerResponse) => {
      const running = this.running;
      if (!running || running.id !== response.id) return;
      this.running = undefined;
      worker.unref();
      if ('error' in response) running.reject(new Error(response.error));
      else running.resolve(response.findings);
      this.pump();
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const running = this.running;
      this.running = undefined;
      running?.reject(error);
      this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the dry-run worker stopped (exit code ${code})`)));
    this.worker = worker;
    if (this.l10nBundle !== undefined) worker.postMessage({ kind: 'l10n', bundle: this.l10nBundle } satisfies DryRunWorkerRequest);
    return worker;
  }
}

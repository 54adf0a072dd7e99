import type { FileDryRunJob, LocatedSimFinding } from '../dryRun/fileDryRun';

/**
 * The messages between the language server and its dry-run worker thread (dist/dryRunWorker.js), so
 * that a dry run never holds the event loop that answers keystrokes.
 */
export type DryRunWorkerRequest =
  /** Run one file's dry run; answered with the same `id`. */
  | { kind: 'run'; id: number; job: FileDryRunJob }
  /** A document was closed: drop its parse caches. Not answered. */
  | { kind: 'forget'; uri: string };

export type DryRunWorkerResponse = { id: number; findings: LocatedSimFinding[] } | { id: number; error: string };

import type { FileDryRunJob, LocatedSimFinding } from '../dryRun/fileDryRun';

/**
 * The messages between the language server and its dry-run worker thread (dist/dryRunWorker.js), so
 * that a dry run never holds the event loop that answers keystrokes.
 */
export type DryRunWorkerRequest =
  /** Run one file's dry run; answered with the same `id`. */
  | { kind: 'run'; id: number; job: FileDryRunJob }
  /** A document was closed: drop its parse caches. Not answered. */
  | { kind: 'forget'; uri: string }
  /** The language of the findings' messages: a bundle's JSON text (`l10n/bundle.l10n.<locale>.json`), undefined for English. Not answered. */
  | { kind: 'l10n'; bundle: string | undefined };

export type DryRunWorkerResponse = { id: number; findings: LocatedSimFinding[] } | { id: number; error: string };

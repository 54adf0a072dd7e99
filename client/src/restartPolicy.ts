/**
 * What to do when the language server's connection closes unexpectedly (a crash): restart it or give
 * up, and whether to tell the user. Pure (no `vscode`, no clock: the caller passes the time), so it is
 * unit-tested on its own (test/unit/client/restartPolicy.test.ts); languageClient.ts adapts it to
 * vscode-languageclient's error handler.
 *
 * - Restart while at most `maxRestarts` crashes fall within `windowMs`; the crash after that gives up,
 *   with one final message (the server then stays down until the user restarts it).
 * - Tell the user once: `once-per-session` tells of the first crash only; `once-per-burst` tells of the
 *   first crash of each burst, a burst being crashes less than `windowMs` apart. The other restarts are
 *   quiet (the language client still logs them to its output channel).
 * - A restart the user asks for (Drydock: Restart Language Server) starts a new session: `NEW_SESSION`.
 *
 * The messages are localised with `@vscode/l10n` (this file cannot import vscode); the client hands it
 * VS Code's bundle on activation (pureModulesL10n.ts).
 */
import * as l10n from '@vscode/l10n';

export interface RestartPolicyOptions {
  /** Crashes within `windowMs` that are still restarted; one more gives up. */
  maxRestarts: number;
  windowMs: number;
  notify: 'once-per-session' | 'once-per-burst';
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = { maxRestarts: 4, windowMs: 3 * 60_000, notify: 'once-per-burst' };

/** The state the policy keeps between crashes (immutable: each decision returns the next one). */
export interface CrashHistory {
  /** Times (ms) of the crashes less than `windowMs` before the latest, oldest first. */
  readonly crashes: readonly number[];
  /** Whether the user has been told of a restart in this session. */
  readonly told: boolean;
}

export const NEW_SESSION: CrashHistory = { crashes: [], told: false };

export type CrashDecision =
  /** Restart the server; show `notify` (once), or nothing when undefined. */
  | { action: 'restart'; notify: string | undefined }
  /** Do not restart; show `message`, the final word on this crash loop. */
  | { action: 'give-up'; message: string };

export function restartedMessage(): string {
  return l10n.t('The Drydock language server stopped unexpectedly and was restarted.');
}

export function gaveUpMessage(crashes: number, windowMs: number): string {
  return l10n.t('The Drydock language server stopped {0} times in {1} and was not restarted. Run "Drydock: Restart Language Server" to try again.', crashes, formatWindow(windowMs));
}

/** The decision for a crash at `now`, and the history to pass with the next crash. */
export function decideOnCrash(history: CrashHistory, now: number, options: RestartPolicyOptions = DEFAULT_RESTART_POLICY): { decision: CrashDecision; history: CrashHistory } {
  const earlier = history.crashes.filter((t) => now - t < options.windowMs);
  const crashes = [...earlier, now];
  if (crashes.length > options.maxRestarts) {
    return { decision: { action: 'give-up', message: gaveUpMessage(crashes.length, options.windowMs) }, history: { crashes, told: history.told } };
  }
  const tell = options.notify === 'once-per-session' ? !history.told : earlier.length === 0;
  return { decision: { action: 'restart', notify: tell ? restartedMessage() : undefined }, history: { crashes, told: history.told || tell } };
}

function formatWindow(ms: number): string {
  if (ms % 60_000 === 0) return ms === 60_000 ? l10n.t('1 minute') : l10n.t('{0} minutes', ms / 60_000);
  return l10n.t('{0} seconds', Math.round(ms / 1000));
}

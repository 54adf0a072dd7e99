/**
 * Waiting on what the UI shows: every e2e step polls for its expectation until a deadline instead of
 * sleeping for a fixed time.
 */

/** How long one UI expectation may take. Generous: CI machines are slow and share their cores. */
export const UI_TIMEOUT = Number(process.env.DRYDOCK_E2E_UI_TIMEOUT ?? 45_000);
const POLL_MS = 100;

/**
 * Polls `probe` until it returns something truthy and returns it. `what` says what was awaited and,
 * on timeout, `seen` what was seen last, so a failure reads like a bug report.
 */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | null | false>, options: { timeout?: number; seen?: () => Promise<string> } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeout ?? UI_TIMEOUT);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error; // a frame detached mid-query, an element re-rendered: try again
    }
    if (Date.now() > deadline) {
      const seen = options.seen ? await options.seen().catch((e: unknown) => `(could not read: ${String(e)})`) : undefined;
      const detail = [seen !== undefined && `last seen: ${seen}`, lastError !== undefined && `last error: ${String(lastError)}`].filter(Boolean).join('\n');
      throw new Error(`timed out after ${Math.round((options.timeout ?? UI_TIMEOUT) / 1000)} s waiting for ${what}${detail ? `\n${detail}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

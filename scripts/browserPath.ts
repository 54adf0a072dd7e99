// Where the tests' Chromium is: one lookup for the provisioning step, the webview harness, the
// end-to-end suite and the webview benchmark. An explicit variable wins; then the usual places.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Variables that name a browser, first match wins (the older two are kept for existing setups). */
const PATH_VARIABLES = ['CHROMIUM_PATH', 'DRYDOCK_CHROMIUM', 'DRYDOCK_E2E_CHROMIUM'] as const;
const FIXED_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium (or Chrome) to drive, or undefined when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of PATH_VARIABLES) {
    const value = env[name];
    if (value) return value; // named explicitly: used as given, so a wrong value fails loudly
  }
  for (const path of FIXED_PATHS) if (isExecutable(path)) return path;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const command of COMMANDS) {
    for (const dir of dirs) {
      const path = join(dir, command);
      if (isExecutable(path)) return path;
    }
  }
  return undefined;
}

/** The one line a test prints when there is no browser (npm test installs one; see scripts/provision.ts). */
export const NO_CHROMIUM =
  'no Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium and chromium/google-chrome on PATH): run `npm test` as root to have it installed, or `apt-get install -y chromium`, or set CHROMIUM_PATH';

/** findChromium, or an error with that one line. */
export function requireChromium(): string {
  const path = findChromium();
  if (!path) throw new Error(NO_CHROMIUM);
  return path;
}

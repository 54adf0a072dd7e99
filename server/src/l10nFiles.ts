import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import type { Locale } from './l10n/locale';

/**
 * Reads the message bundles (`l10n/bundle.l10n.<locale>.json`, the folder VS Code reads for the
 * client too) and hands one to `@vscode/l10n`, for the server, its dry-run worker and the CLI. The
 * language service and the simulator only call `l10n.t`; they do no IO.
 */

/** The bundle folder: beside dist/ in the package (dist/cli.js, dist/server.js), or at the root of the source tree. */
function candidateFolders(): string[] {
  return [join(__dirname, '..', 'l10n'), join(__dirname, '..', '..', 'l10n'), join(process.cwd(), 'l10n')];
}

/** The bundle of a language as JSON text; undefined for English (the messages in the code) or when it is missing. */
export function readL10nBundle(locale: Locale, path?: string): string | undefined {
  if (locale === 'en' && !path) return undefined;
  const candidates = path ? [path] : candidateFolders().map((folder) => join(folder, `bundle.l10n.${locale}.json`));
  for (const candidate of candidates) {
    try {
      if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    } catch {
      // An unreadable bundle leaves the messages in English.
    }
  }
  return undefined;
}

/** Makes `l10n.t` answer in `locale` from here on in this thread (English when there is no bundle). Returns the bundle used. */
export function useLocale(locale: Locale, path?: string): string | undefined {
  const contents = readL10nBundle(locale, path);
  useBundle(contents);
  return contents;
}

/** Makes `l10n.t` answer from a bundle's text (a worker thread gets it from its server); undefined: English. */
export function useBundle(contents: string | undefined): void {
  let parsed: l10n.l10nJsonFormat = {};
  if (contents !== undefined) {
    try {
      parsed = JSON.parse(contents) as l10n.l10nJsonFormat;
    } catch {
      parsed = {};
    }
  }
  l10n.config({ contents: parsed });
}

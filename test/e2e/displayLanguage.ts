/**
 * VS Code's display language for a fresh code-server profile, so that extensions see it as
 * `vscode.env.language` (and load their `l10n/bundle.l10n.<locale>.json` and `package.nls.<locale>.json`).
 *
 * What code-server 4.139.1 (VS Code 1.139) does with a locale, read from its server: the locale is
 * `--locale`, else `"locale"` of the profile's `User/argv.json`, else a cookie, else the browser's
 * Accept-Language; the server then looks that locale up in `<user-data>/languagepacks.json`, and only
 * when a language pack is registered there does the page get `_VSCODE_NLS_LANGUAGE = "<locale>"`,
 * which becomes the workbench's language and the extension host's `appLanguage`. Without a pack,
 * every locale resolves to English, and extensions see `en`.
 *
 * There is no Korean language pack offline, and code-server's `--install-extension` (a CLI run of its
 * own) does not register one in languagepacks.json anyway (VS Code does that when a pack is
 * installed through the running workbench). So the profile gets a stand-in pack: a translations file
 * with no entries (VS Code's own UI stays English, which the page helpers rely on) registered for the
 * locale the way VS Code's language-pack cache writes it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The command-line arguments that select `locale`, after registering a stand-in language pack for it in `userDataDir`. */
export function displayLanguageArgs(userDataDir: string, locale: string): string[] {
  const packDir = join(userDataDir, 'drydock-e2e-language-pack', locale);
  const translations = join(packDir, 'main.i18n.json');
  mkdirSync(packDir, { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const languagePacks = {
    [locale]: {
      // Names the folder the server caches the generated messages in; any stable string does.
      hash: `drydock-e2e-${locale}`,
      extensions: [{ extensionIdentifier: { id: `drydock-e2e.language-pack-${locale}` }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: locale,
    },
  };
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(languagePacks, null, 2));
  return ['--locale', locale];
}

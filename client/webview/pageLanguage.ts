import * as l10n from '@vscode/l10n';
import type { l10nJsonFormat } from '@vscode/l10n';

/**
 * The page's language (issue #17): the host sends the display language's bundle with the first model
 * after each `ready` (absent in English). Every label is computed with `l10n.t` when it is drawn, so the
 * page configures `@vscode/l10n` here and then redraws itself. `lang` follows, for screen readers and
 * fonts: the host's `locale`, else the webview's own language (VS Code's display language).
 */
export function applyPageLanguage(bundle: l10nJsonFormat, locale: string | undefined): void {
  l10n.config({ contents: bundle });
  document.documentElement.lang = locale ?? navigator.language;
}

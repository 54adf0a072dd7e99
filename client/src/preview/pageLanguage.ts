import type { l10nJsonFormat } from '@vscode/l10n';
import type { PreviewModel } from '../../../server/src/protocol/preview';
import type { HostToWebview } from '../../../server/src/protocol/webviewMessages';

/**
 * The display language for the preview page (issue #17): the page configures `@vscode/l10n` with the
 * bundle VS Code loaded for the extension (`vscode.l10n.bundle`, passed in as `bundle`). Each page load
 * (the page is recreated when hidden, and says `ready` again) gets it once, with its first model;
 * later models go without it. In English there is no bundle, and no `l10n` field.
 */
export class PageLanguage {
  private pending = false;

  /** `locale`: VS Code's display language (`vscode.env.language`), for the page's `lang`. */
  constructor(
    private readonly bundle: () => l10nJsonFormat | undefined,
    private readonly locale: () => string = () => 'en',
  ) {}

  /** The page said `ready`: its next model carries the bundle. */
  pageLoaded(): void {
    this.pending = true;
  }

  /** The `update` message for `model`, sent to the page now. */
  updateMessage(model: PreviewModel): HostToWebview {
    const bundle = this.pending ? this.bundle() : undefined;
    this.pending = false;
    return bundle ? { type: 'update', model, l10n: bundle, locale: this.locale() } : { type: 'update', model };
  }
}

import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/**
 * The client's vscode-free modules (restartPolicy.ts, renderStatusText.ts: unit-tested without VS Code)
 * translate with `@vscode/l10n`. This hands it the bundle VS Code loaded for the display language
 * (`vscode.l10n.bundle`, from `l10n/bundle.l10n.<locale>.json`; undefined in English), so that they
 * speak the language `vscode.l10n.t` speaks. Called first on activation.
 */
export function configurePureModulesL10n(): void {
  const bundle = vscode.l10n.bundle;
  if (bundle) l10n.config({ contents: bundle });
}

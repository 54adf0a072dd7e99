import * as vscode from 'vscode';
import type { RenderStatusParams } from '../../server/src/protocol/renderStatus';
import { renderStatusView } from './renderStatusText';

/** The command the render status item runs: the Output channel, where the server logs each render. */
export const SHOW_OUTPUT = 'drydock.showOutput';

/**
 * A status-bar item saying which charts and overlays the server could not render (the latest
 * `drydock/renderStatus`; see renderStatusText.ts for what it shows). Hidden while all rendered.
 */
export class RenderStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('drydock.renderStatus', vscode.StatusBarAlignment.Right, 99);
  private disposed = false;

  constructor() {
    this.item.name = vscode.l10n.t('Drydock: render status');
    this.item.command = SHOW_OUTPUT;
  }

  update(params: RenderStatusParams | undefined): void {
    if (this.disposed) return; // the client reports its stop while the extension is disposed, in either order
    const view = renderStatusView(params);
    if (!view.visible) {
      this.item.hide();
      return;
    }
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.severity === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.disposed = true;
    this.item.dispose();
  }
}

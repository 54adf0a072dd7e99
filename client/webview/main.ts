/**
 * Entry point of the preview webview (bundled into dist/webview.js, loaded by the HTML shell of
 * client/src/preview/html.ts with a nonce). Browser code only: it never imports vscode.
 */
import { PreviewApp } from './app';
import { HostChannel } from './hostChannel';

function boot(): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('drydock preview: #app is missing from the page');
  new PreviewApp(new HostChannel(), root).start();
}

boot();

import * as l10n from '@vscode/l10n';
import { randomBytes } from 'node:crypto';

/** Where the webview's files are, relative to the extension root (also its `localResourceRoots`). */
export const WEBVIEW_SCRIPT = ['dist', 'webview.js'] as const;
/** The stylesheets, in cascade order: the page, then one per part. */
export const WEBVIEW_STYLES = ['preview.css', 'controls.css', 'nodes.css', 'podColours.css', 'nodeDetail.css', 'details.css', 'rollout.css', 'rolloutBudget.css', 'network.css', 'routes.css', 'whatif.css'].map((file) => ['media', file] as const);
export const WEBVIEW_RESOURCE_ROOTS = ['dist', 'media'] as const;

export interface PreviewHtmlInputs {
  /** `webview.cspSource`: the origin the webview serves extension files from. */
  cspSource: string;
  /** `webview.asWebviewUri(…/dist/webview.js)` */
  scriptUri: string;
  /** `webview.asWebviewUri(…)` of each of `WEBVIEW_STYLES`, in that order. */
  styleUris: readonly string[];
  /** Fresh for every page load (see `newNonce`). */
  nonce: string;
  /** The display language (`vscode.env.language`), for `lang`; default English. */
  locale?: string;
}

/** 128 random bits, base64: a CSP nonce that cannot be guessed. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The HTML shell of the preview. Nothing but the bundled script (with the nonce) and the stylesheet
 * from the extension may load: `default-src 'none'` forbids everything else, including inline
 * scripts, inline style attributes, images and network requests. The data never appears here; it
 * arrives by `postMessage` and is rendered as text.
 */
export function previewHtml({ cspSource, scriptUri, styleUris, nonce, locale = 'en' }: PreviewHtmlInputs): string {
  const csp = [`default-src 'none'`, `style-src ${cspSource}`, `font-src ${cspSource}`, `img-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="${attribute(locale)}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
${styleUris.map((uri) => `  <link rel="stylesheet" href="${attribute(uri)}">\n`).join('')}  <title>${text(l10n.t('Drydock: cluster preview'))}</title>
</head>
<body>
  <div id="app" aria-busy="true"><p class="empty placeholder">${text(l10n.t('Loading the cluster preview…'))}</p></div>
  <script nonce="${attribute(nonce)}" src="${attribute(scriptUri)}"></script>
</body>
</html>`;
}

/** The shell's own inputs are URIs and a base64 nonce; escape them anyway so none can break out. */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A translated sentence as HTML text (a translation is ours, but it is escaped like everything else). */
function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

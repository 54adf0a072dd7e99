import assert from 'node:assert/strict';
import { test } from 'node:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { newNonce, previewHtml, WEBVIEW_RESOURCE_ROOTS, WEBVIEW_SCRIPT, WEBVIEW_STYLES } from '../../../client/src/preview/html';

const inputs = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://x/dist/webview.js', styleUris: ['https://x/media/preview.css', 'https://x/media/nodes.css'], nonce: 'abc123==' };

test('html shell: the CSP forbids everything but the extension origin and the nonce-bearing script', () => {
  const html = previewHtml(inputs);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.equal(csp, "default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net; font-src https://file+.vscode-resource.vscode-cdn.net; img-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-abc123=='");
  assert.match(html, /<script nonce="abc123==" src="https:\/\/x\/dist\/webview.js"><\/script>/);
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, no inline script');
  assert.doesNotMatch(html, /style="/, 'no inline style');
  assert.deepEqual([...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]), ['https://x/media/preview.css', 'https://x/media/nodes.css']);
});

test('html shell: inputs are escaped so none can break out of its attribute', () => {
  const html = previewHtml({ ...inputs, scriptUri: 'https://x/a.js"><script>alert(1)</script>' });
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.match(html, /src="https:\/\/x\/a.js&quot;&gt;&lt;script&gt;/);
});

test('html shell: nonces are 128 random bits and never repeat', () => {
  const nonces = new Set(Array.from({ length: 100 }, newNonce));
  assert.equal(nonces.size, 100);
  for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
});

test('html shell: the script and stylesheets live under the local resource roots; the stylesheets exist', () => {
  assert.ok(WEBVIEW_RESOURCE_ROOTS.includes(WEBVIEW_SCRIPT[0]));
  for (const path of WEBVIEW_STYLES) {
    assert.ok((WEBVIEW_RESOURCE_ROOTS as readonly string[]).includes(path[0]));
    assert.ok(existsSync(join(__dirname, '..', '..', '..', ...path)), path.join('/'));
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isRevealAllowed, parseWebviewMessage } from '../../client/src/preview/messages';
import { fuzzParameters } from './fuzzConfig';

// Messages from the webview are untrusted: random values never throw and only known shapes pass;
// a reveal may only open a file inside the workspace (or the previewed file itself).

const WORKSPACE = 'file:///home/user/project';

test('fuzz: parseWebviewMessage never throws and passes only exact known shapes', () => {
  const message = fc.oneof(
    fc.anything(),
    fc.record({ type: fc.constantFrom('ready', 'revealSource', 'setScope', 'setNeverReady', 'podDetails', 'explainConnection', 'routeQuery', 'eval', '__proto__'), location: fc.anything(), scope: fc.oneof(fc.anything(), fc.constant('project')), project: fc.oneof(fc.anything(), fc.constant('file:///w/charts/web')), neverReady: fc.anything(), pod: fc.oneof(fc.anything(), fc.string(), fc.constant('ns/pod')), from: fc.oneof(fc.anything(), fc.string({ maxLength: 1100 }), fc.constant('shop/api (2 pods)')), to: fc.oneof(fc.anything(), fc.string(), fc.constant('10.0.0.0-10.255.255.255')), url: fc.oneof(fc.anything(), fc.string({ maxLength: 2100 }), fc.constant('https://shop.example.com/api')) }, { requiredKeys: ['type'] }),
  );
  fc.assert(
    fc.property(message, (raw) => {
      const parsed = parseWebviewMessage(raw);
      if (parsed === undefined) return;
      switch (parsed.type) {
        case 'ready':
          return assert.deepEqual(Object.keys(parsed), ['type']);
        case 'revealSource':
          assert.equal(typeof parsed.location.uri, 'string');
          return assert.ok(Number.isInteger(parsed.location.line) && parsed.location.line >= 0);
        case 'setScope':
          if (parsed.scope === 'project') return assert.ok(typeof parsed.project === 'string' && parsed.project.startsWith('file:'));
          return assert.ok((parsed.scope === 'file' || parsed.scope === 'workspace') && parsed.project === undefined);
        case 'setNeverReady':
          return assert.equal(typeof parsed.neverReady, 'boolean');
        case 'podDetails':
          assert.deepEqual(Object.keys(parsed), ['type', 'pod']);
          return assert.match(parsed.pod, /^[^/]+\/[^/]+$/);
        case 'explainConnection':
          assert.deepEqual(Object.keys(parsed), ['type', 'from', 'to']);
          for (const label of [parsed.from, parsed.to]) assert.ok(typeof label === 'string' && label.length > 0 && label.length <= 1024);
          return;
        case 'routeQuery':
          assert.deepEqual(Object.keys(parsed), ['type', 'url']);
          return assert.ok(typeof parsed.url === 'string' && parsed.url.trim().length > 0 && parsed.url.length <= 2048);
        default:
          assert.fail(`unknown message type passed: ${JSON.stringify(parsed)}`);
      }
    }),
    fuzzParameters(2000),
  );
});

test('fuzz: a reveal outside the workspace folder is refused', () => {
  const segment = fc.oneof(fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', 'src', 'project', 'project2', '%00', '', '..%2f', 'a b'), fc.stringMatching(/^[a-z0-9._%-]{1,8}$/));
  const uri = fc.tuple(fc.constantFrom('file:///home/user/project/', 'file:///home/user/', 'file:///', 'file://host/home/user/project/', 'http://x/', 'command:', 'vscode://'), fc.array(segment, { maxLength: 6 }), fc.constantFrom('', '?q', '#f'))
    .map(([prefix, parts, suffix]) => prefix + parts.join('/') + suffix);
  fc.assert(
    fc.property(uri, (candidate) => {
      if (!isRevealAllowed(candidate, [WORKSPACE], null)) return;
      const url = new URL(candidate);
      const path = decodeURIComponent(url.pathname);
      assert.equal(url.protocol, 'file:');
      assert.equal(url.host, '');
      assert.ok(path.startsWith('/home/user/project/'), `${candidate} → ${path}`);
      assert.ok(!path.split('/').includes('..'));
    }),
    fuzzParameters(3000),
  );
  assert.equal(isRevealAllowed('file:///home/user/project/../secret.yaml', [WORKSPACE], null), false);
  assert.equal(isRevealAllowed('file:///etc/passwd', [WORKSPACE], null), false);
});

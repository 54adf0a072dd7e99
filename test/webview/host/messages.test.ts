import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRevealAllowed, parsePersistedState, parseWebviewMessage } from '../../../client/src/preview/messages';

const messages: Array<{ name: string; raw: unknown; parsed: unknown }> = [
  { name: 'ready', raw: { type: 'ready', extra: 1 }, parsed: { type: 'ready' } },
  { name: 'a reveal', raw: { type: 'revealSource', location: { uri: 'file:///w/a.yaml', line: 3 } }, parsed: { type: 'revealSource', location: { uri: 'file:///w/a.yaml', line: 3 } } },
  { name: 'a reveal with a fractional line', raw: { type: 'revealSource', location: { uri: 'file:///w/a.yaml', line: 1.5 } }, parsed: undefined },
  { name: 'a reveal with a negative line', raw: { type: 'revealSource', location: { uri: 'file:///w/a.yaml', line: -1 } }, parsed: undefined },
  { name: 'a reveal without a uri', raw: { type: 'revealSource', location: { line: 0 } }, parsed: undefined },
  { name: 'a reveal with an empty uri', raw: { type: 'revealSource', location: { uri: '', line: 0 } }, parsed: undefined },
  { name: 'setScope workspace', raw: { type: 'setScope', scope: 'workspace' }, parsed: { type: 'setScope', scope: 'workspace' } },
  { name: 'setScope with an unknown scope', raw: { type: 'setScope', scope: 'cluster' }, parsed: undefined },
  { name: 'setScope project', raw: { type: 'setScope', scope: 'project', project: 'file:///w/charts/web', extra: 1 }, parsed: { type: 'setScope', scope: 'project', project: 'file:///w/charts/web' } },
  { name: 'setScope project without its folder', raw: { type: 'setScope', scope: 'project' }, parsed: undefined },
  { name: 'setScope project that is not a file URI', raw: { type: 'setScope', scope: 'project', project: 'command:evil' }, parsed: undefined },
  { name: 'setScope workspace drops a project', raw: { type: 'setScope', scope: 'workspace', project: 'file:///w/charts/web' }, parsed: { type: 'setScope', scope: 'workspace' } },
  { name: 'setNeverReady', raw: { type: 'setNeverReady', neverReady: true }, parsed: { type: 'setNeverReady', neverReady: true } },
  { name: 'setNeverReady with a string', raw: { type: 'setNeverReady', neverReady: 'yes' }, parsed: undefined },
  { name: 'setCluster to a file', raw: { type: 'setCluster', uri: 'file:///w/cluster.yaml' }, parsed: { type: 'setCluster', uri: 'file:///w/cluster.yaml' } },
  { name: 'setCluster to the built-in cluster', raw: { type: 'setCluster', uri: null }, parsed: { type: 'setCluster', uri: null } },
  { name: 'setCluster to a web address', raw: { type: 'setCluster', uri: 'https://example.com/cluster.yaml' }, parsed: undefined },
  { name: 'setCluster without a uri', raw: { type: 'setCluster' }, parsed: undefined },
  { name: 'podDetails', raw: { type: 'podDetails', pod: 'shop/web-7c9-abcde', extra: 1 }, parsed: { type: 'podDetails', pod: 'shop/web-7c9-abcde' } },
  { name: 'podDetails without a namespace', raw: { type: 'podDetails', pod: 'web' }, parsed: undefined },
  { name: 'podDetails with a path', raw: { type: 'podDetails', pod: 'a/b/c' }, parsed: undefined },
  { name: 'podDetails with a huge key', raw: { type: 'podDetails', pod: `ns/${'x'.repeat(600)}` }, parsed: undefined },
  { name: 'podDetails with a number', raw: { type: 'podDetails', pod: 7 }, parsed: undefined },
  { name: 'explainConnection', raw: { type: 'explainConnection', from: 'shop/api (2 pods)', to: '192.169.0.0-255.255.255.255', extra: 1 }, parsed: { type: 'explainConnection', from: 'shop/api (2 pods)', to: '192.169.0.0-255.255.255.255' } },
  { name: 'explainConnection without a destination', raw: { type: 'explainConnection', from: 'shop/api (2 pods)' }, parsed: undefined },
  { name: 'explainConnection with an empty source', raw: { type: 'explainConnection', from: '', to: 'shop/db-0' }, parsed: undefined },
  { name: 'explainConnection with a huge label', raw: { type: 'explainConnection', from: 'x'.repeat(1025), to: 'shop/db-0' }, parsed: undefined },
  { name: 'explainConnection with an object', raw: { type: 'explainConnection', from: { label: 'a' }, to: 'shop/db-0' }, parsed: undefined },
  { name: 'routeQuery', raw: { type: 'routeQuery', url: 'https://shop.example.com/api', extra: 1 }, parsed: { type: 'routeQuery', url: 'https://shop.example.com/api' } },
  { name: 'routeQuery with a blank url', raw: { type: 'routeQuery', url: '   ' }, parsed: undefined },
  { name: 'routeQuery with a huge url', raw: { type: 'routeQuery', url: `http://a/${'x'.repeat(2048)}` }, parsed: undefined },
  { name: 'routeQuery with a number', raw: { type: 'routeQuery', url: 8080 }, parsed: undefined },
  { name: 'whatIf', raw: { type: 'whatIf', events: [{ kind: 'drain', node: 'worker-1a', at: 0, extra: 1 }] }, parsed: { type: 'whatIf', events: [{ kind: 'drain', node: 'worker-1a', at: 0 }] } },
  { name: 'whatIf with an unknown kind', raw: { type: 'whatIf', events: [{ kind: 'explode', node: 'worker-1a', at: 0 }] }, parsed: undefined },
  { name: 'whatIf with a fractional time', raw: { type: 'whatIf', events: [{ kind: 'node-down', node: 'worker-1a', at: 1.5 }] }, parsed: undefined },
  { name: 'whatIf without events', raw: { type: 'whatIf', events: [] }, parsed: undefined },
  { name: 'whatIf with a huge node name', raw: { type: 'whatIf', events: [{ kind: 'drain', node: 'n'.repeat(254), at: 0 }] }, parsed: undefined },
  { name: 'whatIf with too many events', raw: { type: 'whatIf', events: Array.from({ length: 17 }, () => ({ kind: 'cordon', node: 'a', at: 0 })) }, parsed: undefined },
  { name: 'setRolloutBaseline head', raw: { type: 'setRolloutBaseline', pick: 'head', extra: 1 }, parsed: { type: 'setRolloutBaseline', pick: 'head' } },
  { name: 'setRolloutBaseline saved', raw: { type: 'setRolloutBaseline', pick: 'saved' }, parsed: { type: 'setRolloutBaseline', pick: 'saved' } },
  { name: 'setRolloutBaseline another file (the host asks which)', raw: { type: 'setRolloutBaseline', pick: 'file', uri: 'file:///etc/passwd' }, parsed: { type: 'setRolloutBaseline', pick: 'file' } },
  { name: 'setRolloutBaseline with an unknown pick', raw: { type: 'setRolloutBaseline', pick: 'HEAD~3' }, parsed: undefined },
  { name: 'setRolloutBaseline without a pick', raw: { type: 'setRolloutBaseline' }, parsed: undefined },
  { name: 'an unknown type', raw: { type: 'runCommand', command: 'rm -rf' }, parsed: undefined },
  { name: 'null', raw: null, parsed: undefined },
  { name: 'an array', raw: [{ type: 'ready' }], parsed: undefined },
  { name: 'a string', raw: 'ready', parsed: undefined },
];
for (const c of messages) {
  test(`host messages: ${c.name}`, () => assert.deepEqual(parseWebviewMessage(c.raw), c.parsed));
}

const folders = ['file:///home/me/shop', 'file:///home/me/other%20repo'];
const reveals: Array<{ name: string; uri: string; previewed?: string; allowed: boolean }> = [
  { name: 'a file in a workspace folder', uri: 'file:///home/me/shop/k8s/web.yaml', allowed: true },
  { name: 'a file in a folder with an encoded space', uri: 'file:///home/me/other%20repo/a.yaml', allowed: true },
  { name: 'a file outside every folder', uri: 'file:///etc/passwd', allowed: false },
  { name: 'a sibling folder sharing the prefix', uri: 'file:///home/me/shop-secrets/a.yaml', allowed: false },
  { name: 'a path that climbs out with ..', uri: 'file:///home/me/shop/../../../etc/passwd', allowed: false },
  { name: 'an encoded ..', uri: 'file:///home/me/shop/%2e%2e/%2e%2e/etc/passwd', allowed: false },
  { name: 'a javascript: URI', uri: 'javascript:alert(1)', allowed: false },
  { name: 'an https URI', uri: 'https://example.com/a.yaml', allowed: false },
  { name: 'a command URI', uri: 'command:workbench.action.terminal.new', allowed: false },
  { name: 'a file URI with a query', uri: 'file:///home/me/shop/a.yaml?x=1', allowed: false },
  { name: 'the previewed untitled document itself', uri: 'untitled:Untitled-1', previewed: 'untitled:Untitled-1', allowed: true },
  { name: 'another untitled document', uri: 'untitled:Untitled-2', previewed: 'untitled:Untitled-1', allowed: false },
  { name: 'not a URI', uri: '../../etc/passwd', allowed: false },
];
for (const c of reveals) {
  test(`host reveal: ${c.name} is ${c.allowed ? 'allowed' : 'refused'}`, () => {
    assert.equal(isRevealAllowed(c.uri, folders, c.previewed ?? null), c.allowed);
  });
}

test('host reveal: without a workspace only the previewed file may be revealed', () => {
  assert.equal(isRevealAllowed('file:///tmp/a.yaml', [], 'file:///tmp/a.yaml'), true);
  assert.equal(isRevealAllowed('file:///tmp/b.yaml', [], 'file:///tmp/a.yaml'), false);
});

test('host state: the serializer reads the target back from the saved webview state', () => {
  assert.deepEqual(parsePersistedState({ uri: 'file:///w/a.yaml', scope: 'workspace', neverReady: true, view: 'rollout' }), { uri: 'file:///w/a.yaml', scope: 'workspace', project: null, neverReady: true });
  assert.deepEqual(parsePersistedState(undefined), { uri: null, scope: 'file', project: null, neverReady: false });
  assert.deepEqual(parsePersistedState({ uri: 7, scope: 'x', neverReady: 'true' }), { uri: null, scope: 'file', project: null, neverReady: false });
  assert.deepEqual(parsePersistedState({ uri: 'file:///w/a.yaml', scope: 'project', project: 'file:///w/charts/web' }), { uri: 'file:///w/a.yaml', scope: 'project', project: 'file:///w/charts/web', neverReady: false });
  assert.deepEqual(parsePersistedState({ uri: 'file:///w/a.yaml', scope: 'project', project: 42 }), { uri: 'file:///w/a.yaml', scope: 'file', project: null, neverReady: false });
});

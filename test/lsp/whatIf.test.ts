// drydock/whatIf over real JSON-RPC: the node lifecycle timeline over the dry run behind a preview, on
// the shipped examples/whatif (embedded default cluster), against what `drydock whatif` prints for it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { whatIfDryRun } from '../../server/src/dryRun/whatIfDryRun';
import { timelineLine, whatIfText } from '../../server/src/cli/whatifText';
import type { PreviewModel } from '../../server/src/protocol/preview';
import type { PreviewWhatIf, WhatIfNodeEvent } from '../../server/src/protocol/whatIf';
import { manifestsOf } from '../../server/src/language/manifests';
import { parseFile } from '../../server/src/language/parse/parseFile';
import { LspClient } from '../helpers/lspClient';

const PATH = join(__dirname, '..', '..', 'examples', 'whatif', 'app.yaml');
const TEXT = readFileSync(PATH, 'utf8');
const URI = pathToFileURL(PATH).toString();
const params = { uri: URI, scope: 'file' as const, neverReady: false };

let client: LspClient;
before(async () => {
  client = await LspClient.start();
  await client.open(URI, TEXT);
  const model = await client.sendRequest<PreviewModel | null>('drydock/preview', params);
  assert.ok(model, 'the example previews');
});
after(async () => {
  await client.dispose();
});

const ask = (events: unknown) => client.sendRequest<PreviewWhatIf | null>('drydock/whatIf', { ...params, events });

/** What the CLI's engine says for the same file and events (the report's lines, without the header). */
function cliReport(events: WhatIfNodeEvent[]): { timeline: string[]; verdicts: string[] } {
  const run = whatIfDryRun({ manifests: manifestsOf(URI, parseFile(TEXT)), cluster: null, events });
  const text = whatIfText({ header: '', timeline: run.whatIf.timeline, verdicts: run.verdicts, end: run.whatIf.end, retryingForever: run.whatIf.retryingForever, truncated: run.whatIf.truncated, diagnostics: [] });
  const lines = text.split('\n');
  const verdictsAt = lines.findIndex((l) => l.startsWith('VERDICTS'));
  return { timeline: lines.slice(2, verdictsAt - 1), verdicts: lines.slice(verdictsAt + 1).filter((l) => l.startsWith('  ')).map((l) => l.trim()) };
}

test('whatIf: a node fails — the timeline, its why and the verdicts are the CLI\'s, over the preview\'s run', async () => {
  const events: WhatIfNodeEvent[] = [{ kind: 'node-down', node: 'worker-2a', at: 0 }];
  const answer = await ask(events);
  assert.ok(answer);
  const cli = cliReport(events);
  const width = Math.max(4, ...answer.timeline.map((e) => `+${e.at}s`.length));
  assert.deepEqual(answer.timeline.map((e) => timelineLine(e, width)), cli.timeline);
  assert.deepEqual(answer.lines.map((line, i) => `+${answer.timeline[i].at}s ${line}`).slice(0, 2), ['+50s node worker-2a NotReady', '+50s node worker-2a tainted node.kubernetes.io/unreachable:NoSchedule']);
  assert.match(answer.timeline.find((e) => e.type === 'PodEvicted')?.why ?? '', /toleration of node\.kubernetes\.io\/unreachable:NoExecute lasts 300 s/);
  assert.deepEqual(answer.verdicts.map((v) => v.text), cli.verdicts);
  assert.ok(answer.verdicts.some((v) => v.text === 'web: 2/3 ready from +50s to +365s; never below minAvailable 2, needs 2 (PodDisruptionBudget web)'));
  assert.equal(answer.end, 365);
  assert.deepEqual(answer.moments.map((m) => m.at), [0, 50, 350, 365]);
  assert.equal(answer.moments.reduce((n, m) => n + m.count, 0), answer.timeline.length, 'every entry belongs to one moment');
});

test('whatIf: each moment draws the pods where the engine has them (the last one is the engine\'s final cluster)', async () => {
  const events: WhatIfNodeEvent[] = [{ kind: 'node-down', node: 'worker-1a', at: 0 }];
  const answer = await ask(events);
  assert.ok(answer);
  const run = whatIfDryRun({ manifests: manifestsOf(URI, parseFile(TEXT)), cluster: null, events });
  const last = answer.moments.at(-1);
  assert.ok(last);
  const drawn = last.nodes.flatMap((n) => n.pods.map((p) => `${p.pod}@${n.name} ${p.ready ? 'ready' : 'not ready'}${p.terminating ? ' terminating' : ''}`)).sort();
  const shown = new Set(last.nodes.map((n) => n.name));
  const engine = run.whatIf.pods
    .filter((p) => p.phase !== 'Pending' && shown.has(p.pod.nodeName ?? ''))
    .map((p) => `${p.pod.key}@${p.pod.nodeName} ${p.ready ? 'ready' : 'not ready'}${p.phase === 'Terminating' ? ' terminating' : ''}`)
    .sort();
  assert.deepEqual(drawn, engine);
  assert.ok(drawn.includes('default/db-0@worker-1a not ready terminating'), drawn.join('\n'));
  const at50 = answer.moments.find((m) => m.at === 50)?.nodes.find((n) => n.name === 'worker-1a');
  assert.deepEqual(at50 && { ready: at50.ready, taints: at50.taints }, { ready: false, taints: ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute'] });
  assert.equal(answer.moments[0].nodes.find((n) => n.name === 'worker-1a')?.pods.every((p) => p.ready && !p.terminating), true, 'at +0s every pod runs and is ready');
});

test('whatIf: a drain refused by the budget — the moments follow the retries; the PDB is named', async () => {
  const answer = await ask([{ kind: 'drain', node: 'worker-2b', at: 0 }, { kind: 'drain', node: 'worker-1c', at: 0 }]);
  assert.ok(answer);
  const blocked = answer.timeline.filter((e) => e.type === 'EvictionBlocked');
  assert.equal(blocked.length, 4);
  assert.ok(blocked.every((e) => e.type === 'EvictionBlocked' && e.pdb === 'default/web' && /HTTP 429/.test(e.why ?? '')));
  assert.deepEqual(answer.moments.map((m) => m.at), [0, 0, 5, 10, 15, 20]);
  assert.ok(answer.moments[1].nodes.find((n) => n.name === 'worker-2b')?.unschedulable);
  assert.deepEqual(answer.moments.at(-1)?.pending.filter((p) => p.startsWith('default/web-')).length, 1, 'the last replacement is Pending');
});

test('whatIf: unknown nodes and malformed events', async () => {
  const unknown = await ask([{ kind: 'node-down', node: 'nope', at: 0 }]);
  assert.deepEqual(unknown?.unknownNodes, ['nope']);
  assert.deepEqual(unknown?.timeline, []);
  assert.equal(await ask([{ kind: 'explode', node: 'worker-1a', at: 0 }]), null);
  assert.equal(await ask([{ kind: 'drain', node: 'worker-1a', at: -1 }]), null);
  assert.equal(await ask([]), null);
  assert.equal(await ask('drain:worker-1a'), null);
});

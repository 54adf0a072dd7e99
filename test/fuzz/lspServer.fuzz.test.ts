import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../helpers/lspClient';
import { applyMutation, fileArb, fuzzParameters, manifestArb, mutationArb, type Mutation } from './fuzzConfig';

// Random and mutated manifests, and random edit sequences, over real JSON-RPC: every notification
// is answered with diagnostics, every request is answered, none slower than 1 s, nothing rejects
// unhandled. Replay with FUZZ_SEED=<seed> (and FUZZ_RUNS=<n>); `npm run fuzz` runs longer.

const REQUEST_BUDGET_MS = 1000;
let client: LspClient;
let run = 0;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

before(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  client = await LspClient.start();
  // Schemas load, and each kind's ajv validator compiles, once (a one-time cost of up to ~1 s on a
  // loaded machine): warm every kind the generators use, so the budget applies to steady state.
  const warmup = await fc.sample(manifestArb, { seed: 1, numRuns: 40 });
  await client.open('file:///fuzz/warmup.yaml', [...warmup, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: w}\n'].join('---\n'));
  await client.sendRequest('drydock/preview', { uri: 'file:///fuzz/warmup.yaml', scope: 'file', neverReady: false });
});
after(async () => {
  await client.dispose();
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
});

/** Resolves with the promise's value, or rejects when it takes longer than the budget. */
async function answered<T>(what: string, promise: Promise<T>, budgetMs = REQUEST_BUDGET_MS): Promise<T> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${budgetMs * 5} ms`)), budgetMs * 5);
  });
  try {
    const value = await Promise.race([promise, timeout]);
    const elapsed = performance.now() - start;
    if (elapsed > budgetMs) throw new Error(`${what} took ${elapsed.toFixed(0)} ms (budget ${budgetMs} ms)`);
    return value;
  } finally {
    clearTimeout(timer);
  }
}

interface Probe {
  request: 'hover' | 'completion' | 'symbols' | 'folding' | 'codeActions' | 'preview';
  at: number;
}
const probeArb: fc.Arbitrary<Probe> = fc.record({ request: fc.constantFrom('hover', 'completion', 'symbols', 'folding', 'codeActions', 'preview'), at: fc.double({ min: 0, max: 1, noNaN: true }) });

async function probe(uri: string, doc: TextDocument, p: Probe): Promise<void> {
  const position = doc.positionAt(Math.floor(p.at * doc.getText().length));
  const range = { start: position, end: position };
  switch (p.request) {
    case 'hover':
      return void (await answered('hover', client.hover(uri, position)));
    case 'completion':
      return void (await answered('completion', client.completion(uri, position)));
    case 'symbols':
      return void (await answered('documentSymbol', client.documentSymbols(uri)));
    case 'folding':
      return void (await answered('foldingRange', client.foldingRanges(uri)));
    case 'codeActions':
      return void (await answered('codeAction', client.codeActions(uri, range, [])));
    case 'preview':
      return void (await answered('drydock/preview', client.sendRequest('drydock/preview', { uri, scope: 'file', neverReady: false })));
  }
}

test('fuzz: random and mutated manifests with random edit sequences never crash, hang or stall the server', async () => {
  await fc.assert(
    fc.asyncProperty(fileArb, fc.array(fc.tuple(mutationArb, fc.boolean()), { maxLength: 8 }), fc.array(probeArb, { maxLength: 4 }), async (initial, edits, probes) => {
      const uri = `file:///fuzz/run-${++run}.yaml`;
      let doc = TextDocument.create(uri, 'yaml', 1, initial);
      try {
        const first = await answered('diagnostics on open', client.open(uri, initial));
        assert.ok(Array.isArray(first));
        for (const [mutation, wholeFile] of edits) {
          const change = toChange(doc, mutation, wholeFile);
          doc = TextDocument.update(doc, [change], doc.version + 1);
          await answered(`diagnostics for version ${doc.version}`, client.change(uri, doc.version, [change]));
        }
        for (const p of probes) await probe(uri, doc, p);
      } finally {
        await client.close(uri);
      }
      assert.deepEqual(unhandled, []);
    }),
    fuzzParameters(25),
  );
  assert.deepEqual(unhandled, []);
});

/** An incremental change (a range and its new text), or the whole new text. */
function toChange(doc: TextDocument, mutation: Mutation, wholeFile: boolean): { text: string } | { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const text = doc.getText();
  if (wholeFile) return { text: applyMutation(text, mutation) };
  const at = Math.floor(mutation.at * text.length);
  const end = Math.min(text.length, at + mutation.remove);
  return { range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: mutation.insert };
}

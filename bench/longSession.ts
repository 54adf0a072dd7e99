import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LspClient } from '../test/helpers/lspClient';
import { generateManifests } from './manifestGenerator';
import { percentile } from './stats';

const DOCUMENTS = 500;
const EDITS = 10_000;
const WINDOW = 1_000;

/** A full GC when the runtime allows it (tsx does not pass --expose-gc; the flag can be set at run time). */
function collect(): boolean {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (() => void) | undefined;
    if (typeof gc !== 'function') return false;
    gc();
    gc();
    return true;
  } catch {
    return false;
  }
}

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
function roundedPercentile(values: number[], p: number): number {
  return Math.round(percentile(values, p) * 100) / 100;
}

/**
 * A long editing session: 10,000 one-line edits spread over a 500-document file, each awaited until
 * its diagnostics are published, over the LSP client. Heap and RSS at the start (file open,
 * after GC), right after the edits and after a full GC; latency p50/p99 of the first and last 1,000 edits.
 */
export async function benchLongSession(): Promise<Record<string, number | string>> {
  const client = await LspClient.start();
  const uri = 'file:///bench/long-session.yaml';
  const text = generateManifests(DOCUMENTS);
  await client.open(uri, text);
  const lines = text.split('\n');
  const targets = lines.flatMap((line, i) => (line.startsWith('  replicas: ') ? [i] : []));
  const gcAvailable = collect();
  const start = process.memoryUsage();
  const latencies: number[] = [];
  for (let edit = 0; edit < EDITS; edit++) {
    const line = targets[(edit * 7) % targets.length];
    const started = performance.now();
    // replicas 1..3: the file stays valid; dry-run findings may join the diagnostics when the edits pause.
    await client.change(uri, edit + 2, [{ range: { start: { line, character: 12 }, end: { line, character: 13 } }, text: String((edit % 3) + 1) }]);
    latencies.push(performance.now() - started);
    client.published.length = 0; // the test client keeps every publish: not the server's memory
  }
  const after = process.memoryUsage();
  collect();
  const collected = process.memoryUsage();
  await client.close(uri);
  await client.dispose();
  client.published.length = 0;
  const first = latencies.slice(0, WINDOW);
  const last = latencies.slice(-WINDOW);
  return {
    'longSession: documents': DOCUMENTS,
    'longSession: edits': EDITS,
    'longSession: gc available': gcAvailable ? 'yes' : 'no (figures without a forced GC)',
    'longSession: heap start MB': mb(start.heapUsed),
    'longSession: heap after edits MB': mb(after.heapUsed),
    'longSession: heap after GC MB': mb(collected.heapUsed),
    'longSession: heap growth after GC MB': mb(collected.heapUsed - start.heapUsed),
    'longSession: rss start MB': mb(start.rss),
    'longSession: rss after edits MB': mb(after.rss),
    'longSession: rss after GC MB': mb(collected.rss),
    'longSession: first 1000 edits p50 ms': roundedPercentile(first, 0.5),
    'longSession: first 1000 edits p99 ms': roundedPercentile(first, 0.99),
    'longSession: last 1000 edits p50 ms': roundedPercentile(last, 0.5),
    'longSession: last 1000 edits p99 ms': roundedPercentile(last, 0.99),
  };
}

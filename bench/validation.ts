import { performance } from 'node:perf_hooks';
import { LanguageService } from '../server/src/language/languageService';
import { schemaStoreFromFiles } from '../server/src/schemaFiles';
import { parseFile } from '../server/src/language/parse/parseFile';
import { LspClient } from '../test/helpers/lspClient';
import { generateManifests } from './manifestGenerator';
import { median } from './stats';

const DOCUMENTS = 2000;

/**
 * Cold validation throughput (documents/s, parse + validate, schemas already loaded and compiled)
 * and server-side edit-to-diagnostics latency for a one-character edit in a 2,000-document file.
 */
export async function benchValidation(): Promise<Record<string, number | string>> {
  const text = generateManifests(DOCUMENTS);
  const service = new LanguageService(schemaStoreFromFiles());
  const settings = { kubernetesVersion: '1.36' };
  const warmStart = performance.now();
  service.validateFile(parseFile(generateManifests(8)), settings);
  const schemaWarmupMs = performance.now() - warmStart;

  // The first full-size run (JIT still cold) is reported on its own; the throughput is the median of
  // the steady-state runs after two warm-up runs. No run reuses a cache: each parses and validates anew.
  const firstStart = performance.now();
  service.validateFile(parseFile(text), settings);
  const firstRunMs = performance.now() - firstStart;
  service.validateFile(parseFile(text), settings);
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const findings = service.validateFile(parseFile(text), settings);
    runs.push(performance.now() - start);
    if (findings.length) throw new Error(`benchmark manifests should be valid: ${findings[0].message}`);
  }
  const coldMs = median(runs);

  const client = await LspClient.start();
  const uri = 'file:///bench/big.yaml';
  await client.open(uri, text);
  const lines = text.split('\n');
  const target = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('  replicas: 3'));
  const latencies: number[] = [];
  for (let version = 2; version < 52; version++) {
    const start = performance.now();
    const next = version % 2 === 0 ? '4' : '3';
    const diagnostics = await client.change(uri, version, [{ range: { start: { line: target, character: 12 }, end: { line: target, character: 13 } }, text: next }]);
    latencies.push(performance.now() - start);
    // Only validation matters here; the dry run (a moment after the last edit) may add sim/* findings.
    if (diagnostics.some((d) => /^(yaml|schema)\//.test(String(d.code)))) throw new Error('unexpected diagnostics');
  }
  await client.dispose();
  return {
    'validation: documents': DOCUMENTS,
    'validation: schema load + compile (first use), ms': Math.round(schemaWarmupMs),
    'validation: first full run after start (JIT cold), ms': Math.round(firstRunMs),
    'validation: cold parse + validate (no cache, median of 7), ms': Math.round(coldMs),
    'validation: cold throughput, documents/s': Math.round(DOCUMENTS / (coldMs / 1000)),
    'validation: one-character edit → diagnostics, median ms': Number(median(latencies).toFixed(2)),
    'validation: one-character edit → diagnostics, max ms': Number(Math.max(...latencies).toFixed(2)),
  };
}

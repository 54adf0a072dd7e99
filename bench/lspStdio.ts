import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../test/helpers/lspClient';
import { parseDocument } from 'yaml';
import { corpusManifests } from './corpusManifests';
import { generateManifests } from './manifestGenerator';
import { percentile } from './stats';

/**
 * What an editor sees: the built server (`dist/server.js --stdio`) in its own process, spoken to over
 * stdio JSON-RPC like VS Code's client, nothing in-process. At 100, 500 and 2,000 documents:
 * open → first publish (and whether it already holds every planted schema error), open → settled
 * (the last publish before a quiet second), a keystroke → its validation publish while the dry run of
 * earlier keystrokes is due (keystrokes 60–460 ms apart, so the 250 ms dry run fires between some of
 * them), a keystroke → settled, and completion. Then the same on 2,000 real manifests from the
 * reference corpus when it is beside the repository (corpusManifests.ts; `DRYDOCK_BENCH_LSP_REAL=0`
 * leaves it out): custom resources, policies and a few broken documents, as real files have.
 */
const SIZES = process.env.DRYDOCK_BENCH_LSP_SIZES ? process.env.DRYDOCK_BENCH_LSP_SIZES.split(',').map(Number) : [100, 500, 2_000];
const KEYSTROKES = 60;
const QUIET_MS = 2_000;
/** Pauses between keystrokes: a typist's rhythm, some shorter than the dry run's delay, some longer. */
const PAUSES = [60, 120, 300, 90, 460, 180, 350, 70];
const PLANTED_EVERY = 40;

const round = (ms: number) => Math.round(ms * 10) / 10;
const roundedPercentile = (values: number[], p: number) => round(percentile(values, p));
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Kinds whose `spec.replicas` is a field, so that `spec.replica` is an unknown one. */
const WORKLOAD = /^kind: (Deployment|StatefulSet|ReplicaSet|ReplicationController)\s*$/m;

/** The file with one unknown field (`replica:`) planted in every PLANTED_EVERY-th document, when it is a workload with `replicas` and well-formed YAML. */
function plantedFile(manifests: string): { text: string; planted: number } {
  const docs = manifests.split('\n---\n');
  let planted = 0;
  for (let i = 0; i < docs.length; i += PLANTED_EVERY) {
    if (!docs[i].includes('\n  replicas: ') || !WORKLOAD.test(docs[i]) || parseDocument(docs[i]).errors.length > 0) continue;
    docs[i] = docs[i].replace('\n  replicas: ', '\n  replica: ');
    planted++;
  }
  return { text: docs.join('\n---\n'), planted };
}

const plantedIn = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'schema/unknown-field' && d.message.startsWith('`replica`')).length;

interface Recorder {
  publishes: Array<{ at: number; params: PublishDiagnosticsParams }>;
  stop(): void;
}

function record(client: LspClient, uri: string): Recorder {
  const publishes: Recorder['publishes'] = [];
  const listener = (params: PublishDiagnosticsParams) => {
    if (params.uri === uri) publishes.push({ at: performance.now(), params });
  };
  client.publishListeners.add(listener);
  return { publishes, stop: () => client.publishListeners.delete(listener) };
}

/** Resolves when `recorder` has seen no publish for QUIET_MS; with the time of the last one (or undefined). */
async function settled(recorder: Recorder, since: number): Promise<number | undefined> {
  for (;;) {
    const last = recorder.publishes.at(-1)?.at ?? since;
    const quietFor = performance.now() - last;
    if (quietFor >= QUIET_MS) return recorder.publishes.at(-1)?.at;
    await delay(QUIET_MS - quietFor + 5);
  }
}

async function benchSize(serverPath: string, label: string, manifests: string, results: Record<string, number | string>): Promise<void> {
  const client = await LspClient.spawnBuilt(serverPath);
  const prefix = `lsp stdio ${label}`;
  // Warm the server as a session does: one small manifest opened and closed first.
  const warmUri = 'file:///bench/warm.yaml';
  const warm = record(client, warmUri);
  const warmStart = performance.now();
  await client.open(warmUri, generateManifests(8));
  results[`${prefix}: cold server, 8-document warm-up open → first publish ms`] = round(warm.publishes[0].at - warmStart);
  await settled(warm, warmStart);
  await client.close(warmUri);
  warm.stop();

  const uri = `file:///bench/lsp-${label.replace(/\W+/g, '-')}.yaml`;
  const { text, planted } = plantedFile(manifests);
  const recorder = record(client, uri);
  const opened = performance.now();
  await client.open(uri, text);
  const first = recorder.publishes[0];
  results[`${prefix}: open → first publish ms`] = round(first.at - opened);
  results[`${prefix}: planted schema errors in the first publish`] = `${plantedIn(first.params.diagnostics)}/${planted}`;
  await client.diagnosticsUntil(uri, (d) => plantedIn(d) === planted, first.params.diagnostics);
  const validated = recorder.publishes.find((p) => plantedIn(p.params.diagnostics) === planted)!;
  results[`${prefix}: open → validation complete ms`] = round(validated.at - opened);
  const openSettled = await settled(recorder, opened);
  results[`${prefix}: open → settled ms`] = round((openSettled ?? opened) - opened);
  results[`${prefix}: publishes after open`] = recorder.publishes.length;

  // Keystrokes: one character of a `replicas:` value (1..3, so the file stays as valid as it was).
  const lines = text.split('\n');
  const targets = lines.flatMap((line, i) => (line.startsWith('  replicas: ') ? [i] : []));
  let version = 1;
  const latencies: number[] = [];
  for (let k = 0; k < KEYSTROKES; k++) {
    const line = targets[(k * 7) % targets.length];
    version++;
    const sent = performance.now();
    const diagnostics = await client.change(uri, version, [{ range: { start: { line, character: 12 }, end: { line, character: 13 } }, text: String((k % 3) + 1) }]);
    latencies.push(performance.now() - sent);
    if (plantedIn(diagnostics) !== planted) results[`${prefix}: keystroke publish lost planted errors`] = `version ${version}: ${plantedIn(diagnostics)}/${planted}`;
    await delay(PAUSES[k % PAUSES.length]);
  }
  results[`${prefix}: keystroke → validation publish p50 ms`] = roundedPercentile(latencies, 0.5);
  results[`${prefix}: keystroke → validation publish p90 ms`] = roundedPercentile(latencies, 0.9);
  results[`${prefix}: keystroke → validation publish max ms`] = round(Math.max(...latencies));
  await settled(recorder, performance.now());

  const settles: number[] = [];
  for (let k = 0; k < 3; k++) {
    const line = targets[(k * 11) % targets.length];
    version++;
    const before = recorder.publishes.length;
    const sent = performance.now();
    await client.change(uri, version, [{ range: { start: { line, character: 12 }, end: { line, character: 13 } }, text: String(((k + 1) % 3) + 1) }]);
    const last = await settled(recorder, sent);
    if (last !== undefined && recorder.publishes.length > before) settles.push(last - sent);
  }
  results[`${prefix}: keystroke → settled (dry run and workspace rules published) median ms`] = roundedPercentile(settles, 0.5);

  const keyLine = targets[Math.floor(targets.length / 2)];
  const completions: number[] = [];
  for (let k = 0; k < 20; k++) {
    const sent = performance.now();
    await client.completion(uri, { line: keyLine + 1, character: 2 });
    completions.push(performance.now() - sent);
  }
  results[`${prefix}: completion p50 ms`] = roundedPercentile(completions, 0.5);
  recorder.stop();
  await client.dispose();
}

export async function benchLspStdio(): Promise<Record<string, number | string>> {
  const serverPath = join(process.cwd(), 'dist', 'server.js');
  const results: Record<string, number | string> = {};
  for (const size of SIZES) await benchSize(serverPath, `${size} docs`, generateManifests(size), results);
  const real = process.env.DRYDOCK_BENCH_LSP_REAL === '0' ? undefined : corpusManifests(2_000);
  if (real !== undefined) await benchSize(serverPath, '2000 real docs', real, results);
  return results;
}

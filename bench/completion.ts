import { performance } from 'node:perf_hooks';
import { LspClient } from '../test/helpers/lspClient';
import { generateManifests } from './manifestGenerator';
import { median } from './stats';

const DOCUMENTS = 2000;
const RUNS = 60;

/**
 * Completion latency over real JSON-RPC in a 2,000-document file: keys inside a container and enum
 * values, on an unchanged file and right after an edit (before the edit's validation has run).
 */
export async function benchCompletion(): Promise<Record<string, number | string>> {
  const text = generateManifests(DOCUMENTS);
  const lines = text.split('\n');
  const client = await LspClient.start();
  const uri = 'file:///bench/completion.yaml';
  await client.open(uri, text);
  // A container line in the middle of the file: `        image: registry.example.com/...`.
  const imageLine = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('        image: '));
  const keyPosition = { line: imageLine, character: 8 };
  const policyLine = imageLine;

  const keyLatencies: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const items = await client.completion(uri, keyPosition);
    keyLatencies.push(performance.now() - start);
    if (!items.some((item) => item.label === 'imagePullPolicy')) throw new Error('completion bench: expected container keys');
  }

  const editLatencies: number[] = [];
  let version = 1;
  for (let i = 0; i < RUNS; i++) {
    // Type `imagePullPolicy: ` on a new line under the image, then ask for its values at once.
    version++;
    const insert = i % 2 === 0;
    const change = insert
      ? { range: { start: { line: policyLine, character: 0 }, end: { line: policyLine, character: 0 } }, text: '        imagePullPolicy: \n' }
      : { range: { start: { line: policyLine, character: 0 }, end: { line: policyLine + 1, character: 0 } }, text: '' };
    const diagnostics = client.change(uri, version, [change]);
    if (insert) {
      const start = performance.now();
      const items = await client.completion(uri, { line: policyLine, character: 25 });
      editLatencies.push(performance.now() - start);
      if (!items.some((item) => item.label === 'IfNotPresent')) throw new Error('completion bench: expected imagePullPolicy values');
    }
    await diagnostics;
  }
  await client.dispose();
  return {
    'completion: documents': DOCUMENTS,
    'completion: keys in a container, median ms': Number(median(keyLatencies).toFixed(2)),
    'completion: keys in a container, max ms': Number(Math.max(...keyLatencies).toFixed(2)),
    'completion: values right after an edit, median ms': Number(median(editLatencies).toFixed(2)),
    'completion: values right after an edit, max ms': Number(Math.max(...editLatencies).toFixed(2)),
  };
}

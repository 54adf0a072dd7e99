/**
 * An editing session with the Drydock language server, run by test/hostile/offline.test.ts in a child
 * process that has the network blocked (blockNetwork.cjs): the server (in this process, over real
 * JSON-RPC: test/helpers/lspClient.ts) scans examples/ as its workspace folder, then every example is
 * opened and validated, dry-run through `drydock/preview` (file and workspace scope), hovered,
 * completed and edited. Prints one JSON line with what the session saw; exits non-zero if it failed.
 *
 * It is bundled first (esbuild), so that the child runs no TypeScript loader: tsx itself opens a local
 * socket, which the preload would rightly count.
 *
 *   node --require test/hostile/noNetwork/blockNetwork.cjs <bundle of this file> <examples folder>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../../helpers/lspClient';
import type { PreviewModel } from '../../../server/src/protocol/preview';

export interface SessionSummary {
  files: number;
  diagnostics: number;
  previews: number;
  previewNodes: number;
  previewPods: number;
  hovers: number;
  completions: number;
  diagnosticsAfterEdit: string[];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [join(dir, entry.name)] : []));
}

async function session(folder: string): Promise<SessionSummary> {
  const client = await LspClient.startInWorkspace(pathToFileURL(folder).toString(), {
    kubernetesVersion: '1.36',
    validate: { enable: true },
    bestPractices: { enable: true },
    cluster: 'cluster.yaml',
  });
  const summary: SessionSummary = { files: 0, diagnostics: 0, previews: 0, previewNodes: 0, previewPods: 0, hovers: 0, completions: 0, diagnosticsAfterEdit: [] };
  try {
    const opened: Array<{ uri: string; text: string }> = [];
    for (const path of yamlFiles(folder)) {
      const uri = pathToFileURL(path).toString();
      const text = readFileSync(path, 'utf8');
      summary.diagnostics += (await client.open(uri, text)).length;
      summary.files++;
      opened.push({ uri, text });
    }
    for (const [i, { uri }] of opened.entries()) {
      // The dry run of each file, and once of the whole workspace.
      for (const scope of i === 0 ? (['file', 'workspace'] as const) : (['file'] as const)) {
        const model = await client.sendRequest<PreviewModel | null>('drydock/preview', { uri, scope, neverReady: false });
        if (!model) continue;
        summary.previews++;
        summary.previewNodes = Math.max(summary.previewNodes, model.simulation.nodes.length);
        summary.previewPods = Math.max(summary.previewPods, model.simulation.pods.length);
      }
      if (await client.hover(uri, { line: 1, character: 2 })) summary.hovers++;
      if ((await client.completion(uri, { line: 2, character: 0 })).length > 0) summary.completions++;
    }
    // An edit: a document with an unknown field appended to the first file (the whole text replaced).
    const { uri, text } = opened[0];
    const first = await client.change(uri, 2, [{ text: `${text}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: offline-edit}\nbogus: 1\n` }]);
    const edited = await client.diagnosticsUntil(uri, (all) => all.some((d) => d.code === 'schema/unknown-field'), first);
    summary.diagnosticsAfterEdit = [...new Set(edited.map((d) => String(d.code)))].sort();
  } finally {
    await client.dispose();
  }
  return summary;
}

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: lspSession.ts <folder>\n');
  process.exitCode = 2;
} else {
  session(folder).then(
    (summary) => process.stdout.write(JSON.stringify(summary) + '\n'),
    (error: unknown) => {
      process.stderr.write(`session failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

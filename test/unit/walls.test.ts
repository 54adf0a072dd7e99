import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';

/**
 * The walls of eslint.config.mjs bite: each planted import (or clock read) below is linted as if it
 * were in the named file, with the project's own config (less its type-aware rules, which need the
 * file on disk; `npm run lint` runs them). Each wall has a case that it refuses and one that it lets by.
 */

const ROOT = join(__dirname, '..', '..');
const TYPE_AWARE = ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises'];

async function linter(): Promise<ESLint> {
  const config = ((await import(pathToFileURL(join(ROOT, 'eslint.config.mjs')).href)) as { default: Linter.Config[] }).default;
  const untyped = config.map((entry) => {
    if (!entry.rules && !entry.languageOptions) return entry;
    const rules = Object.fromEntries(Object.entries(entry.rules ?? {}).filter(([name]) => !TYPE_AWARE.includes(name)));
    const languageOptions = entry.languageOptions && { ...entry.languageOptions, parserOptions: {} };
    return { ...entry, rules, ...(languageOptions ? { languageOptions } : {}) };
  });
  return new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: untyped });
}

const cases: Array<{ name: string; file: string; code: string; refused: string | null }> = [
  { name: 'simulator imports no IO module', file: 'server/src/simulator/model/planted.ts', code: "import { readFileSync } from 'node:fs';", refused: 'no-restricted-imports' },
  { name: 'simulator imports no child_process', file: 'server/src/simulator/planted.ts', code: "import { execFile } from 'child_process';", refused: 'no-restricted-imports' },
  { name: 'simulator imports no vscode-languageserver', file: 'server/src/simulator/network/planted.ts', code: "import type { Connection } from 'vscode-languageserver/node';", refused: 'no-restricted-imports' },
  { name: 'simulator imports nothing from language/', file: 'server/src/simulator/scheduler/plugins/planted.ts', code: "import type { Finding } from '../../../language/findings';", refused: 'no-restricted-imports' },
  { name: 'simulator imports nothing from handlers/', file: 'server/src/simulator/planted.ts', code: "import { DocumentStates } from '../handlers/documentState';", refused: 'no-restricted-imports' },
  { name: 'simulator imports nothing from cli/', file: 'server/src/simulator/model/planted.ts', code: "import { stripBom } from '../../cli/inputs';", refused: 'no-restricted-imports' },
  { name: 'simulator imports the simulator', file: 'server/src/simulator/model/planted.ts', code: "import type { SimPod } from './pod';\nimport { simulate } from '../simulate';", refused: null },
  { name: 'simulator reads no clock', file: 'server/src/simulator/planted.ts', code: 'export const at = Date.now();', refused: 'no-restricted-properties' },
  { name: 'simulator draws no random numbers', file: 'server/src/simulator/planted.ts', code: 'export const dice = Math.random();', refused: 'no-restricted-properties' },
  { name: 'language imports no vscode', file: 'server/src/language/hover/planted.ts', code: "import * as vscode from 'vscode';", refused: 'no-restricted-imports' },
  { name: 'language imports no fs/promises', file: 'server/src/language/schema/planted.ts', code: "import { readFile } from 'node:fs/promises';", refused: 'no-restricted-imports' },
  { name: 'language imports no worker_threads', file: 'server/src/language/planted.ts', code: "import { Worker } from 'worker_threads';", refused: 'no-restricted-imports' },
  { name: 'language imports nothing from cli/', file: 'server/src/language/parse/planted.ts', code: "import { readInputs } from '../../cli/inputs';", refused: 'no-restricted-imports' },
  { name: 'language imports nothing from handlers/', file: 'server/src/language/planted.ts', code: "import type { FeatureDeps } from '../handlers/featureDocument';", refused: 'no-restricted-imports' },
  { name: 'language imports the simulator and protocol/', file: 'server/src/language/planted.ts', code: "import type { SimFinding } from '../simulator/model/source';\nimport { SUPPORTED_VERSIONS } from '../protocol/versions';", refused: null },
  { name: 'language builds no clock', file: 'server/src/language/planted.ts', code: 'export const now = new Date();', refused: 'no-restricted-syntax' },
  { name: 'client imports nothing of the server but protocol/', file: 'client/src/planted.ts', code: "import { SchemaStore } from '../../server/src/language/schema/schemaStore';", refused: 'no-restricted-imports' },
  { name: 'client imports protocol/', file: 'client/src/preview/planted.ts', code: "import { PreviewRequest } from '../../../server/src/protocol/requests';\nimport { SUPPORTED_VERSIONS } from '../../../server/src/protocol/versions';", refused: null },
  { name: 'client loads no language server library', file: 'client/src/planted.ts', code: "import { createConnection } from 'vscode-languageserver/node';", refused: 'no-restricted-imports' },
  { name: 'webview imports nothing of the server but protocol/', file: 'client/webview/planted.ts', code: "import type { SimPod } from '../../server/src/simulator/model/pod';", refused: 'no-restricted-imports' },
  { name: 'webview imports no JSON-RPC objects', file: 'client/webview/planted.ts', code: "import { PreviewRequest } from '../../server/src/protocol/requests';", refused: 'no-restricted-imports' },
  { name: 'webview imports no vscode', file: 'client/webview/planted.ts', code: "import * as vscode from 'vscode';", refused: 'no-restricted-imports' },
  { name: 'webview imports the type-only protocol files', file: 'client/webview/planted.ts', code: "import type { PreviewModel } from '../../server/src/protocol/preview';\nimport type { HostToWebview } from '../../server/src/protocol/webviewMessages';", refused: null },
  { name: 'protocol files import only each other', file: 'server/src/protocol/planted.ts', code: "import type { Finding } from '../language/findings';", refused: 'no-restricted-imports' },
  { name: 'handlers import nothing from cli/', file: 'server/src/handlers/planted.ts', code: "import { stripBom } from '../cli/inputs';", refused: 'no-restricted-imports' },
  { name: 'dryRun imports nothing from cli/', file: 'server/src/dryRun/planted.ts', code: "import { locateFindings } from '../cli/locatedFindings';", refused: 'no-restricted-imports' },
  { name: 'the server entry imports nothing from cli/', file: 'server/src/planted.ts', code: "import { runCli } from './cli/main';", refused: 'no-restricted-imports' },
  { name: 'bench imports nothing from cli/', file: 'bench/planted.ts', code: "import { runCheck } from '../server/src/cli/check';", refused: 'no-restricted-imports' },
  { name: 'the CLI imports the CLI', file: 'server/src/cli/planted.ts', code: "import { readInputs } from './inputs';\nimport { parseFile } from '../language/parse/parseFile';", refused: null },
  { name: 'tests import the CLI', file: 'test/cli/planted.ts', code: "import { runCheck } from '../../server/src/cli/check';", refused: null },
];

const eslint = linter();

for (const c of cases) {
  test(`walls: ${c.name}`, async () => {
    const [result] = await (await eslint).lintText(c.code + '\n', { filePath: join(ROOT, c.file) });
    const rules = result.messages.map((m) => m.ruleId ?? m.message);
    assert.deepEqual(rules, c.refused ? [c.refused] : [], `${c.file}: ${c.code}`);
  });
}

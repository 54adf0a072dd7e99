/**
 * Activation cost of the built extension (dist/client.js), measured in CPU time so that a busy
 * machine does not change the verdict: loading the bundle and calling `activate` must stay well
 * under the 100 ms, and must not load the language client library (which starts the
 * server) while no manifest is open. VS Code's own wall-clock figure is checked in code-server by
 * drydock.e2e.test.ts. The `vscode` module is a permissive stand-in that records what is called.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from './codeServer';

const CLIENT = join(REPO_ROOT, 'dist', 'client.js');
const LSP_CLIENT_LIB = join(REPO_ROOT, 'dist', 'lspClientLib.js');
const BUDGET_MS = 100;

/** Every property is a callable, constructible stand-in; iterating one yields nothing; calls are recorded. */
function fakeVscode(calls: string[]): Record<string, unknown> {
  const make = (path: string): unknown => {
    const assigned = new Map<PropertyKey, unknown>();
    return new Proxy(function stub() {}, {
    set(_target, key, value) {
      assigned.set(key, value);
      return true;
    },
    get(_target, key) {
      if (assigned.has(key)) return assigned.get(key);
      if (key === Symbol.iterator) return function* empty() {};
      if (key === Symbol.toPrimitive) return () => path;
      if (key === 'then') return undefined; // not a promise
      if (typeof key === 'symbol') return undefined;
      return make(`${path}.${key}`);
    },
    apply() {
      calls.push(path);
      return make(`${path}()`);
    },
    construct() {
      calls.push(`new ${path}`);
      return make(`new ${path}`) as object;
    },
  });
  };
  // Namespaces as own properties: the bundle copies them (esbuild's __toESM) rather than reading through.
  return Object.fromEntries(VSCODE_NAMESPACES.map((name) => [name, make(`vscode.${name}`)]));
}

const VSCODE_NAMESPACES = [
  'window', 'workspace', 'commands', 'languages', 'env', 'extensions', 'debug', 'tasks', 'l10n', 'tests',
  'Uri', 'Disposable', 'EventEmitter', 'Range', 'Position', 'Selection', 'Location', 'CodeLens', 'CodeAction',
  'CodeActionKind', 'Diagnostic', 'DiagnosticSeverity', 'Hover', 'MarkdownString', 'ThemeIcon', 'ThemeColor',
  'StatusBarAlignment', 'ViewColumn', 'ConfigurationTarget', 'TextEdit', 'WorkspaceEdit', 'CancellationTokenSource',
  'RelativePattern', 'FileSystemError', 'ProgressLocation', 'TabInputText', 'TabInputWebview', 'LogLevel',
];

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

describe('activation of the built extension', () => {
  it('loads and activates within budget without loading the language client or starting the server', async () => {
    assert.ok(existsSync(CLIENT), 'dist/client.js is built (npm run build)');
    const calls: string[] = [];
    const vscode = fakeVscode(calls);
    const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown });
    const originalLoad = load._load;
    load._load = function (request: string, ...rest: unknown[]) {
      if (request === 'vscode') return vscode;
      return originalLoad.call(this, request, ...rest);
    };
    try {
      const start = process.cpuUsage();
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle, loaded as VS Code loads it
      const extension = require(CLIENT) as { activate(context: unknown): unknown };
      await extension.activate(fakeVscode(calls).window); // any stand-in object serves as the ExtensionContext
      const spent = cpuMs(start);
      console.log(`# dist/client.js: require + activate took ${spent.toFixed(1)} ms of CPU (budget ${BUDGET_MS} ms)`);
      assert.ok(spent < BUDGET_MS, `require + activate took ${spent.toFixed(1)} ms of CPU; the budget is ${BUDGET_MS} ms`);
      // The language client library (and so the server) is loaded only for the first manifest.
      assert.equal(require.cache[LSP_CLIENT_LIB], undefined, 'dist/lspClientLib.js is not loaded while no manifest is open');
      assert.ok(calls.some((call) => call === 'vscode.commands.registerCommand'), 'the commands are registered at activation');
    } finally {
      load._load = originalLoad;
    }
  });
});

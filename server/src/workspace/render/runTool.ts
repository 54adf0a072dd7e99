import { childProcess } from '../../lazyNodeModules';

/**
 * Runs a user's helm or kustomize: with a time limit, a bound on what it may print, and no way out to
 * the network. Every proxy variable points at a closed local port, so a tool that tries to fetch
 * (a remote kustomize base, a chart repository) fails at once instead of reaching the internet; git
 * is told never to prompt. Never throws: every outcome is a value.
 */
export type ToolResult =
  | { kind: 'ok'; stdout: string; stderr: string }
  | { kind: 'failed'; exitCode: number | null; stderr: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'not-found'; command: string };

export interface ToolRun {
  command: string;
  args: readonly string[];
  cwd: string;
  timeoutMs: number;
  /** stdout larger than this stops the tool (the rendered output would not be validated anyway). */
  maxOutputBytes: number;
}

const CLOSED_PROXY = 'http://127.0.0.1:9';

export function offlineEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy']) env[name] = CLOSED_PROXY;
  delete env.NO_PROXY;
  delete env.no_proxy;
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_ALLOW_PROTOCOL = 'file';
  return env;
}

export function runTool(run: ToolRun): Promise<ToolResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: ToolResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let child;
    try {
      // Its own process group, so a timeout stops whatever it started too.
      child = childProcess().spawn(run.command, [...run.args], { cwd: run.cwd, env: offlineEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    } catch {
      resolve({ kind: 'not-found', command: run.command });
      return;
    }
    const stop = (): void => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      stop();
      finish({ kind: 'timeout', seconds: Math.round(run.timeoutMs / 100) / 10 });
    }, run.timeoutMs);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > run.maxOutputBytes) {
        stop();
        finish({ kind: 'too-large', bytes: outBytes });
      } else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      // Only the start of a long error matters.
      if (errBytes < 64 * 1024) err.push(chunk);
      errBytes += chunk.length;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(error.code === 'ENOENT' || error.code === 'EACCES' ? { kind: 'not-found', command: run.command } : { kind: 'failed', exitCode: null, stderr: error.message });
    });
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8');
      finish(code === 0 ? { kind: 'ok', stdout: Buffer.concat(out).toString('utf8'), stderr } : { kind: 'failed', exitCode: code, stderr });
    });
  });
}

/**
 * A small test runner for the extension host (mocha is not a dependency): tests are registered with
 * `test()`, run in order by `runAll()`, each with a time limit, and reported one line each, with a
 * closing "N passed, N failed, N skipped" line. `runAll` rejects when a test failed, which makes
 * @vscode/test-electron (or code-server) report a failed run.
 */

export interface TestOptions {
  /** Why the test is skipped; skipped tests do not run. */
  skip?: string;
  timeout?: number;
}

interface Registered {
  name: string;
  body: () => Promise<void>;
  options: TestOptions;
}

const registered: Registered[] = [];

export function test(name: string, body: () => Promise<void>, options: TestOptions = {}): void {
  registered.push({ name, body, options });
}

export interface RunSummary {
  passed: number;
  failed: number;
  skipped: number;
  /** Every line reported, in order. */
  lines: string[];
}

function withTimeout(promise: Promise<void>, ms: number, name: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`"${name}" did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

export async function runAll(print: (line: string) => void = (line) => console.log(line)): Promise<RunSummary> {
  const summary: RunSummary = { passed: 0, failed: 0, skipped: 0, lines: [] };
  const log = (line: string) => {
    summary.lines.push(line);
    print(line);
  };
  for (const { name, body, options } of registered) {
    if (options.skip) {
      summary.skipped++;
      log(`﹣ ${name} # SKIP ${options.skip}`);
      continue;
    }
    const started = Date.now();
    try {
      await withTimeout(body(), options.timeout ?? 120_000, name);
      summary.passed++;
      log(`✔ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      summary.failed++;
      log(`✖ ${name} (${Date.now() - started} ms)`);
      log(`  ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`.replace(/\n/g, '\n  '));
    }
  }
  log(`${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
  return summary;
}

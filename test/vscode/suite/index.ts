/**
 * Entry of the extension-host test run (bundled by test/vscode/bundle.ts). VS Code calls `run` with
 * the tests path (and a callback, unused: the returned promise decides); the code-server helper
 * (test/e2e/vscodeApi.e2e.test.ts) passes a function that receives the report lines instead.
 * Rejects when a scenario failed, so that the run exits non-zero.
 */
import { runAll } from './runner';
import './scenarios';

export async function run(print?: unknown): Promise<void> {
  const summary = await runAll(typeof print === 'function' ? (print as (line: string) => void) : undefined);
  if (summary.failed > 0) throw new Error(`${summary.failed} of ${summary.passed + summary.failed} Drydock scenarios failed:\n${summary.lines.join('\n')}`);
  if (summary.passed === 0) throw new Error('no Drydock scenario ran');
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/runCli';
import { envWithoutTools } from '../helpers/renderTools';

const FIX = 'test/fixtures/projects';

/** The findings of a `--format json` run above information (errors and warnings), as `path:line code`. */
function problems(stdout: string): string[] {
  const report = JSON.parse(stdout) as { files: Array<{ path: string; diagnostics: Array<{ severity: string; code: string; range: { start: { line: number } } }> }> };
  return report.files.flatMap((file) => file.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${file.path}:${d.range.start.line} ${d.code}`));
}

const cases: Array<{ name: string; dir: string; notes: string[] }> = [
  { name: 'a helm create-style chart', dir: `${FIX}/chart`, notes: [`${FIX}/chart/Chart.yaml`] },
  { name: 'the staging overlay', dir: `${FIX}/kustomize/overlays/staging`, notes: [`${FIX}/kustomize/overlays/staging/kustomization.yaml`] },
  { name: 'the prod overlay', dir: `${FIX}/kustomize/overlays/prod`, notes: [`${FIX}/kustomize/overlays/prod/kustomization.yaml`] },
  {
    name: 'the base, the component and both overlays together',
    dir: `${FIX}/kustomize`,
    // The overlays are rendered (so noted, with no tool here); the base they build on and the component are not built alone.
    notes: ['overlays/prod', 'overlays/staging'].map((dir) => `${FIX}/kustomize/${dir}/kustomization.yaml`),
  },
];

for (const { name, dir, notes } of cases) {
  test(`check projects: ${name} has no finding above information and exits 0 (no helm or kustomize installed)`, { timeout: 30_000 }, async () => {
    const run = await runCli(['check', '--format', 'json', dir], undefined, envWithoutTools());
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(problems(run.stdout), []);
    const report = JSON.parse(run.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string }> }> };
    assert.deepEqual(report.files.filter((f) => f.diagnostics.some((d) => d.code === 'render/not-rendered')).map((f) => f.path), notes);
  });
}

test('check projects: the text report of a chart is one note, no template or values finding', { timeout: 30_000 }, async () => {
  const run = await runCli(['check', `${FIX}/chart`], undefined, envWithoutTools());
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^test\/fixtures\/projects\/chart\/Chart\.yaml:1:1: information render\/not-rendered /m);
  assert.match(run.stdout, /0 error\(s\), 0 warning\(s\), 1 note\(s\)/);
});

const single: Array<{ name: string; args: string[]; files: number }> = [
  { name: 'a template named alone knows its chart', args: [`${FIX}/chart/templates/deployment.yaml`], files: 1 },
  { name: "a chart's templates folder knows its chart", args: [`${FIX}/chart/templates`], files: 2 },
  { name: 'a values.yaml named alone knows its chart', args: [`${FIX}/chart/values.yaml`], files: 1 },
  { name: 'a patch named alone knows its kustomization', args: [`${FIX}/kustomize/overlays/staging/no-service.yaml`], files: 1 },
];

for (const { name, args, files } of single) {
  test(`check projects: ${name}: no finding but the note that its project was not rendered, exit 0`, { timeout: 30_000 }, async () => {
    const run = await runCli(['check', ...args], undefined, envWithoutTools());
    assert.equal(run.code, 0, run.stdout);
    // The project's main file (Chart.yaml, the kustomization) carries the note: one file more.
    assert.match(run.stdout, new RegExp(`^${files + 1} file\\(s\\) checked: 0 error\\(s\\), 0 warning\\(s\\), 1 note\\(s\\)`, 'm'));
  });
}

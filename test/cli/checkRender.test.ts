import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli';
import { envWithoutTools, RENDER_SKIP, renderTools } from '../helpers/renderTools';

// `drydock check` on charts and overlays rendered by the real helm v4 and kubectl kustomize (Kustomize v5).
const FIXTURES = join(__dirname, '..', 'fixtures', 'render');

function withTools(): NodeJS.ProcessEnv {
  const { helm, kubectl } = renderTools();
  return { ...envWithoutTools(), DRYDOCK_HELM: helm, DRYDOCK_KUSTOMIZE: `${kubectl} kustomize` };
}

interface Report {
  files: Array<{ path: string; diagnostics: Array<{ severity: string; code: string; message: string; range: { start: { line: number; character: number } } }> }>;
}

/** Findings above information, as `path:line code` (0-based lines). */
function problems(report: Report): string[] {
  return report.files.flatMap((file) => file.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${file.path}:${d.range.start.line} ${d.code}`));
}

async function inCopy(body: (root: string) => Promise<void>): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'drydock-render-cli-'));
  try {
    cpSync(FIXTURES, root, { recursive: true });
    await body(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

for (const dir of ['charts/webapp', 'charts/platform', 'charts/jobs', 'kustomize', 'kustomize/overlays/prod', 'kustomize/overlays/staging']) {
  test(`check render: ${dir} renders and has no finding above information`, { skip: RENDER_SKIP, timeout: 60_000 }, async () => {
    const run = await runCli(['check', '--format', 'json', join('test/fixtures/render', dir)], undefined, withTools());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout) as Report;
    assert.deepEqual(problems(report), []);
    assert.deepEqual(report.files.flatMap((f) => f.diagnostics.filter((d) => d.code.startsWith('render/'))), [], 'rendered, so no render note');
  });
}

/** A planted error, and where the findings must land (0-based line of the text `at` in `file`). */
const PLANTED: Array<{ name: string; file: string; from: string; to: string; expect: Array<{ file: string; at: string; code: string }> }> = [
  {
    name: "a typo in a template's key",
    file: 'charts/platform/templates/workers.yaml',
    from: 'containerPort:',
    to: 'containerPortt:',
    expect: [{ file: 'charts/platform/templates/workers.yaml', at: 'containerPortt:', code: 'schema/unknown-field' }],
  },
  {
    name: 'a bad value in values.yaml: on the template line and on the values line',
    file: 'charts/webapp/values.yaml',
    from: 'type: ClusterIP',
    to: 'type: ClusterIp',
    expect: [
      { file: 'charts/webapp/templates/service.yaml', at: 'type: {{ .Values.service.type }}', code: 'api/unsupported-value' },
      { file: 'charts/webapp/values.yaml', at: 'type: ClusterIp', code: 'api/unsupported-value' },
    ],
  },
  {
    name: 'a bad schedule in a second chart',
    file: 'charts/jobs/values.yaml',
    from: 'schedule: "30 2 * * *"',
    to: 'schedule: "30 25 * * *"',
    expect: [{ file: 'charts/jobs/values.yaml', at: 'schedule: "30 25 * * *"', code: 'api/cron-schedule' }],
  },
  {
    name: "a typo in an overlay's strategic-merge patch",
    file: 'kustomize/overlays/prod/deployment-patch.yaml',
    from: '- secretRef:',
    to: '- secretReff:',
    expect: [{ file: 'kustomize/overlays/prod/deployment-patch.yaml', at: '- secretReff:', code: 'schema/unknown-field' }],
  },
  {
    name: 'a bad value set by a JSON 6902 patch file',
    file: 'kustomize/overlays/prod/topology-spread.json6902.yaml',
    from: 'whenUnsatisfiable: ScheduleAnyway',
    to: 'whenUnsatisfiable: Sometimes',
    expect: [{ file: 'kustomize/overlays/prod/topology-spread.json6902.yaml', at: 'whenUnsatisfiable: Sometimes', code: 'api/unsupported-value' }],
  },
];

for (const planted of PLANTED) {
  test(`check render: ${planted.name} is reported on the source file and line`, { skip: RENDER_SKIP, timeout: 60_000 }, () =>
    inCopy(async (root) => {
      const path = join(root, planted.file);
      const text = readFileSync(path, 'utf8');
      assert.ok(text.includes(planted.from), planted.from);
      writeFileSync(path, text.replace(planted.from, planted.to));
      const project = planted.file.startsWith('kustomize') ? 'kustomize' : planted.file.split('/').slice(0, 2).join('/');
      const run = await runCli(['check', '--format', 'json', project], root, withTools());
      assert.equal(run.code, 1, run.stdout + run.stderr);
      const found = problems(JSON.parse(run.stdout) as Report);
      for (const expected of planted.expect) {
        const line = readFileSync(join(root, expected.file), 'utf8').split('\n').findIndex((l) => l.includes(expected.at));
        assert.ok(line >= 0, expected.at);
        assert.ok(found.includes(`${expected.file}:${line} ${expected.code}`), `${expected.file}:${line} ${expected.code} in ${found.join(', ')}`);
      }
    }),
  );
}

test('check render: the text report gives the template path:line:col', { skip: RENDER_SKIP, timeout: 60_000 }, () =>
  inCopy(async (root) => {
    const path = join(root, 'charts/platform/templates/workers.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('containerPort:', 'containerPortt:'));
    const run = await runCli(['check', 'charts/platform'], root, withTools());
    assert.match(run.stdout, /^charts\/platform\/templates\/workers\.yaml:\d+:\d+: error schema\/unknown-field /m);
  }),
);

test('check render: a template helm cannot render is a render/failed error on its line', { skip: RENDER_SKIP, timeout: 60_000 }, () =>
  inCopy(async (root) => {
    const values = join(root, 'charts/jobs/values.yaml');
    writeFileSync(values, readFileSync(values, 'utf8').replace('schedule: "30 2 * * *"', 'schedule: ""'));
    const run = await runCli(['check', '--format', 'json', 'charts/jobs'], root, withTools());
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as Report;
    const failed = report.files.flatMap((f) => f.diagnostics.filter((d) => d.code === 'render/failed').map((d) => ({ path: f.path, ...d })));
    assert.equal(failed.length, 1);
    assert.equal(failed[0].path, 'charts/jobs/templates/cronjob.yaml');
    assert.match(failed[0].message, /is required/);
  }),
);

test('check render: --values FILE renders the chart with it', { skip: RENDER_SKIP, timeout: 60_000 }, () =>
  inCopy(async (root) => {
    writeFileSync(join(root, 'bad-values.yaml'), 'service:\n  type: Nodeport\n');
    const run = await runCli(['check', '--format', 'json', '--values', 'bad-values.yaml', 'charts/webapp'], root, withTools());
    assert.equal(run.code, 1);
    const found = problems(JSON.parse(run.stdout) as Report);
    assert.ok(found.includes('bad-values.yaml:1 api/unsupported-value'), found.join(', '));
  }),
);

test('check render: without helm or kustomize, one note per project and exit 0', { timeout: 60_000 }, async () => {
  const run = await runCli(['check', '--format', 'json', 'test/fixtures/render'], undefined, envWithoutTools());
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as Report;
  assert.deepEqual(problems(report), []);
  const notes = report.files.flatMap((f) => f.diagnostics.filter((d) => d.code === 'render/not-rendered').map(() => f.path));
  assert.deepEqual(notes, [
    'test/fixtures/render/charts/jobs/Chart.yaml',
    'test/fixtures/render/charts/platform/Chart.yaml',
    'test/fixtures/render/charts/webapp/Chart.yaml',
    'test/fixtures/render/kustomize/overlays/prod/kustomization.yaml',
    'test/fixtures/render/kustomize/overlays/staging/kustomization.yaml',
  ]);
});

test('check render: a remote kustomize resource is reported, never fetched', { skip: RENDER_SKIP, timeout: 60_000 }, () =>
  inCopy(async (root) => {
    const kustomization = join(root, 'kustomize/overlays/staging/kustomization.yaml');
    writeFileSync(kustomization, readFileSync(kustomization, 'utf8').replace('resources:\n', 'resources:\n  - https://github.com/example/app//deploy?ref=v1\n'));
    const run = await runCli(['check', '--format', 'json', 'kustomize/overlays/staging'], root, withTools());
    const report = JSON.parse(run.stdout) as Report;
    const remote = report.files.flatMap((f) => f.diagnostics.filter((d) => d.code === 'render/remote-resource').map((d) => `${f.path}:${d.range.start.line}`));
    const line = readFileSync(kustomization, 'utf8').split('\n').findIndex((l) => l.includes('https://github.com/example'));
    assert.deepEqual(remote, [`kustomize/overlays/staging/kustomization.yaml:${line}`]);
  }),
);

test('check render: a removed apiVersion a component rewrites is no error; left as it is, the built output reports it on the resource line', { skip: RENDER_SKIP, timeout: 60_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-render-pdb-'));
  try {
    const write = (path: string, text: string): void => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('base/pdb.yaml', 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: web}\n');
    write('base/kustomization.yaml', 'resources: [pdb.yaml]\n');
    write('comp/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - target: {kind: PodDisruptionBudget}\n    patch: |-\n      - op: replace\n        path: /apiVersion\n        value: policy/v1\n');
    write('overlay/kustomization.yaml', 'resources: [../base]\ncomponents: [../comp]\n');
    const rewritten = await runCli(['check', '--format', 'json', '--k8s-version', '1.34', '.'], root, withTools());
    assert.equal(rewritten.code, 0, rewritten.stdout);
    write('overlay/kustomization.yaml', 'resources: [../base]\n');
    const kept = await runCli(['check', '--format', 'json', '--k8s-version', '1.34', '.'], root, withTools());
    assert.equal(kept.code, 1);
    assert.deepEqual(problems(JSON.parse(kept.stdout) as Report), ['base/pdb.yaml:0 schema/unknown-api-version']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

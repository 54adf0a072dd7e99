import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli';
import { envWithoutTools, RENDER_SKIP, renderTools } from '../helpers/renderTools';

const lines = (...l: string[]) => l.join('\n') + '\n';

/** A repository with a `.drydock.yaml` at its root, and files it ignores, overrides and leaves alone. */
function repository(): string {
  const root = mkdtempSync(join(tmpdir(), 'drydock-cli-config-'));
  for (const folder of ['apps', 'legacy', 'vendor', 'sim']) mkdirSync(join(root, folder));
  writeFileSync(join(root, '.drydock.yaml'), lines('kubernetesVersion: "1.34"', 'rules: {schema/unknown-field: warning}', 'ignore: [vendor]', 'overrides:', '- files: [legacy/**]', '  rules: {schema/unknown-field: off}', 'helm: {path: /bin/true}'));
  writeFileSync(
    join(root, 'apps', 'web.yaml'),
    lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: web', '  # drydock-disable-next-line schema/type', '  labels: {a: 1}', '# drydock-disable-next-line bp/nothing', 'dta: {a: b}'),
  );
  writeFileSync(join(root, 'legacy', 'old.yaml'), lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: old}', 'dta: {a: b}'));
  writeFileSync(join(root, 'vendor', 'bad.yaml'), lines('apiVersion: v1', 'kind: Nope', 'metadata: {name: x}'));
  const pod = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: big}', 'spec:', '  containers:', '  - name: c', '    image: nginx:1.27', '    resources: {requests: {cpu: "500"}}');
  writeFileSync(join(root, 'sim', 'pod.yaml'), pod);
  writeFileSync(join(root, 'sim', 'quiet.yaml'), '# drydock-disable sim/* -- capacity comes with the next node pool\n' + pod.replace('name: big', 'name: quiet'));
  return root;
}

test('drydock check: the nearest .drydock.yaml applies (ignore, severities, overrides), suppressions too; flags win', { timeout: 60_000 }, async () => {
  const root = repository();
  try {
    const run = await runCli(['check', '.'], root);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n').map((line) => line.replace(/ [A-Z`].*$/, '')), [
      'apps/web.yaml:5:31: warning meta/suppression-needs-reason',
      'apps/web.yaml:6:15: error schema/type',
      'apps/web.yaml:7:29: hint meta/unused-suppression',
      'apps/web.yaml:8:1: warning schema/unknown-field',
      // apps, legacy (its unknown field off), sim/pod and sim/quiet (not dry-run: their sim/* suppression is not judged); vendor is ignored.
      '4 file(s) checked: 1 error(s), 2 warning(s), 0 note(s)',
    ]);
    // The configuration's own problems are told, not fatal.
    assert.match(run.stderr, /^drydock check: \.drydock\.yaml:7:8: warning config\/machine-setting /m);

    // Given a reason, the schema error is suppressed: exit 0.
    writeFileSync(join(root, 'apps', 'web.yaml'), lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: web', '  # drydock-disable-next-line schema/type -- read by a tool that wants a number', '  labels: {a: 1}'));
    const reasoned = await runCli(['check', '--format', 'json', join(root, 'apps')]);
    assert.equal(reasoned.code, 0, reasoned.stdout);
    const json = JSON.parse(reasoned.stdout) as { kubernetesVersion: string; files: Array<{ diagnostics: unknown[] }> };
    assert.equal(json.kubernetesVersion, '1.34', 'found upwards from the input, whatever the working directory');
    assert.deepEqual(json.files.map((f) => f.diagnostics), [[]]);

    const flagged = await runCli(['check', '--format', 'json', '--k8s-version', '1.32', 'apps'], root);
    assert.equal((JSON.parse(flagged.stdout) as { kubernetesVersion: string }).kubernetesVersion, '1.32', 'the flag wins');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('drydock simulate: a suppression region silences the dry run findings of its file only', { timeout: 60_000 }, async () => {
  const root = repository();
  try {
    const run = await runCli(['simulate', '--format', 'json', 'sim'], root);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Array<{ path: string; code: string }> };
    const files = [...new Set(diagnostics.filter((d) => d.code.startsWith('sim/')).map((d) => d.path))];
    assert.deepEqual(files, ['sim/pod.yaml']);
    assert.ok(!diagnostics.some((d) => d.code.startsWith('meta/')), JSON.stringify(diagnostics));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('drydock check: the CustomResourceDefinitions of crdFolders validate custom resources', { timeout: 60_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-cli-config-'));
  try {
    mkdirSync(join(root, 'crds'));
    mkdirSync(join(root, 'apps'));
    writeFileSync(join(root, '.drydock.yaml'), lines('crdFolders: [crds]'));
    writeFileSync(
      join(root, 'crds', 'widgets.yaml'),
      lines(
        'apiVersion: apiextensions.k8s.io/v1',
        'kind: CustomResourceDefinition',
        'metadata: {name: widgets.example.com}',
        'spec:',
        '  group: example.com',
        '  names: {kind: Widget, plural: widgets}',
        '  scope: Namespaced',
        '  versions:',
        '  - name: v1',
        '    served: true',
        '    storage: true',
        '    schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {size: {type: integer}}}}}}',
      ),
    );
    writeFileSync(join(root, 'apps', 'widget.yaml'), lines('apiVersion: example.com/v1', 'kind: Widget', 'metadata: {name: w}', 'spec: {size: big}'));
    const run = await runCli(['check', 'apps'], root);
    assert.match(run.stdout, /^apps\/widget\.yaml:4:14: error schema\/type /m, run.stdout + run.stderr);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("drydock check: helm.valuesFiles renders each chart with them (relative to the chart)", { skip: RENDER_SKIP, timeout: 60_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-cli-config-'));
  try {
    cpSync(join(__dirname, '..', 'fixtures', 'render', 'charts', 'webapp'), join(root, 'webapp'), { recursive: true });
    writeFileSync(join(root, '.drydock.yaml'), lines('helm: {valuesFiles: [ci-values.yaml]}'));
    writeFileSync(join(root, 'webapp', 'ci-values.yaml'), lines('service:', '  type: Nodeport'));
    const { helm } = renderTools();
    const run = await runCli(['check', 'webapp'], root, { ...envWithoutTools(), DRYDOCK_HELM: helm });
    assert.match(run.stdout, /^webapp\/ci-values\.yaml:2:\d+: error api\/unsupported-value /m, run.stdout + run.stderr);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('drydock simulate: the cluster of .drydock.yaml, relative to it; --cluster wins', { timeout: 60_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'drydock-cli-config-'));
  try {
    mkdirSync(join(root, 'ops'));
    mkdirSync(join(root, 'app'));
    const node = (name: string) => lines('apiVersion: v1', 'kind: Node', `metadata: {name: ${name}}`, 'status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}');
    writeFileSync(join(root, 'ops', 'cluster.yaml'), node('from-config'));
    writeFileSync(join(root, 'ops', 'other.yaml'), node('from-flag'));
    writeFileSync(join(root, '.drydock.yaml'), lines('cluster: ops/cluster.yaml'));
    writeFileSync(join(root, 'app', 'pod.yaml'), lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec: {containers: [{name: c, image: nginx:1.27}]}'));
    const fromConfig = await runCli(['simulate', 'app'], root);
    assert.match(fromConfig.stdout, /^Cluster: ops\/cluster\.yaml \(1 nodes\)/, fromConfig.stdout + fromConfig.stderr);
    const fromFlag = await runCli(['simulate', '--cluster', 'ops/other.yaml', 'app'], root);
    assert.match(fromFlag.stdout, /^Cluster: ops\/other\.yaml/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

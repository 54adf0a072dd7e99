import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { manifestsOf } from '../../../server/src/language/manifests';
import { parseFile } from '../../../server/src/language/parse/parseFile';
import { RolloutBaselines, type BaselineSettings } from '../../../server/src/workspace/rolloutBaselines';

// The baselines as the server reads them, over a real git repository in a temporary folder.
const deployment = (image: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: api, image: "${image}"}]\n`;

const repo = mkdtempSync(join(tmpdir(), 'drydock-baseline-git-'));
const plain = mkdtempSync(join(tmpdir(), 'drydock-baseline-plain-'));
after(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(plain, { recursive: true, force: true });
});
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo });
git('init', '-q');
mkdirSync(join(repo, 'old'));
writeFileSync(join(repo, 'api.yaml'), deployment('api:1'));
git('add', 'api.yaml');
git('commit', '-q', '-m', 'v1');
// Saved since the commit: what autosave writes.
writeFileSync(join(repo, 'api.yaml'), deployment('api:2'));
writeFileSync(join(repo, 'old', 'api <b>.yaml'), deployment('api:0'));
writeFileSync(join(repo, 'new.yaml'), deployment('api:9'));
writeFileSync(join(plain, 'api.yaml'), deployment('api:3'));

const uri = (path: string) => pathToFileURL(path).toString();
const API = uri(join(repo, 'api.yaml'));
const OLD = uri(join(repo, 'old', 'api <b>.yaml'));
const settings = (over: Partial<BaselineSettings> = {}): BaselineSettings => ({ setting: 'auto', trusted: true, workspaceFolders: [uri(repo)], ...over });
const image = (text: string | null) => /image: "([^"]+)"/.exec(text ?? '')?.[1] ?? null;

test('rolloutBaselines: auto in a trusted repository reads HEAD, not the file autosave wrote', async () => {
  const read = await new RolloutBaselines().read(API, settings());
  assert.equal(image(read.text), 'api:1');
  assert.deepEqual(read.baseline, { kind: 'head', label: 'last commit (HEAD)', found: true, picked: false, headAvailable: true, fallback: null });
});

test('rolloutBaselines: untrusted, auto and head read the saved file (head says why); git is not asked', async () => {
  const auto = await new RolloutBaselines().read(API, settings({ trusted: false }));
  assert.equal(image(auto.text), 'api:2');
  assert.deepEqual({ ...auto.baseline, fallback: null }, { kind: 'saved', label: 'saved file', found: true, picked: false, headAvailable: false, fallback: null });
  assert.equal(auto.baseline.fallback, null);
  const head = await new RolloutBaselines().read(API, settings({ trusted: false, setting: 'head' }));
  assert.equal(image(head.text), 'api:2');
  assert.match(head.baseline.fallback ?? '', /untrusted/);
});

test('rolloutBaselines: outside a repository, auto reads the saved file and HEAD is not offered', async () => {
  const read = await new RolloutBaselines().read(uri(join(plain, 'api.yaml')), settings({ workspaceFolders: [uri(plain)] }));
  assert.equal(image(read.text), 'api:3');
  assert.equal(read.baseline.kind, 'saved');
  assert.equal(read.baseline.headAvailable, false);
});

test('rolloutBaselines: a file not in HEAD has no HEAD baseline (nothing to roll out from)', async () => {
  const read = await new RolloutBaselines().read(uri(join(repo, 'new.yaml')), settings());
  assert.equal(read.text, null);
  assert.equal(read.baseline.kind, 'head');
  assert.equal(read.baseline.found, false);
});

test('rolloutBaselines: a picked file overrides the setting for that document only, and null goes back', async () => {
  const baselines = new RolloutBaselines();
  baselines.pick(API, { kind: 'file', uri: OLD });
  const picked = await baselines.read(API, settings());
  assert.equal(image(picked.text), 'api:0');
  assert.deepEqual(picked.baseline, { kind: 'file', label: 'old/api <b>.yaml', file: OLD, found: true, picked: true, headAvailable: true, fallback: null });
  assert.equal((await baselines.read(uri(join(plain, 'api.yaml')), settings())).baseline.picked, false, 'another document keeps the setting');
  baselines.pick(API, { kind: 'saved' });
  assert.equal(image((await baselines.read(API, settings())).text), 'api:2');
  baselines.pick(API, null);
  assert.equal(image((await baselines.read(API, settings())).text), 'api:1');
});

test('rolloutBaselines: a picked file that is gone is said so', async () => {
  const baselines = new RolloutBaselines();
  baselines.pick(API, { kind: 'file', uri: uri(join(repo, 'gone.yaml')) });
  const read = await baselines.read(API, settings());
  assert.equal(read.text, null);
  assert.deepEqual({ kind: read.baseline.kind, label: read.baseline.label, found: read.baseline.found }, { kind: 'file', label: 'gone.yaml', found: false });
});

test('rolloutBaselines: the preview says when every Deployment is unchanged from the baseline', async () => {
  const open = (text: string) => ({ uri: API, parsed: parseFile(text), manifests: manifestsOf(API, parseFile(text)) });
  const baselines = new RolloutBaselines();
  const changed = await baselines.forPreview([API], open(deployment('api:2')), settings());
  assert.equal(changed.baseline?.unchanged, false, 'HEAD has api:1');
  assert.equal(changed.manifests.length, 1);
  assert.equal(changed.manifests[0].source.file, API, 'the baseline objects are compared with their document');
  const same = await baselines.forPreview([API], open(deployment('api:1')), settings());
  assert.equal(same.baseline?.unchanged, true);
  const saved = await baselines.forPreview([API], open(deployment('api:2')), settings({ setting: 'saved' }));
  assert.equal(saved.baseline?.unchanged, true, 'the saved file is what the buffer holds');
  const noDeployment = await baselines.forPreview([API], open('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n'), settings());
  assert.equal(noDeployment.baseline?.unchanged, false, 'nothing rolled out: nothing to say');
  assert.equal((await baselines.forPreview([API], undefined, settings())).baseline, undefined, 'no followed document (a chart): no picker');
});

test('rolloutBaselines: HEAD moves, the baseline follows (committed texts are kept by commit)', async () => {
  const baselines = new RolloutBaselines();
  const head = async () => image((await baselines.read(API, settings({ setting: 'head' }))).text);
  const before = await head();
  writeFileSync(join(repo, 'api.yaml'), deployment('api:5'));
  git('commit', '-q', '-a', '-m', 'v5');
  assert.equal(await head(), 'api:5');
  git('reset', '-q', '--hard', 'HEAD~1');
  assert.equal(await head(), before);
  writeFileSync(join(repo, 'api.yaml'), deployment('api:2')); // the saved file the other tests expect
});

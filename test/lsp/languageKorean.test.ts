// The built server (dist/server.js) over stdio, started with `InitializeParams.locale: ko` as VS Code
// does for a Korean display language: the language service's diagnostics, quick-fix titles and the
// hover text Drydock writes come in Korean (issue #17); codes, Kubernetes' words and upstream's
// schema descriptions stay as they are. Needs `npm run build`.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LspClient } from '../helpers/lspClient';

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');
const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  replica: 2',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers: [{name: c, image: "nginx:1.27"}, {name: sidecar}]',
  '',
].join('\n');

let client: LspClient;
before(async () => {
  assert.ok(existsSync(SERVER), `${SERVER} is missing: run \`npm run build\` first`);
  client = await LspClient.spawnBuilt(SERVER, { locale: 'ko' });
});
after(async () => {
  await client.dispose();
});

test('lsp ko: diagnostics in Korean, with their codes and Kubernetes words as they are', async () => {
  const diagnostics = await client.open('file:///ws/ko/web.yaml', DEPLOYMENT);
  const byCode = new Map(diagnostics.map((d) => [String(d.code), d.message]));
  assert.equal(byCode.get('schema/unknown-field'), '`replica`은(는) DeploymentSpec의 필드가 아닙니다 — 혹시 `replicas`을(를) 의도했습니까?');
  assert.equal(byCode.get('api/missing-image'), '컨테이너 `sidecar`에 `image`가 없습니다: API 서버가 이를 거부합니다 (Required value).');
});

test('lsp ko: a quick fix titled in Korean', async () => {
  const uri = 'file:///ws/ko/fix.yaml';
  const diagnostics = await client.open(uri, DEPLOYMENT);
  const unknown = diagnostics.find((d) => d.code === 'schema/unknown-field');
  assert.ok(unknown, 'the unknown field is reported');
  const actions = await client.codeActions(uri, unknown.range, [unknown]);
  assert.ok(actions.some((a) => a.title === '`replica`을(를) `replicas`(으)로 변경'), JSON.stringify(actions.map((a) => a.title)));
});

test("lsp ko: hover says Drydock's words in Korean and upstream's description as it is", async () => {
  const uri = 'file:///ws/ko/hover.yaml';
  await client.open(uri, DEPLOYMENT.replace('replica: 2', 'replicas: 2'));
  const hover = await client.hover(uri, { line: 4, character: 4 });
  const markdown = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover);
  assert.match(markdown, /^\*\*replicas\*\* `integer` — 선택\n/);
  assert.match(markdown, /Number of desired pods/);
  assert.match(markdown, /· \[API 레퍼런스\]\(https:/);
});

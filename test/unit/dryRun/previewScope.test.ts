import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EditorDryRunSession, type PreviewInput } from '../../../server/src/dryRun/editorSession';
import type { LoadedFile } from '../../../server/src/dryRun/loadedFile';
import { previewDuplicates, previewFile } from '../../../server/src/dryRun/previewDuplicates';
import { baselinesOfSimulated, folderManifests, folderOf, isInFolder } from '../../../server/src/dryRun/previewScope';
import { manifestsOf } from '../../../server/src/language/manifests';
import { parseFile } from '../../../server/src/language/parse/parseFile';
import type { PreviewScope } from '../../../server/src/protocol/preview';
import type { KubeObject, Manifest } from '../../../server/src/simulator/model/source';

const WS = 'file:///ws';
const at = (file: string, document: number, object: KubeObject): Manifest => ({ source: { file: `${WS}/${file}`, document, path: [] }, object });
const configMap = (name: string, namespace = 'shop'): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace } });
const where = (manifests: readonly Manifest[]) => manifests.map((m) => `${m.source.file.slice(WS.length + 1)}#${m.source.document}`);

describe('previewScope: the folder of the previewed document and below', () => {
  const cases: Array<{ name: string; file: string; folder: string; inside: boolean }> = [
    { name: 'a file of the folder', file: `${WS}/rollout/new/web.yaml`, folder: `${WS}/rollout/new`, inside: true },
    { name: 'a file of a folder below', file: `${WS}/rollout/new/extra/web.yaml`, folder: `${WS}/rollout/new`, inside: true },
    { name: 'a sibling folder', file: `${WS}/rollout/old/web.yaml`, folder: `${WS}/rollout/new`, inside: false },
    { name: 'a sibling whose name starts alike', file: `${WS}/rollout/newer/web.yaml`, folder: `${WS}/rollout/new`, inside: false },
    { name: 'the parent folder', file: `${WS}/rollout/web.yaml`, folder: `${WS}/rollout/new`, inside: false },
  ];
  for (const c of cases) it(`isInFolder: ${c.name}`, () => assert.equal(isInFolder(c.file, c.folder), c.inside));

  it('folderOf is the URI without its last segment', () => {
    assert.equal(folderOf(`${WS}/rollout/new/api.yaml`), `${WS}/rollout/new`);
  });

  it('folderManifests keeps the folder and below, in apply order (by path, then document)', () => {
    const known = [
      at('rollout/new/web.yaml', 1, configMap('b')),
      at('network/workloads.yaml', 0, configMap('api')),
      at('rollout/new/sub/z.yaml', 0, configMap('z')),
      at('rollout/new/api.yaml', 0, configMap('api')),
      at('rollout/old/api.yaml', 0, configMap('api')),
      at('rollout/new/web.yaml', 0, configMap('a')),
    ];
    assert.deepEqual(where(folderManifests(known, `${WS}/rollout/new/api.yaml`)), ['rollout/new/api.yaml#0', 'rollout/new/sub/z.yaml#0', 'rollout/new/web.yaml#1', 'rollout/new/web.yaml#0']);
  });
});

describe('previewScope: a document\'s baseline goes only with its own copy', () => {
  const cases: Array<{ name: string; baselines: Manifest[]; simulated: Manifest[]; kept: string[] }> = [
    { name: 'the document\'s copy is simulated', baselines: [at('a.yaml', 0, configMap('x'))], simulated: [at('a.yaml', 0, configMap('x'))], kept: ['a.yaml#0'] },
    {
      name: 'another file applied after it wins: no diff between two files',
      baselines: [at('a.yaml', 0, configMap('x'))],
      simulated: [at('a.yaml', 0, configMap('x')), at('b.yaml', 0, configMap('x'))],
      kept: [],
    },
    { name: 'an object no longer simulated keeps its baseline (nothing to compare)', baselines: [at('a.yaml', 0, configMap('gone'))], simulated: [at('a.yaml', 0, configMap('x'))], kept: ['a.yaml#0'] },
    { name: 'another namespace is another object', baselines: [at('a.yaml', 0, configMap('x', 'other'))], simulated: [at('b.yaml', 0, configMap('x'))], kept: ['a.yaml#0'] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(where(baselinesOfSimulated(c.baselines, c.simulated)), c.kept));
});

describe('previewDuplicates: objects several files define', () => {
  it('lists the files in apply order, the simulated (last) one, relative labels; copies in one file are not listed', () => {
    const manifests = [
      at('a.yaml', 0, configMap('web')),
      at('a.yaml', 1, configMap('solo')),
      at('a.yaml', 2, configMap('solo')),
      at('b/c.yaml', 0, configMap('web')),
      at('b/c.yaml', 1, configMap('web')),
      at('d.yaml', 0, configMap('web', 'other')),
    ];
    assert.deepEqual(previewDuplicates(manifests, [WS]), [
      { kind: 'ConfigMap', namespace: 'shop', name: 'web', files: [{ uri: `${WS}/a.yaml`, label: 'a.yaml' }, { uri: `${WS}/b/c.yaml`, label: 'b/c.yaml' }], simulated: `${WS}/b/c.yaml` },
    ]);
  });

  const labels: Array<{ name: string; uri: string; folders: string[]; label: string }> = [
    { name: 'relative to its workspace folder', uri: `${WS}/rollout/new/web.yaml`, folders: [WS], label: 'rollout/new/web.yaml' },
    { name: 'the deepest folder that holds it', uri: `${WS}/sub/x.yaml`, folders: [WS, `${WS}/sub`], label: 'x.yaml' },
    { name: 'outside every folder: its name', uri: 'file:///elsewhere/x.yaml', folders: [WS], label: 'x.yaml' },
    { name: 'decoded', uri: `${WS}/my%20dir/%3Cb%3E.yaml`, folders: [WS], label: 'my dir/<b>.yaml' },
  ];
  for (const c of labels) it(`previewFile: ${c.name}`, () => assert.equal(previewFile(c.uri, c.folders).label, c.label));
});

/** The examples' situation: shop/api in network/, rollout/new/ and rollout/old/; rollout/new/api.yaml is open and edited. */
describe('EditorDryRunSession.preview: folder scope and match by document', () => {
  const api = (image: string, replicas: number) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n        - name: api\n          image: ${image}\n          resources:\n            requests:\n              cpu: 10m\n`;
  const web = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';
  const load = (path: string, text: string): LoadedFile => {
    const uri = `${WS}/${path}`;
    const parsed = parseFile(text);
    return { uri, parsed, manifests: manifestsOf(uri, parsed) };
  };
  const opened = load('rollout/new/api.yaml', `${api('api:2', 3)}---\n${web}`);
  const disk = [load('network/workloads.yaml', `${web}---\n${api('api:1', 2)}`), load('rollout/old/api.yaml', api('api:1', 3)), load('rollout/new/sub/web.yaml', web)];
  const baseline = load('rollout/new/api.yaml', `${api('api:1', 3)}---\n${web}`);
  const preview = (scope: PreviewScope) => {
    const input: PreviewInput = {
      params: { uri: opened.uri, scope, neverReady: false },
      open: new Map([[opened.uri, opened]]),
      workspaceFiles: disk.flatMap((f) => f.manifests),
      cluster: null,
      baselines: baseline.manifests,
      kubernetesVersion: '1.36',
      locateElsewhere: (source) => (source ? { uri: source.file, line: 0 } : null),
      workspaceFolders: [WS],
    };
    const model = new EditorDryRunSession().preview(input);
    assert.ok(model);
    return model;
  };

  it('folder: the document\'s folder and below only; its own Deployment rolled out from its own baseline, located by document', () => {
    const model = preview('folder');
    assert.equal(model.source.scope, 'folder');
    // The default cluster's own pods aside, only the folder's files are simulated.
    const files = new Set(model.simulation.pods.flatMap((p) => (p.source?.uri.startsWith(WS) ? [p.source.uri] : [])));
    assert.deepEqual([...files], [opened.uri]);
    assert.deepEqual(model.simulation.services.map((s) => s.source?.uri), [`${WS}/rollout/new/sub/web.yaml`], 'the last applied copy of shop/web');
    assert.deepEqual(model.rollout?.deployments.map((d) => [d.namespace, d.name, d.source?.uri, d.source?.document]), [['shop', 'api', opened.uri, 0]]);
    assert.deepEqual(model.duplicates?.map((d) => [d.kind, d.name, d.files.map((f) => f.label), d.simulated]), [['Service', 'web', ['rollout/new/api.yaml', 'rollout/new/sub/web.yaml'], `${WS}/rollout/new/sub/web.yaml`]]);
  });

  it('workspace: rollout/old/api.yaml is applied last, so the document\'s baseline is not diffed against it', () => {
    const model = preview('workspace');
    assert.deepEqual(model.rollout?.deployments ?? [], [], 'no rollout of shop/api between two unrelated files');
    const apiPods = model.simulation.pods.filter((p) => p.owner?.name.startsWith('api'));
    assert.deepEqual([...new Set(apiPods.map((p) => p.source?.uri))], [`${WS}/rollout/old/api.yaml`]);
    const dup = model.duplicates?.find((d) => d.kind === 'Deployment');
    assert.deepEqual(dup?.files.map((f) => f.label), ['network/workloads.yaml', 'rollout/new/api.yaml', 'rollout/old/api.yaml']);
    assert.equal(dup?.simulated, `${WS}/rollout/old/api.yaml`);
  });

  it('file: no duplicates note (one file), the rollout is the document\'s', () => {
    const model = preview('file');
    assert.equal(model.duplicates, undefined);
    assert.deepEqual(model.rollout?.deployments.map((d) => [d.source?.uri, d.source?.document]), [[opened.uri, 0]]);
  });
});

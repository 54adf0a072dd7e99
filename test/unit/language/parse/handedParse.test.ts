import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deserialize, serialize } from 'node:v8';
import { ChunkCache } from '../../../../server/src/language/parse/chunkCache';
import { handParse, takeParse, type HandedParse } from '../../../../server/src/language/parse/handedParse';
import { locate } from '../../../../server/src/language/parse/locate';
import { parseFile, type ParsedFile } from '../../../../server/src/language/parse/parseFile';
import { DryRunParses, runFileDryRun, type FileDryRunJob } from '../../../../server/src/dryRun/fileDryRun';

/**
 * A parse handed to the dry-run worker (over postMessage: structured clone) is the parse the worker
 * would have made of the same text: the same documents, chunks, values and trees, and the same dry
 * run. A chunk the full parser reads as two documents is parsed again on arrival.
 */
const lines = (...l: string[]) => l.join('\n') + '\n';
const deployment = (name: string, cpu = '100m') =>
  lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, 'spec:', '  replicas: 2', '  selector:', '    matchLabels:', `      app: ${name}`, '  template:', '    metadata:', '      labels:', `        app: ${name}`, '    spec:', '      containers:', '        - name: app', '          image: example.com/app:1', '          resources:', `            requests: {cpu: ${cpu}}`);
const service = (name: string, app: string) => lines('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', '  selector:', `    app: ${app}`, '  ports:', '    - port: 80');

const cases: Array<{ name: string; text: string }> = [
  { name: 'block-style manifests', text: [deployment('web'), service('web', 'web')].join('---\n') },
  { name: 'a comment-only chunk between documents', text: [deployment('web'), '# nothing here\n', service('web', 'web')].join('---\n') },
  { name: 'anchors and aliases (the full parser)', text: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: a', '  labels: &l {app: a}', '  annotations: *l') + '---\n' + deployment('web') },
  { name: 'a document with a YAML error (no value)', text: [deployment('web'), lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: a', '   bad: indent'), service('web', 'web')].join('---\n') },
  { name: 'a duplicate key', text: lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', '  name: b') },
  { name: 'one chunk, two documents (`...` then a bare document)', text: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: a}', '...', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: b}') },
  { name: 'CRLF line ends', text: [deployment('web'), service('web', 'web')].join('---\n').replace(/\n/g, '\r\n') },
  { name: 'flow style (JSON)', text: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}, "data": {"k": "v"}}\n' },
  { name: 'a directive before the first document', text: '%YAML 1.1\n---\n' + deployment('web') },
  { name: 'an empty file', text: '' },
];

/** What crosses to the worker: a structured clone. */
const handedOver = (parsed: ParsedFile): HandedParse => deserialize(serialize(handParse(parsed))) as HandedParse;

/** Everything a reader of a parse sees of it (not identities). */
function observed(parsed: ParsedFile) {
  return parsed.documents.map((doc) => ({ chunk: doc.chunk, value: doc.value, root: doc.root, metadataAt: locate(doc, ['metadata', 'name']).range }));
}

for (const c of cases) {
  test(`handed parse: ${c.name}: the same documents, values and trees`, () => {
    const parsed = parseFile(c.text);
    assert.deepEqual(observed(takeParse(c.text, handedOver(parsed))), observed(parsed));
  });
}

test('handed parse: the chunk cache it fills makes the next version parse only the edited document', () => {
  const text = [deployment('a'), deployment('b'), deployment('c')].join('---\n');
  const cache = new ChunkCache();
  const taken = takeParse(text, handedOver(parseFile(text)), cache);
  const edited = text.replace('name: b', 'name: bb');
  const next = parseFile(edited, cache);
  assert.deepEqual(observed(next), observed(parseFile(edited)));
  assert.equal(next.documents[0].id, taken.documents[0].id, 'an untouched document is the one handed');
  assert.equal(next.documents[2].id, taken.documents[2].id);
  assert.notEqual(next.documents[1].id, taken.documents[1].id, 'the edited one is parsed again');
});

test('handed parse: a dry run on a handed parse finds and locates what one on the text does', () => {
  const text = [deployment('web'), deployment('huge', '500'), service('lonely', 'nobody'), service('web', 'web')].join('---\n');
  const job: FileDryRunJob = { document: { uri: 'file:///ws/app.yaml', text }, cluster: null, baseline: null, context: [], limits: {} };
  const fromText = runFileDryRun(job, new DryRunParses());
  const handed = runFileDryRun({ ...job, parse: handedOver(parseFile(text)) }, new DryRunParses());
  assert.ok(fromText.some((f) => f.sim.code === 'sim/unschedulable') && fromText.some((f) => f.sim.code === 'ref/service-no-pods'), 'the text has findings to locate');
  assert.deepEqual(handed, fromText);
});

test('handed parse: a runner that already keeps the document ignores a handed parse (it parses only what changed)', () => {
  const text = deployment('web');
  const parses = new DryRunParses();
  const first = parses.read({ uri: 'file:///ws/a.yaml', text });
  const edited = text.replace('replicas: 2', 'replicas: 3');
  // A stale handed parse (of the old text) would give two replicas: the runner's own parse of the edit gives three.
  const second = parses.read({ uri: 'file:///ws/a.yaml', text: edited }, 'file:///ws/a.yaml', handedOver(parseFile(text)));
  assert.equal((first.manifests[0].object.spec as { replicas: number }).replicas, 2);
  assert.equal((second.manifests[0].object.spec as { replicas: number }).replicas, 3);
});

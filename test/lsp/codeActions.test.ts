import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { applyCodeAction } from '../helpers/applyEdits';
import { LspClient } from '../helpers/lspClient';

const lines = (...l: string[]) => l.join('\n') + '\n';

interface Case {
  name: string;
  text: string;
  /** The diagnostic to fix (by code); none for fixes found from the document itself. */
  code?: string;
  /** Where to ask when there is no diagnostic. */
  range?: Range;
  title: string;
  expect: string;
  /** The file's name, when it matters (a kustomization); else `fix-<index>.yaml`. */
  file?: string;
}

const cases: Case[] = [
  {
    name: 'unknown kustomization field → the closest kustomize field',
    file: 'kustomize/kustomization.yaml',
    text: lines('apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'namePrefx: dev-'),
    code: 'kustomize/unknown-field',
    title: 'Change `namePrefx` to `namePrefix`',
    expect: lines('apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'namePrefix: dev-'),
  },
  {
    name: 'unknown key → the closest valid key',
    text: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replica: 2', '  selector: {matchLabels: {app: web}}', '  template:', '    metadata: {labels: {app: web}}', '    spec: {containers: [{name: web, image: nginx:1.27}]}'),
    code: 'schema/unknown-field',
    title: 'Change `replica` to `replicas`',
    expect: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 2', '  selector: {matchLabels: {app: web}}', '  template:', '    metadata: {labels: {app: web}}', '    spec: {containers: [{name: web, image: nginx:1.27}]}'),
  },
  {
    name: 'missing required field in a block mapping → insert it',
    text: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 2', '  template:', '    metadata: {labels: {app: web}}', '    spec: {containers: [{name: web, image: nginx:1.27}]}'),
    code: 'schema/required',
    title: 'Add missing field `selector`',
    expect: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  selector: {}', '  replicas: 2', '  template:', '    metadata: {labels: {app: web}}', '    spec: {containers: [{name: web, image: nginx:1.27}]}'),
  },
  {
    name: 'missing required field in a flow mapping → insert it',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: web', '    image: nginx:1.27', '    ports: [{name: http}]'),
    code: 'schema/required',
    title: 'Add missing field `containerPort`',
    expect: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: web', '    image: nginx:1.27', '    ports: [{name: http, containerPort: 0}]'),
  },
  {
    name: 'YAML 1.1 boolean in a string field → quote it',
    text: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data:', '  enabled: yes'),
    code: 'schema/type',
    title: 'Quote `yes` as a string',
    expect: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data:', '  enabled: "yes"'),
  },
  {
    name: 'number in a string field → quote it',
    text: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data:', '  version: 1.10'),
    code: 'schema/type',
    title: 'Quote `1.10` as a string',
    expect: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data:', '  version: "1.10"'),
  },
  {
    name: 'removed extensions/v1beta1 Ingress → networking.k8s.io/v1 with its field changes',
    text: lines(
      'apiVersion: extensions/v1beta1',
      'kind: Ingress',
      'metadata: {name: web}',
      'spec:',
      '  backend:',
      '    serviceName: fallback',
      '    servicePort: 8080',
      '  rules:',
      '  - host: example.com',
      '    http:',
      '      paths:',
      '      - path: /',
      '        backend:',
      '          serviceName: web',
      '          servicePort: 80',
      '      - path: /api',
      '        backend: {serviceName: api, servicePort: http}',
    ),
    code: 'schema/unknown-api-version',
    title: 'Change apiVersion to `networking.k8s.io/v1` and update its fields',
    expect: lines(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata: {name: web}',
      'spec:',
      '  defaultBackend:',
      '    service:',
      '      name: fallback',
      '      port:',
      '        number: 8080',
      '  rules:',
      '  - host: example.com',
      '    http:',
      '      paths:',
      '      - pathType: ImplementationSpecific',
      '        path: /',
      '        backend:',
      '          service:',
      '            name: web',
      '            port:',
      '              number: 80',
      '      - pathType: ImplementationSpecific',
      '        path: /api',
      '        backend: {service: {name: api, port: {name: http}}}',
    ),
  },
  {
    name: 'removed apps/v1beta2 Deployment → apps/v1 with the selector it requires',
    text: lines('apiVersion: apps/v1beta2', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    metadata:', '      labels: {app: web}', '    spec: {containers: [{name: web, image: nginx:1.27}]}'),
    code: 'schema/unknown-api-version',
    title: 'Change apiVersion to `apps/v1` and update its fields',
    expect: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  selector:', '    matchLabels:', '      app: "web"', '  template:', '    metadata:', '      labels: {app: web}', '    spec: {containers: [{name: web, image: nginx:1.27}]}'),
  },
  {
    name: 'unsupported enum value → the supported value',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: web', '    image: nginx:1.27', '    ports: [{containerPort: 88, protocol: udp}]'),
    code: 'api/unsupported-value',
    title: 'Change to `UDP`',
    expect: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: web', '    image: nginx:1.27', '    ports: [{containerPort: 88, protocol: UDP}]'),
  },
  {
    name: 'missing metadata.name → add it',
    text: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  labels: {app: web}', 'data: {a: b}'),
    code: 'api/name-required',
    title: 'Add missing field `name`',
    expect: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: my-configmap', '  labels: {app: web}', 'data: {a: b}'),
  },
  {
    name: 'missing metadata → add it with a name',
    text: lines('apiVersion: v1', 'kind: ConfigMap', 'data: {a: b}'),
    code: 'api/name-required',
    title: 'Add missing field `metadata`',
    expect: lines('metadata:', '  name: my-configmap', 'apiVersion: v1', 'kind: ConfigMap', 'data: {a: b}'),
  },
  {
    name: 'missing image → add it',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: web'),
    code: 'api/missing-image',
    title: 'Add missing field `image`',
    expect: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - image: ""', '    name: web'),
  },
  {
    name: 'Deployment selector not matching its template labels → align the labels',
    text: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  selector:', '    matchLabels: {app: web, tier: front}', '  template:', '    metadata:', '      labels:', '        app: webb', '    spec: {containers: [{name: web, image: nginx:1.27}]}'),
    range: { start: { line: 5, character: 4 }, end: { line: 5, character: 4 } },
    title: 'Align the template labels with the selector',
    expect: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  selector:', '    matchLabels: {app: web, tier: front}', '  template:', '    metadata:', '      labels:', '        tier: "front"', '        app: "web"', '    spec: {containers: [{name: web, image: nginx:1.27}]}'),
  },
  {
    name: 'StatefulSet selector mismatch (api/selector-mismatch) → align the labels, with its diagnostic',
    text: lines('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: db}', 'spec:', '  serviceName: db', '  selector: {matchLabels: {app: db}}', '  template:', '    metadata: {labels: {app: database}}', '    spec: {containers: [{name: db, image: postgres:16}]}'),
    code: 'api/selector-mismatch',
    title: 'Align the template labels with the selector',
    expect: lines('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: db}', 'spec:', '  serviceName: db', '  selector: {matchLabels: {app: db}}', '  template:', '    metadata: {labels: {app: "db"}}', '    spec: {containers: [{name: db, image: postgres:16}]}'),
  },
];

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.dispose();
});

cases.forEach((c, index) => {
  test(`quick fix: ${c.name}`, async () => {
    const uri = `file:///ws/${c.file ?? `fix-${index}.yaml`}`;
    const diagnostics = await client.open(uri, c.text);
    let asked: Diagnostic[] = [];
    let range = c.range;
    if (c.code) {
      const diagnostic = diagnostics.find((d) => d.code === c.code);
      assert.ok(diagnostic, `no ${c.code} among ${diagnostics.map((d) => `${String(d.code)}: ${d.message}`).join('; ')}`);
      asked = [diagnostic];
      range = diagnostic.range;
    }
    assert.ok(range);
    const actions = await client.codeActions(uri, range, asked);
    const action = actions.find((a) => a.title === c.title);
    assert.ok(action, `no "${c.title}" among ${actions.map((a) => a.title).join('; ')}`);
    assert.equal(action.kind, 'quickfix');
    if (c.code) assert.deepEqual(action.diagnostics?.map((d) => d.code), [c.code]);
    const fixed = applyCodeAction(c.text, action, uri);
    assert.equal(fixed, c.expect);
    await client.close(uri);
  });
});

test('quick fix: unknown diagnostics and clean ranges offer nothing', async () => {
  const uri = 'file:///ws/fix-none.yaml';
  await client.open(uri, lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}'));
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  assert.deepEqual(await client.codeActions(uri, range, [{ range, message: 'x', code: 'yaml/syntax' }]), []);
});

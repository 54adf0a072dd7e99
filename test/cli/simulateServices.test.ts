import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli';

const manifests = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{name: http, containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: v1
kind: Service
metadata: {name: typo}
spec:
  selector: {app: wbe}
  ports: [{port: 80}]
`;

test('cli simulate: JSON carries Service endpoints and the service findings', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-sim-'));
  writeFileSync(join(dir, 'app.yaml'), manifests);
  const run = await runCli(['simulate', '--format', 'json', join(dir, 'app.yaml')]);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  const web = report.services.find((s: { name: string }) => s.name === 'web');
  assert.deepEqual(Object.keys(web).filter((k) => ['namespace', 'name', 'ports'].includes(k)).sort(), ['name', 'namespace', 'ports']);
  assert.equal(web.namespace, 'default');
  assert.equal(web.ports[0].name, 'http');
  assert.equal(web.ports[0].port, 80);
  assert.equal(web.ports[0].protocol, 'TCP');
  assert.equal(web.ports[0].endpoints.length, 2);
  for (const endpoint of web.ports[0].endpoints) {
    assert.match(endpoint.pod, /^default\/web-[a-z0-9]+-[a-z0-9]{5}$/);
    assert.equal(endpoint.port, 8080);
    assert.equal(endpoint.ready, true);
  }
  const typo = report.diagnostics.find((d: { code: string }) => d.code === 'ref/service-no-pods');
  assert.ok(typo, 'a Service whose selector matches no pod is reported');
  assert.equal(typo.range.start.line, 26, 'on the selector');
});

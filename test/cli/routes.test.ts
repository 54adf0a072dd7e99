import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helpText } from '../../server/src/cli/main';
import { runRoutes } from '../../server/src/cli/routes';
import { nginxDefaultBackendNote } from '../../server/src/simulator/ingress/routeQuery';
import type { CliIo } from '../../server/src/cli/io';

async function run(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd: dir };
  const code = await runRoutes(args, io);
  return { code, stdout, stderr };
}

const pod = (name: string, app: string, port: string, cpu = '10m') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: shop, labels: {app: ${app}}}
spec: {containers: [{name: c, image: "example/${app}:1", ports: [${port}], resources: {requests: {cpu: "${cpu}"}}}]}
`;

const manifests = [
  pod('web-a', 'web', '{name: http, containerPort: 8080}'),
  pod('web-b', 'web', '{name: http, containerPort: 9090}'),
  pod('api-a', 'api', '{containerPort: 3000}'),
  pod('big-a', 'big', '{containerPort: 80}', '512'),
  `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: http}]}
`,
  `apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}, ports: [{name: rest, port: 8080, targetPort: 3000}]}
`,
  `apiVersion: v1
kind: Service
metadata: {name: empty, namespace: shop}
spec: {selector: {app: big}, ports: [{port: 80}]}
`,
  `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: nginx
  defaultBackend: {service: {name: web, port: {name: http}}}
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 8080}}}}
      - {path: /empty, pathType: Exact, backend: {service: {name: empty, port: {number: 80}}}}
      - {path: /api/, pathType: Prefix, backend: {service: {name: web, port: {number: 81}}}}
`,
].join('---\n');

describe('drydock routes', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'drydock-routes-'));
    await writeFile(join(dir, 'shop.yaml'), manifests);
    await writeFile(join(dir, 'bad.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: bad}\nspec:\n  rules:\n  - http:\n      paths:\n      - {path: api, pathType: Prefix, backend: {service: {name: x, port: {number: 80}}}}\n');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('--format json: the contract, exactly', async () => {
    const { code, stdout, stderr } = await run(dir, ['--format', 'json', '--query', 'http://Shop.Example.com:8080/api/orders?x=1', '--query', 'http://elsewhere.example.com/', '--query', 'https://shop.example.com/empty', 'shop.yaml']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const web = ['shop/web-a:8080', 'shop/web-b:9090'];
    assert.deepEqual(JSON.parse(stdout), {
      ingresses: [{
        ingress: 'shop/shop',
        class: 'nginx',
        rules: [
          { host: 'shop.example.com', path: '/api', pathType: 'Prefix', service: 'shop/api', port: 8080, endpoints: ['shop/api-a:3000'] },
          { host: 'shop.example.com', path: '/empty', pathType: 'Exact', service: 'shop/empty', port: 80, endpoints: [] },
          { host: 'shop.example.com', path: '/api/', pathType: 'Prefix', service: 'shop/web', port: 81, endpoints: [] },
        ],
        defaultBackend: { service: 'shop/web', port: 'http', endpoints: web },
      }],
      queries: [
        { url: 'http://Shop.Example.com:8080/api/orders?x=1', class: 'nginx', ingress: 'shop/shop', host: 'shop.example.com', path: '/api', pathType: 'Prefix', service: 'shop/api', port: 8080, endpoints: ['shop/api-a:3000'], reason: null },
        { url: 'http://elsewhere.example.com/', class: 'nginx', ingress: 'shop/shop', host: null, path: null, pathType: null, service: 'shop/web', port: 'http', endpoints: web, reason: nginxDefaultBackendNote() },
        { url: 'https://shop.example.com/empty', class: 'nginx', ingress: 'shop/shop', host: 'shop.example.com', path: '/empty', pathType: 'Exact', service: 'shop/empty', port: 80, endpoints: [], reason: 'Service shop/empty has no ready endpoint on port 80: none of its 1 selected pod(s) is scheduled and ready' },
      ],
      diagnostics: [
        { file: 'shop.yaml', line: 47, column: 67, severity: 'warning', code: 'sim/ingress-no-ready-endpoints', message: 'Service shop/empty has no ready endpoint on port 80: none of its 1 selected pod(s) is scheduled and ready: requests routed here get 503 from the controller' },
        { file: 'shop.yaml', line: 48, column: 16, severity: 'warning', code: 'ingress/rule-shadowed', message: 'host `shop.example.com` path `/api/` (Prefix) repeats spec.rules[0].http.paths[0] (`/api` is the same Prefix path) of this Ingress, which takes every request first: this path gets no traffic' },
        { file: 'shop.yaml', line: 48, column: 87, severity: 'warning', code: 'ref/ingress-port-missing', message: 'Service `web` has no port 81 (its ports: 80 (http)): this path answers 503.' },
      ],
    });
  });

  it('text: the routes, then the diagnostics', async () => {
    const { code, stdout } = await run(dir, ['shop.yaml']);
    assert.equal(code, 0);
    assert.match(stdout, /^INGRESSES\n {2}shop\/shop \(class nginx\)\n {4}shop\.example\.com \/api Prefix → shop\/api:8080 → shop\/api-a:3000\n/);
    assert.match(stdout, /\n {4}default backend → shop\/web:http → shop\/web-a:8080, shop\/web-b:9090\n/);
    assert.match(stdout, /\nshop\.yaml:48:16: warning ingress\/rule-shadowed /);
  });

  it('text: a query answered per class, with the reason', async () => {
    const { stdout } = await run(dir, ['--query', 'shop.example.com/empty', 'shop.yaml']);
    assert.match(stdout, /^shop\.example\.com\/empty\n {2}\[class nginx\] shop\/shop: shop\.example\.com \/empty Exact → shop\/empty:80 → no endpoints\n {4}Service shop\/empty has no ready endpoint on port 80/);
  });

  it('an Ingress without class and a path the API server rejects: a note, an error, exit 1', async () => {
    const { code, stdout } = await run(dir, ['--format', 'json', 'bad.yaml']);
    assert.equal(code, 1);
    const diagnostics = (JSON.parse(stdout) as { diagnostics: Array<{ code: string; severity: string }> }).diagnostics;
    assert.deepEqual(diagnostics.map((d) => `${d.severity} ${d.code}`), ['information ingress/no-class', 'error ingress/invalid-path', 'warning ref/ingress-service-missing']);
  });

  const usageCases: Array<[string, string[], RegExp]> = [
    ['a query that is not a URL', ['--query', 'http://', 'shop.yaml'], /drydock routes: no host in http:\/\/|not a URL/],
    ['an unknown format', ['--format', 'yaml', 'shop.yaml'], /unknown format yaml/],
    ['no input', [], /no file or directory given/],
  ];
  for (const [name, args, stderr] of usageCases) {
    it(`usage: ${name} exits 2`, async () => {
      const result = await run(dir, args);
      assert.equal(result.code, 2);
      assert.match(result.stderr, stderr);
    });
  }

  it('examples/ingress: the README shows what the command prints', async () => {
    const root = join(__dirname, '..', '..');
    const readme = await readFile(join(root, 'examples', 'ingress', 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)\n```\n\n```text\n([\s\S]*?)```/g)];
    assert.equal(blocks.length, 2);
    for (const [, command, output] of blocks) {
      const args = command.replace(/\\\n\s*/g, '').trim().split(/\s+/).slice(2);
      const result = await run(root, args);
      assert.equal(result.stdout, output, command);
    }
  });

  it('is in the command table', () => assert.match(helpText(), /\n {2}routes {4}which Ingress path, Service and pods answer a URL\n/));
});

// The routing diagnostics in the editor: the cross-resource rules about Ingresses and the dry run's
// `sim/ingress-no-ready-endpoints`, each on the line of the field at fault.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lspClient';

const text = [
  'apiVersion: networking.k8s.io/v1', //                                   0
  'kind: IngressClass',
  'metadata: {name: nginx}',
  'spec: {controller: k8s.io/ingress-nginx}',
  '---',
  'apiVersion: v1', //                                                     5
  'kind: Service',
  'metadata: {name: web, namespace: shop}',
  'spec: {selector: {app: web}, ports: [{name: http, port: 80}]}',
  '---',
  'apiVersion: networking.k8s.io/v1', //                                   10
  'kind: Ingress',
  'metadata: {name: main, namespace: shop}',
  'spec:',
  '  ingressClassName: nginx',
  '  rules:', //                                                           15
  '  - host: shop.example.com',
  '    http:',
  '      paths:',
  '      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}',
  '      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}', // 20: shadowed
  '      - {path: /api, pathType: Prefix, backend: {service: {name: web, port: {name: api}}}}', // 21: no port api
  '      - {path: static, pathType: Exact, backend: {service: {name: web, port: {number: 80}}}}', // 22: invalid
  '---',
  'apiVersion: networking.k8s.io/v1',
  'kind: Ingress', //                                                      25
  'metadata: {name: promo, namespace: shop}',
  'spec:',
  '  ingressClassName: nginx',
  '  rules:',
  '  - host: shop.example.com', //                                         30
  '    http:',
  '      paths:',
  '      - {path: /api, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}', // 33: conflict
  '---',
  'apiVersion: networking.k8s.io/v1', //                                   35
  'kind: Ingress',
  'metadata: {name: legacy, namespace: shop}',
  'spec:',
  '  ingressClassName: traefik', //                                        39: class not found
  '---',
  'apiVersion: v1', // a pod of the Service that no node can take: selected, never ready
  'kind: Pod',
  'metadata: {name: web, namespace: shop, labels: {app: web}}',
  'spec: {containers: [{name: web, image: "nginx:1.27", resources: {requests: {cpu: "512"}}}]}',
].join('\n') + '\n';

const WANT = ['ingress/rule-shadowed', 'ref/ingress-port-missing', 'ingress/invalid-path', 'ingress/conflict', 'ingress/class-not-found', 'sim/ingress-no-ready-endpoints'];
const routing = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => typeof d.code === 'string' && WANT.includes(d.code));

test('routing diagnostics: cross-resource rules and the dry run, on their lines', { timeout: 30_000 }, async () => {
  const client = await LspClient.start();
  try {
    const uri = 'file:///routes/ingress.yaml';
    const first = await client.open(uri, text);
    const diagnostics = await client.diagnosticsUntil(uri, (d) => new Set(routing(d).map((x) => x.code)).size === WANT.length, first);
    const got = routing(diagnostics).map((d) => `${d.range.start.line} ${d.severity} ${String(d.code)}`).sort();
    // The Service's one pod is Pending: its served route has no ready endpoint (a shadowed, lost or invalid path gets no traffic, so no such finding).
    assert.deepEqual(got, [
      '19 2 sim/ingress-no-ready-endpoints',
      '20 2 ingress/rule-shadowed',
      '21 2 ref/ingress-port-missing',
      '22 1 ingress/invalid-path',
      '33 2 ingress/conflict',
      '39 2 ingress/class-not-found',
    ].sort());
    const message = (code: string) => routing(diagnostics).find((d) => d.code === code)?.message ?? '';
    assert.match(message('ingress/conflict'), /also claimed by Ingress shop\/main in the same class/);
    assert.match(message('ref/ingress-port-missing'), /^Service `web` has no port named `api` \(its ports: 80 \(http\)\): port\.name is the Service port's name, not a container port's; this path answers 503\.$/);
    assert.match(message('sim/ingress-no-ready-endpoints'), /Service shop\/web has no ready endpoint on port 80: none of its 1 selected pod\(s\) is scheduled and ready/);
  } finally {
    await client.dispose();
  }
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { API, WEB, ask, ingress, ingressClass, path, routesOf, rule } from './routeFixtures';

/** What a case expects of each answer: [class, ingress, host, path, pathType, service, port, endpoints], and a reason pattern. */
type Want = { answer: [string | null, string | null, string | null, string | null, string | null, string | null, number | string | null, string[]]; reason?: RegExp };

interface Case {
  name: string;
  documents: string[];
  url: string;
  want: Want[];
}

const hosts = ingress('hosts', [
  rule('foo.bar.com', path('/', 'Prefix', 'web', 80)),
  rule('*.bar.com', path('/', 'Prefix', 'api', 8080)),
  rule(null, path('/', 'Prefix', 'web', 'http')),
].join('\n'));
const paths = ingress('paths', rule(null,
  path('/', 'Prefix', 'web', 80),
  path('/aaa', 'Prefix', 'api', 8080),
  path('/aaa/bbb', 'Prefix', 'web', 'http'),
  path('/foo', 'Exact', 'api', 'rest'),
  path('/foo', 'Prefix', 'web', 80),
));
const fallback = ingress('fallback', `defaultBackend: {service: {name: api, port: {number: 8080}}}\nrules:\n${rule('only.example.com', path('/app', 'Prefix', 'web', 80))}`);

const cases: Case[] = [
  // Hosts (ingress.md §3.1)
  { name: 'an exact host first', documents: [hosts], url: 'http://foo.bar.com/x', want: [{ answer: [null, 'shop/hosts', 'foo.bar.com', '/', 'Prefix', 'shop/web', 80, WEB] }] },
  { name: 'else the one-label wildcard', documents: [hosts], url: 'http://baz.bar.com/x', want: [{ answer: [null, 'shop/hosts', '*.bar.com', '/', 'Prefix', 'shop/api', 8080, API] }] },
  { name: 'a wildcard covers one label only: else the host-less rules', documents: [hosts], url: 'http://a.baz.bar.com/x', want: [{ answer: [null, 'shop/hosts', null, '/', 'Prefix', 'shop/web', 'http', WEB] }] },
  { name: 'a wildcard does not cover its own suffix', documents: [hosts], url: 'http://bar.com/', want: [{ answer: [null, 'shop/hosts', null, '/', 'Prefix', 'shop/web', 'http', WEB] }] },
  { name: 'the host is case-insensitive and its port dropped', documents: [hosts], url: 'https://FOO.bar.com:8443/x', want: [{ answer: [null, 'shop/hosts', 'foo.bar.com', '/', 'Prefix', 'shop/web', 80, WEB] }] },
  { name: 'a request by IP takes the host-less rules', documents: [hosts], url: 'http://10.1.2.3/', want: [{ answer: [null, 'shop/hosts', null, '/', 'Prefix', 'shop/web', 'http', WEB] }] },
  // Paths (§3.2): the concept page's multi-rule rows
  { name: '/aaa/ccc → /aaa', documents: [paths], url: 'http://x/aaa/ccc', want: [{ answer: [null, 'shop/paths', null, '/aaa', 'Prefix', 'shop/api', 8080, API] }] },
  { name: '/aaa/bbb → /aaa/bbb (longest)', documents: [paths], url: 'http://x/aaa/bbb', want: [{ answer: [null, 'shop/paths', null, '/aaa/bbb', 'Prefix', 'shop/web', 'http', WEB] }] },
  { name: '/aaa/bbbxyz → /aaa (element-wise)', documents: [paths], url: 'http://x/aaa/bbbxyz', want: [{ answer: [null, 'shop/paths', null, '/aaa', 'Prefix', 'shop/api', 8080, API] }] },
  { name: '/ccc → /', documents: [paths], url: 'http://x/ccc', want: [{ answer: [null, 'shop/paths', null, '/', 'Prefix', 'shop/web', 80, WEB] }] },
  { name: 'Exact /foo beats Prefix /foo', documents: [paths], url: 'http://x/foo', want: [{ answer: [null, 'shop/paths', null, '/foo', 'Exact', 'shop/api', 'rest', API] }] },
  { name: '/foo/ is not Exact /foo: Prefix /foo', documents: [paths], url: 'http://x/foo/', want: [{ answer: [null, 'shop/paths', null, '/foo', 'Prefix', 'shop/web', 80, WEB] }] },
  { name: 'the query string is not part of the path', documents: [paths], url: 'http://x/foo?x=/aaa', want: [{ answer: [null, 'shop/paths', null, '/foo', 'Exact', 'shop/api', 'rest', API] }] },
  {
    name: 'ImplementationSpecific: matched like Prefix, and said so',
    documents: [ingress('impl', rule(null, path('/app', 'ImplementationSpecific', 'web', 80)))],
    url: 'http://x/app/page',
    want: [{ answer: [null, 'shop/impl', null, '/app', 'ImplementationSpecific', 'shop/web', 80, WEB], reason: /ImplementationSpecific: matched like Prefix here, but the IngressClass's controller decides/ }],
  },
  // Default backends (§3.3)
  { name: 'a named host without a matching path: the default backend, not a host-less rule', documents: [fallback, ingress('catchall', rule(null, path('/', 'Prefix', 'web', 80)), 'creationTimestamp: "2030-01-01T00:00:00Z"')], url: 'http://only.example.com/other', want: [{ answer: [null, 'shop/fallback', null, null, null, 'shop/api', 8080, API] }] },
  { name: 'an unknown host without host-less rules: the default backend (ingress-nginx differs: said so)', documents: [fallback], url: 'http://else.example.com/', want: [{ answer: [null, 'shop/fallback', null, null, null, 'shop/api', 8080, API], reason: /^ingress-nginx differs here: the defaultBackend of an Ingress with rules serves only the unmatched paths of the hosts that Ingress is first to define/ }] },
  {
    name: 'an Ingress with only a defaultBackend takes every host and path',
    documents: [ingress('only-default', 'defaultBackend: {service: {name: web, port: {name: http}}}')],
    url: 'http://any.where/x/y',
    want: [{ answer: [null, 'shop/only-default', null, null, null, 'shop/web', 'http', WEB] }],
  },
  {
    name: 'the oldest Ingress\'s defaultBackend answers',
    documents: [ingress('newer', 'defaultBackend: {service: {name: web, port: {number: 80}}}', 'creationTimestamp: "2026-02-01T00:00:00Z"'), ingress('older', 'defaultBackend: {service: {name: api, port: {number: 8080}}}', 'creationTimestamp: "2026-01-01T00:00:00Z"')],
    url: 'http://x/',
    want: [{ answer: [null, 'shop/older', null, null, null, 'shop/api', 8080, API] }],
  },
  { name: 'nothing matches and no defaultBackend: ingress null, 404', documents: [ingress('narrow', rule('a.example.com', path('/x', 'Exact', 'web', 80)))], url: 'http://a.example.com/y', want: [{ answer: [null, null, null, null, null, null, null, []], reason: /controller's own default backend answers \(usually 404\)/ }] },
  { name: 'no Ingress at all', documents: [], url: 'http://a.example.com/', want: [{ answer: [null, null, null, null, null, null, null, []], reason: /no served Ingress/ }] },
  // Backends → endpoints (§4)
  { name: 'port.name is the Service port\'s name; a named targetPort resolves per pod; not-ready pods left out', documents: [ingress('named', rule(null, path('/', 'Prefix', 'web', 'http')))], url: 'http://x/', want: [{ answer: [null, 'shop/named', null, '/', 'Prefix', 'shop/web', 'http', WEB] }] },
  { name: 'port.number is the Service port, not the container port', documents: [ingress('number', rule(null, path('/', 'Prefix', 'api', 3000)))], url: 'http://x/', want: [{ answer: [null, 'shop/number', null, '/', 'Prefix', 'shop/api', 3000, []], reason: /Service shop\/api has no port 3000/ }] },
  { name: 'a container port name is not a Service port name', documents: [ingress('byname', rule(null, path('/', 'Prefix', 'web', 'web-http')))], url: 'http://x/', want: [{ answer: [null, 'shop/byname', null, '/', 'Prefix', 'shop/web', 'web-http', []], reason: /no port named `web-http`/ }] },
  { name: 'a missing Service', documents: [ingress('missing', rule(null, path('/', 'Prefix', 'gone', 80)))], url: 'http://x/', want: [{ answer: [null, 'shop/missing', null, '/', 'Prefix', 'shop/gone', 80, []], reason: /not among the inputs \(most controllers answer 503\)/ }] },
  { name: 'an ExternalName Service', documents: [ingress('ext', `defaultBackend: {service: {name: ext, port: {number: 80}}}`)], url: 'http://x/', want: [{ answer: [null, 'shop/ext', null, null, null, 'shop/ext', 80, []], reason: /ExternalName: no pods \(some controllers proxy to the external name\)/ }] },
  { name: 'a Service without selector', documents: [ingress('manual', rule(null, path('/', 'Prefix', 'manual', 80)))], url: 'http://x/', want: [{ answer: [null, 'shop/manual', null, '/', 'Prefix', 'shop/manual', 80, []], reason: /no selector: its endpoints are not managed/ }] },
  { name: 'no ready pod', documents: [ingress('slow', rule(null, path('/', 'Prefix', 'slow', 80)))], url: 'http://x/', want: [{ answer: [null, 'shop/slow', null, '/', 'Prefix', 'shop/slow', 80, []], reason: /none of its 1 selected pod\(s\) is scheduled and ready/ }] },
  { name: 'a selector matching nothing', documents: [ingress('nobody', rule(null, path('/', 'Prefix', 'nobody', 80)))], url: 'http://x/', want: [{ answer: [null, 'shop/nobody', null, '/', 'Prefix', 'shop/nobody', 80, []], reason: /selector matches no pod/ }] },
  { name: 'a resource backend: service null', documents: [ingress('bucket', 'defaultBackend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static}}')], url: 'http://x/', want: [{ answer: [null, 'shop/bucket', null, null, null, null, null, []], reason: /resource backend StorageBucket static/ }] },
  // Several Ingresses (§5)
  {
    name: 'Ingresses on one host are merged',
    documents: [ingress('a', rule('shop.example.com', path('/', 'Prefix', 'web', 80))), ingress('b', rule('shop.example.com', path('/api', 'Prefix', 'api', 8080)))],
    url: 'http://shop.example.com/api/v1',
    want: [{ answer: [null, 'shop/b', 'shop.example.com', '/api', 'Prefix', 'shop/api', 8080, API] }],
  },
  {
    name: 'the same host+path+pathType twice: the older Ingress keeps it, whatever the input order',
    documents: [ingress('young', rule('shop.example.com', path('/api', 'Prefix', 'web', 80)), 'creationTimestamp: "2026-05-01T00:00:00Z"'), ingress('old', rule('shop.example.com', path('/api/', 'Prefix', 'api', 8080)), 'creationTimestamp: "2025-05-01T00:00:00Z"')],
    url: 'http://shop.example.com/api',
    want: [{ answer: [null, 'shop/old', 'shop.example.com', '/api/', 'Prefix', 'shop/api', 8080, API] }],
  },
  {
    name: 'without timestamps: the earlier in input order keeps it',
    documents: [ingress('first', rule(null, path('/x', 'Exact', 'api', 8080))), ingress('second', rule(null, path('/x', 'Exact', 'web', 80)))],
    url: 'http://h/x',
    want: [{ answer: [null, 'shop/first', null, '/x', 'Exact', 'shop/api', 8080, API] }],
  },
  // Classes (§2)
  {
    name: 'one answer per class that routes the URL',
    documents: [ingressClass('public'), ingressClass('internal'), ingress('pub', `ingressClassName: public\nrules:\n${rule(null, path('/', 'Prefix', 'web', 80))}`), ingress('int', `ingressClassName: internal\nrules:\n${rule(null, path('/', 'Prefix', 'api', 8080))}`)],
    url: 'http://x/',
    want: [{ answer: ['public', 'shop/pub', null, '/', 'Prefix', 'shop/web', 80, WEB] }, { answer: ['internal', 'shop/int', null, '/', 'Prefix', 'shop/api', 8080, API] }],
  },
  {
    name: 'classes are separate proxies: rules are not merged across them',
    documents: [ingress('a', `ingressClassName: one\nrules:\n${rule('h', path('/', 'Prefix', 'web', 80))}`), ingress('b', `ingressClassName: two\nrules:\n${rule('h', path('/deep/path', 'Prefix', 'api', 8080))}`)],
    url: 'http://h/deep/path',
    want: [{ answer: ['one', 'shop/a', 'h', '/', 'Prefix', 'shop/web', 80, WEB] }, { answer: ['two', 'shop/b', 'h', '/deep/path', 'Prefix', 'shop/api', 8080, API] }],
  },
  {
    name: 'the kubernetes.io/ingress.class annotation when the field is unset',
    documents: [ingress('legacy', rule(null, path('/', 'Prefix', 'web', 80)), 'annotations: {kubernetes.io/ingress.class: nginx}')],
    url: 'http://x/',
    want: [{ answer: ['nginx', 'shop/legacy', null, '/', 'Prefix', 'shop/web', 80, WEB] }],
  },
  {
    name: 'no class: the default IngressClass (the newest of several defaults)',
    documents: [ingressClass('old-default', { isDefault: true, created: '2024-01-01T00:00:00Z' }), ingressClass('new-default', { isDefault: true, created: '2025-01-01T00:00:00Z' }), ingress('plain', rule(null, path('/', 'Prefix', 'web', 80)))],
    url: 'http://x/',
    want: [{ answer: ['new-default', 'shop/plain', null, '/', 'Prefix', 'shop/web', 80, WEB] }],
  },
  {
    name: 'several defaults created at once: the lowest name',
    documents: [ingressClass('zeta', { isDefault: true, created: '2025-01-01T00:00:00Z' }), ingressClass('alpha', { isDefault: true, created: '2025-01-01T00:00:00Z' }), ingress('plain', rule(null, path('/', 'Prefix', 'web', 80)))],
    url: 'http://x/',
    want: [{ answer: ['alpha', 'shop/plain', null, '/', 'Prefix', 'shop/web', 80, WEB] }],
  },
  {
    name: 'a class no IngressClass defines is not served (when the inputs define some)',
    documents: [ingressClass('nginx'), ingress('lost', `ingressClassName: traefik\nrules:\n${rule(null, path('/', 'Prefix', 'web', 80))}`)],
    url: 'http://x/',
    want: [{ answer: [null, null, null, null, null, null, null, []], reason: /no served Ingress/ }],
  },
  {
    name: 'without any IngressClass among the inputs every class name is taken to exist',
    documents: [ingress('found', `ingressClassName: traefik\nrules:\n${rule(null, path('/', 'Prefix', 'web', 80))}`)],
    url: 'http://x/',
    want: [{ answer: ['traefik', 'shop/found', null, '/', 'Prefix', 'shop/web', 80, WEB] }],
  },
  {
    name: 'the Service is in the Ingress\'s namespace',
    documents: [ingress('local', rule(null, path('/', 'Prefix', 'api', 8080)))],
    url: 'http://x/',
    want: [{ answer: [null, 'shop/local', null, '/', 'Prefix', 'shop/api', 8080, API] }],
  },
  {
    name: 'a path the API server rejects routes nothing',
    documents: [ingress('bad', rule(null, path('/a//b', 'Prefix', 'api', 8080), path('/', 'Prefix', 'web', 80)))],
    url: 'http://x/a//b',
    want: [{ answer: [null, 'shop/bad', null, '/', 'Prefix', 'shop/web', 80, WEB] }],
  },
];

describe('routes: which Ingress path, Service and pods answer a URL', () => {
  for (const c of cases) {
    it(c.name, () => {
      const answers = ask(routesOf(...c.documents), c.url);
      assert.deepEqual(answers.map((a) => [a.class, a.ingress, a.host, a.path, a.pathType, a.target.service, a.target.port, a.target.endpoints]), c.want.map((w) => w.answer));
      c.want.forEach((w, i) => {
        if (w.reason) assert.match(answers[i].reason ?? '', w.reason);
        else assert.equal(answers[i].reason, null);
      });
    });
  }
});

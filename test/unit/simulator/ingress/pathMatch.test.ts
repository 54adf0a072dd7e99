import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { comparePrecedence, hostMatch, invalidPathReason, parseRouteRequest, pathMatches } from '../../../../server/src/simulator/ingress/pathMatch';
import type { IngressPathType } from '../../../../server/src/simulator/ingress/ingressSpec';

// The concept page's path table (ingress.md §3.2), row by row.
describe('path matching: the Ingress concept page table', () => {
  const cases: Array<[IngressPathType, string, string, boolean]> = [
    ['Prefix', '/', '/anything/at/all', true],
    ['Prefix', '/', '/', true],
    ['Exact', '/foo', '/foo', true],
    ['Exact', '/foo', '/bar', false],
    ['Exact', '/foo', '/foo/', false],
    ['Exact', '/foo/', '/foo', false],
    ['Prefix', '/foo', '/foo', true],
    ['Prefix', '/foo', '/foo/', true],
    ['Prefix', '/foo/', '/foo', true],
    ['Prefix', '/foo/', '/foo/', true],
    ['Prefix', '/aaa/bb', '/aaa/bbb', false],
    ['Prefix', '/aaa/bbb', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb/', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/ccc', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbbxyz', false],
    ['Prefix', '/aaa', '/ccc', false],
    ['Prefix', '/Foo', '/foo', false],
    ['Exact', '/Foo', '/foo', false],
    ['ImplementationSpecific', '/foo', '/foo/bar', true],
    ['ImplementationSpecific', '', '/anything', true],
  ];
  for (const [type, rule, request, want] of cases) {
    it(`${type} ${JSON.stringify(rule)} vs ${request}: ${want ? 'match' : 'no match'}`, () => assert.equal(pathMatches(type, rule, request), want));
  }
});

describe('host matching: exact, one-label wildcard, host-less', () => {
  const cases: Array<[string | null, string, string | null]> = [
    ['foo.bar.com', 'foo.bar.com', 'exact'],
    ['foo.bar.com', 'bar.com', null],
    ['*.foo.com', 'bar.foo.com', 'wildcard'],
    ['*.foo.com', 'baz.bar.foo.com', null],
    ['*.foo.com', 'foo.com', null],
    ['*.foo.com', '.foo.com', null],
    [null, 'anything.example', 'any'],
    [null, '10.0.0.1', 'any'],
  ];
  for (const [rule, host, want] of cases) it(`${rule ?? '(no host)'} vs ${host}: ${want ?? 'no match'}`, () => assert.equal(hostMatch(rule, host), want));
});

describe('precedence: longest path, then Exact > Prefix > ImplementationSpecific', () => {
  const cases: Array<[string, { pathType: IngressPathType; path: string }, { pathType: IngressPathType; path: string }]> = [
    ['longer Prefix beats shorter', { pathType: 'Prefix', path: '/aaa/bbb' }, { pathType: 'Prefix', path: '/aaa' }],
    ['Exact beats Prefix at equal length', { pathType: 'Exact', path: '/foo' }, { pathType: 'Prefix', path: '/foo' }],
    ['a Prefix trailing slash does not make it longer', { pathType: 'Exact', path: '/foo' }, { pathType: 'Prefix', path: '/foo/' }],
    ['Prefix beats ImplementationSpecific at equal length', { pathType: 'Prefix', path: '/foo' }, { pathType: 'ImplementationSpecific', path: '/foo' }],
    ['a longer ImplementationSpecific beats a shorter Exact', { pathType: 'ImplementationSpecific', path: '/foo/bar' }, { pathType: 'Exact', path: '/foo' }],
  ];
  for (const [name, winner, loser] of cases) {
    it(name, () => {
      assert.ok(comparePrecedence(winner, loser) < 0);
      assert.ok(comparePrecedence(loser, winner) > 0);
    });
  }
});

describe('the request: host lowercased, port dropped, path without query', () => {
  const cases: Array<[string, { host: string; path: string } | null]> = [
    ['http://Shop.Example.COM:8443/api/x?q=1#frag', { host: 'shop.example.com', path: '/api/x' }],
    ['https://shop.example.com', { host: 'shop.example.com', path: '/' }],
    ['shop.example.com/api', { host: 'shop.example.com', path: '/api' }],
    ['http://10.0.0.1/admin', { host: '10.0.0.1', path: '/admin' }],
    ['http://', null],
  ];
  for (const [url, want] of cases) {
    it(url, () => {
      const parsed = parseRouteRequest(url);
      assert.deepEqual(parsed.ok ? parsed.request : null, want);
    });
  }
});

describe('paths the API server rejects', () => {
  const cases: Array<[IngressPathType, string, boolean]> = [
    ['Prefix', '/ok/path', true],
    ['Prefix', 'no-slash', false],
    ['Exact', '/a//b', false],
    ['Exact', '/a/./b', false],
    ['Prefix', '/a/../b', false],
    ['Prefix', '/a%2fb', false],
    ['Prefix', '/a/..', false],
    ['Prefix', '/a/.', false],
    ['ImplementationSpecific', '', true],
    ['ImplementationSpecific', 'x', false],
    ['ImplementationSpecific', '/a//b', true],
  ];
  for (const [type, path, valid] of cases) it(`${type} ${JSON.stringify(path)}: ${valid ? 'valid' : 'rejected'}`, () => assert.equal(invalidPathReason(type, path) === null, valid));
});

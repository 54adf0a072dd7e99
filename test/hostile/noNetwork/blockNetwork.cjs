'use strict';
/**
 * Test-only preload (`node --require test/hostile/noNetwork/blockNetwork.cjs …`): every way a Node
 * program reaches the network is replaced by a function that records the attempt and throws (or, for
 * promise APIs, rejects). Attempts are appended, one JSON line each, to the file named by
 * DRYDOCK_NETWORK_LOG, so that an attempt is seen even when the code under test swallows the error.
 * Never shipped: only test/hostile/offline.test.ts loads it.
 */
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const LOG = process.env.DRYDOCK_NETWORK_LOG;
const CODE = 'ERR_DRYDOCK_NETWORK_BLOCKED';

function describe(args) {
  const first = args[0];
  if (typeof first === 'string') return first;
  if (first instanceof URL) return first.href;
  if (first && typeof first === 'object') {
    if (typeof first.url === 'string') return first.url; // a fetch Request
    const host = first.host ?? first.hostname ?? first.path;
    if (host !== undefined) return `${host}${first.port !== undefined ? `:${first.port}` : ''}`;
  }
  if (typeof first === 'number') return `${typeof args[1] === 'string' ? args[1] : 'localhost'}:${first}`;
  return String(first);
}

function record(api, args) {
  const attempt = { api, target: describe(args), pid: process.pid, stack: (new Error().stack ?? '').split('\n').slice(3, 9).map((l) => l.trim()) };
  if (LOG) fs.appendFileSync(LOG, JSON.stringify(attempt) + '\n');
  const error = new Error(`network access blocked by the test preload: ${api}(${attempt.target})`);
  error.code = CODE;
  return error;
}

function throwing(api) {
  return function blockedNetworkCall(...args) {
    throw record(api, args);
  };
}

function rejecting(api) {
  return function blockedNetworkCall(...args) {
    return Promise.reject(record(api, args));
  };
}

function replace(target, names, api, make) {
  for (const name of names) {
    if (typeof target[name] === 'function') target[name] = make(`${api}.${name}`);
  }
}

const net = require('node:net');
replace(net, ['connect', 'createConnection'], 'net', throwing);
replace(net.Socket.prototype, ['connect'], 'net.Socket.prototype', throwing); // sockets made any other way
replace(require('node:tls'), ['connect'], 'tls', throwing);
replace(require('node:http'), ['request', 'get'], 'http', throwing);
replace(require('node:https'), ['request', 'get'], 'https', throwing);
replace(require('node:http2'), ['connect'], 'http2', throwing);
replace(require('node:dgram'), ['createSocket'], 'dgram', throwing);

const dns = require('node:dns');
const lookups = (object) => Object.keys(object).filter((name) => name.startsWith('lookup') || name.startsWith('resolve') || name === 'reverse');
replace(dns, lookups(dns), 'dns', throwing);
replace(dns.Resolver.prototype, Object.getOwnPropertyNames(dns.Resolver.prototype).filter((n) => n.startsWith('resolve') || n === 'reverse'), 'dns.Resolver.prototype', throwing);
replace(dns.promises, lookups(dns.promises), 'dns.promises', rejecting);
replace(dns.promises.Resolver.prototype, Object.getOwnPropertyNames(dns.promises.Resolver.prototype).filter((n) => n.startsWith('resolve') || n === 'reverse'), 'dns.promises.Resolver.prototype', rejecting);

replace(globalThis, ['fetch'], 'globalThis', rejecting);
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = throwing('globalThis.WebSocket');

// `import { connect } from 'node:net'` reads the ES module's bindings: bring them up to date.
syncBuiltinESMExports();

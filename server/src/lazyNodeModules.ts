import type * as ChildProcess from 'node:child_process';
import type * as Crypto from 'node:crypto';
import type * as Zlib from 'node:zlib';

/**
 * Node modules loaded on first use instead of at start: esbuild hoists a bundle's imports to its top,
 * and `drydock check` on plain manifests needs none of these (together some 10 ms of every start).
 */

/** When a tool (helm, kustomize, git) first runs. */
export function childProcess(): typeof ChildProcess {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate lazy load
  return require('node:child_process') as typeof ChildProcess;
}

/** With the first compressed CRD catalog file read (most runs read none). */
export function zlib(): typeof Zlib {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate lazy load
  return require('node:zlib') as typeof Zlib;
}

/** When a code-cached bundle has no stamp to name its hash (stamped bundles never need it). */
export function crypto(): typeof Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate lazy load
  return require('node:crypto') as typeof Crypto;
}

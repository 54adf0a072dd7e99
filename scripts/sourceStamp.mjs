import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The line the build ends a bundle with when the bundle is loaded through V8's code cache
 * (server/src/codeCache.ts reads it): the SHA-1 of everything before it. The loader then knows which
 * build a cache belongs to without hashing a megabyte of source at every start (about 10 ms of a
 * `drydock check` run). Restamping an already stamped file changes nothing.
 */
export const SOURCE_STAMP = '\n//# drydockSourceHash=';

export function stampSource(path) {
  const text = readFileSync(path, 'utf8');
  const old = text.lastIndexOf(SOURCE_STAMP);
  const body = old !== -1 && /^[0-9a-f]{40}\n$/.test(text.slice(old + SOURCE_STAMP.length)) ? text.slice(0, old) : text;
  const stamped = `${body}${SOURCE_STAMP}${createHash('sha1').update(body).digest('hex')}\n`;
  if (stamped !== text) writeFileSync(path, stamped);
}

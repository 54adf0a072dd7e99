import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes each file of a generated project (path relative to `dir` -> text), creating its folders. */
export function writeAll(dir: string, files: Map<string, string>): void {
  for (const [path, text] of files) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** `n` with leading zeros to `width` digits (generated names sort in order). */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeUtf8, readUtf8FileSync } from '../../server/src/textFiles';

/** Each case: bytes, and the text Node's own UTF-8 decoding gives for them (what decodeUtf8 must give). */
const CASES: Array<{ name: string; bytes: Buffer }> = [
  { name: 'empty', bytes: Buffer.alloc(0) },
  { name: 'ASCII', bytes: Buffer.from('apiVersion: v1\nkind: ConfigMap\n\t~\x7f\x00', 'latin1') },
  { name: 'Korean comment', bytes: Buffer.from('# 설정\nkind: ConfigMap\n', 'utf8') },
  { name: 'byte order mark', bytes: Buffer.from('\ufeffkind: Pod\n', 'utf8') },
  { name: 'one byte over 0x7f (Latin-1 would read it as é)', bytes: Buffer.from([0x6b, 0xe9, 0x0a]) },
  { name: 'invalid UTF-8 sequence', bytes: Buffer.from([0x61, 0xc3, 0x28, 0x62]) },
  { name: 'astral character', bytes: Buffer.from('name: 🚢\n', 'utf8') },
];

for (const { name, bytes } of CASES) {
  test(`decodeUtf8: ${name} decodes as UTF-8 does`, () => {
    assert.equal(decodeUtf8(bytes), bytes.toString('utf8'));
  });
}

test('decodeUtf8: a view into a larger buffer decodes only its own bytes', () => {
  const whole = Buffer.from('xx한글yy', 'utf8');
  assert.equal(decodeUtf8(whole.subarray(2, 8)), '한글');
  assert.equal(decodeUtf8(new Uint8Array(whole.buffer, whole.byteOffset + 8, 2)), 'yy');
});

test('readUtf8FileSync: reads a file as readFileSync(path, "utf8") does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-text-files-'));
  try {
    for (const [index, { bytes }] of CASES.entries()) {
      const file = join(dir, `${index}.yaml`);
      writeFileSync(file, bytes);
      assert.equal(readUtf8FileSync(file), bytes.toString('utf8'));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

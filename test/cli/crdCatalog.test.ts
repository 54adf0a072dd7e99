import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli';
import { CATALOG_CASES, CATALOG_FIXTURES, plantedError } from '../helpers/crdCatalogCases';

interface JsonOutput {
  files: Array<{ path: string; diagnostics: Array<{ code: string; severity: string; range: { start: { line: number } } }> }>;
}

const work = mkdtempSync(join(tmpdir(), 'drydock-crd-catalog-'));
after(() => rmSync(work, { recursive: true, force: true }));

async function check(...args: string[]): Promise<{ code: number | null; findings: string[] }> {
  const run = await runCli(['check', '--format', 'json', '--no-cross-resource', ...args]);
  assert.equal(run.stderr, '');
  const output = JSON.parse(run.stdout) as JsonOutput;
  return { code: run.code, findings: output.files.flatMap((f) => f.diagnostics.map((d) => `${d.code}@${d.range.start.line}`)) };
}

test('crd catalog (CLI): the custom resource of every bundled project is valid', async () => {
  const { code, findings } = await check(...CATALOG_CASES.map((c) => join(CATALOG_FIXTURES, c.file)));
  assert.deepEqual(findings, []);
  assert.equal(code, 0);
});

for (const c of CATALOG_CASES) {
  test(`crd catalog (CLI): ${c.project}: a planted error is reported on its line`, async () => {
    const { text, line } = plantedError(c);
    const file = join(work, c.file);
    writeFileSync(file, text);
    const { code, findings } = await check(file);
    assert.deepEqual(findings, [`${c.code}@${line}`]);
    assert.equal(code, 1);
  });
}

test('crd catalog (CLI): a CustomResourceDefinition among the inputs wins over the catalog', async () => {
  const { findings } = await check(join(CATALOG_FIXTURES, 'override', 'certificates-crd.yaml'), join(CATALOG_FIXTURES, 'cert-manager.yaml'));
  // The catalog's Certificate has these fields; the workspace's cut-down CRD does not.
  assert.deepEqual(findings, ['schema/unknown-field@7', 'schema/unknown-field@8', 'schema/unknown-field@9', 'schema/unknown-field@12', 'schema/unknown-field@13', 'schema/unknown-field@17']);
});

test('crd catalog (CLI): --no-crd-catalog leaves custom resources unvalidated (the usual note)', async () => {
  const { text } = plantedError(CATALOG_CASES[0]);
  const file = join(work, 'no-catalog.yaml');
  writeFileSync(file, text);
  const { code, findings } = await check('--no-crd-catalog', file);
  assert.deepEqual(findings, ['schema/no-schema@1']);
  assert.equal(code, 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySuppressions } from '../../../../server/src/language/config/applySuppressions';
import { parseCodeList } from '../../../../server/src/language/config/suppressionDirectives';
import type { Finding, Severity } from '../../../../server/src/language/findings';
import { parseFile } from '../../../../server/src/language/parse/parseFile';
import { yaml } from '../../../helpers/validate';

function at(line: number, code: string, severity: Severity = 'warning'): Finding {
  return { range: { start: { line, character: 2 }, end: { line, character: 5 } }, severity, code, message: code };
}

/** What is left, as `line code` (meta findings included). */
function left(text: string, findings: Finding[]): string[] {
  return applySuppressions(parseFile(text), findings).map((f) => `${f.range.start.line} ${f.code}`);
}

const DEPLOYMENT = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web'];

const cases: Array<{ name: string; text: string; findings: Finding[]; left: string[] }> = [
  { name: 'no suppression: everything stays', text: yaml(...DEPLOYMENT), findings: [at(1, 'bp/a')], left: ['1 bp/a'] },
  {
    name: 'next-line: the line below only',
    text: yaml('# drydock-disable-next-line bp/a', 'a: 1', 'b: 2'),
    findings: [at(1, 'bp/a'), at(2, 'bp/a')],
    left: ['2 bp/a'],
  },
  {
    name: 'next-line: several codes, one unused',
    text: yaml('# drydock-disable-next-line bp/a, bp/b,ref/c', 'a: 1'),
    findings: [at(1, 'bp/a'), at(1, 'ref/c')],
    left: ['0 meta/unused-suppression'],
  },
  { name: 'a prefix pattern', text: yaml('a:', '  # drydock-disable-next-line sim/*', '  b: 1'), findings: [at(2, 'sim/unschedulable'), at(2, 'bp/x')], left: ['2 bp/x'] },
  {
    name: 'a region, closed by its enable',
    text: yaml('# drydock-disable bp/a', 'a: 1', 'b: 1', '# drydock-enable bp/a', 'c: 1'),
    findings: [at(1, 'bp/a'), at(2, 'bp/a'), at(4, 'bp/a')],
    left: ['4 bp/a'],
  },
  { name: 'a region without enable runs to the end', text: yaml('# drydock-disable bp/a', 'a: 1', '', 'b: 1'), findings: [at(3, 'bp/a')], left: [] },
  {
    name: 'an enable without codes closes every region',
    text: yaml('# drydock-disable bp/a,bp/b', 'a: 1', '# drydock-enable', 'b: 1'),
    findings: [at(1, 'bp/a'), at(1, 'bp/b'), at(3, 'bp/a')],
    left: ['3 bp/a'],
  },
  {
    name: 'a schema error is not suppressed without a reason',
    text: yaml('# drydock-disable-next-line schema/enum', 'a: 1'),
    findings: [at(1, 'schema/enum', 'error')],
    left: ['0 meta/suppression-needs-reason', '1 schema/enum'],
  },
  { name: 'a schema error is suppressed with a reason', text: yaml('# drydock-disable-next-line schema/enum -- the operator accepts it', 'a: 1'), findings: [at(1, 'schema/enum', 'error')], left: [] },
  { name: 'a yaml error needs a reason too', text: yaml('# drydock-disable-next-line yaml/*', 'a: 1'), findings: [at(1, 'yaml/duplicate-key', 'error')], left: ['0 meta/suppression-needs-reason', '1 yaml/duplicate-key'] },
  { name: 'a schema warning needs no reason', text: yaml('# drydock-disable-next-line schema/deprecated', 'a: 1'), findings: [at(1, 'schema/deprecated', 'warning')], left: [] },
  { name: 'a sim error needs no reason', text: yaml('# drydock-disable-next-line sim/unschedulable', 'a: 1'), findings: [at(1, 'sim/unschedulable', 'error')], left: [] },
  {
    name: 'the annotation covers its object only',
    text: yaml(...DEPLOYMENT, '  annotations:', '    drydock.io/ignore: "bp/a, bp/b"', '---', ...DEPLOYMENT),
    findings: [at(1, 'bp/a'), at(8, 'bp/a')],
    left: ['5 meta/unused-suppression', '8 bp/a'],
  },
  {
    name: 'the annotation with a reason suppresses a schema error',
    text: yaml(...DEPLOYMENT, '  annotations:', '    drydock.io/ignore: schema/required -- set by the operator'),
    findings: [at(1, 'schema/required', 'error')],
    left: [],
  },
  {
    name: "a List item's annotation covers that item",
    text: yaml('apiVersion: v1', 'kind: List', 'items:', '- kind: ConfigMap', '  metadata:', '    annotations: {drydock.io/ignore: bp/a}', '- kind: ConfigMap'),
    findings: [at(4, 'bp/a'), at(6, 'bp/a')],
    left: ['6 bp/a'],
  },
  { name: 'a directive in a string is not a comment', text: yaml('a: "# drydock-disable-next-line bp/a"', 'b: 1'), findings: [at(1, 'bp/a')], left: ['1 bp/a'] },
];

for (const { name, text, findings, left: expected } of cases) {
  test(`applySuppressions: ${name}`, () => assert.deepEqual(left(text, findings), expected));
}

test('applySuppressions: unused and needs-reason findings sit on the code', () => {
  const [finding] = applySuppressions(parseFile(yaml('  # drydock-disable-next-line bp/a', 'a: 1')), []);
  assert.deepEqual(finding.range, { start: { line: 0, character: 30 }, end: { line: 0, character: 34 } });
});

const lists: Array<{ text: string; codes: string[]; reason: string | undefined }> = [
  { text: ' a/b', codes: ['a/b'], reason: undefined },
  { text: ' a/b,c/d -- why not', codes: ['a/b', 'c/d'], reason: 'why not' },
  { text: ' a/b --', codes: ['a/b'], reason: undefined },
  { text: ' a/b -- x -- y', codes: ['a/b'], reason: 'x -- y' },
  { text: '', codes: [], reason: undefined },
];
for (const { text, codes, reason } of lists) {
  test(`parseCodeList: ${JSON.stringify(text)}`, () => {
    const parsed = parseCodeList(text, 0);
    assert.deepEqual({ codes: parsed.codes.map((c) => c.code), reason: parsed.reason }, { codes, reason });
  });
}

test('applySuppressions: a suppression is judged unused only by what could have used it', () => {
  const text = yaml('# drydock-disable-next-line sim/unschedulable,bp/a', 'a: 1');
  const notDryRun = (pattern: string) => !pattern.startsWith('sim/');
  assert.deepEqual(applySuppressions(parseFile(text), [], notDryRun).map((f) => `${f.code} ${String(f.data?.pattern)}`), ['meta/unused-suppression bp/a']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/language/parse/parseFile';

/**
 * YAML as go-yaml reads it (kubectl and the API server decode manifests with it; its scanner is a
 * port of libyaml's). Every "reads" case is text go-yaml accepts with that value and the `yaml`
 * library, left to itself, rejects: the parser must read it without a finding. Every "rejects" case
 * is text go-yaml rejects too.
 */
const reads: Array<{ name: string; text: string; value: unknown }> = [
  // yaml_parser_scan_flow_scalar reads to the closing quote whatever the indentation of the lines between.
  { name: 'single-quoted continuation indented like its key', text: "data:\n  k: 'a\n  b'\n", value: { data: { k: 'a b' } } },
  { name: 'double-quoted continuation indented like its key', text: 'data:\n  k: "a\n  b"\n', value: { data: { k: 'a b' } } },
  { name: 'quoted continuation at column 0', text: "k: 'a\nb'\n", value: { k: 'a b' } },
  { name: 'quoted continuation in a sequence, at column 0', text: "a:\n- 'x\ny'\n", value: { a: ['x y'] } },
  { name: 'quoted continuation indented with tabs', text: 'd:\n  k: "a\n\t\tb"\n', value: { d: { k: 'a b' } } },
  { name: 'quoted continuations less and less indented, then a key', text: "a:\n  b:\n    c: 'x\n  y\n z'\n    d: 1\n", value: { a: { b: { c: 'x y z', d: 1 } } } },
  { name: 'escaped line break in a double-quoted continuation', text: 'd:\n  k: "a\\\n b"\n', value: { d: { k: 'ab' } } },
  { name: 'quoted continuation with CRLF line ends', text: "d:\r\n  k: 'a\r\n  b'\r\n", value: { d: { k: 'a b' } } },
  // yaml_parser_unroll_indent does nothing in the flow context: flow collections ignore indentation.
  { name: 'flow sequence items at column 0', text: 'args: [\n"a",\n"b"]\n', value: { args: ['a', 'b'] } },
  { name: 'flow mapping closed at its key\'s column', text: 'x:\n  m: {\n  a: 1\n  }\n', value: { x: { m: { a: 1 } } } },
  { name: 'flow mapping entries at column 0', text: 'x:\n  m: {\na: 1\n}\n', value: { x: { m: { a: 1 } } } },
  { name: 'flow sequence in a block sequence, continued at column 0', text: '- [a,\nb]\n', value: [['a', 'b']] },
  { name: 'flow sequence indented with tabs', text: 'k: [\n\ta,\n\tb\n]\n', value: { k: ['a', 'b'] } },
  { name: 'plain scalar in a flow collection, continued less indented', text: 'x:\n  k: [a\n  b]\n', value: { x: { k: ['a b'] } } },
  // yaml_parser_scan_to_next_token skips a `#` comment with or without a blank before it.
  { name: 'comment right after a double-quoted scalar', text: 'k: "a"#c\nj: 1\n', value: { k: 'a', j: 1 } },
  { name: 'comment right after a flow collection', text: 'k: [a]#c\n', value: { k: ['a'] } },
  { name: 'comment right after a block scalar header', text: 'k: |#c\n  a\n', value: { k: 'a\n' } },
];

const rejects: Array<{ name: string; text: string }> = [
  { name: 'a document marker inside a quoted scalar', text: "k: 'a\n--- b'\n" },
  { name: 'a plain scalar continued at its key\'s indentation (block context)', text: 'd:\n  k: a\n  b\n' },
  { name: 'an unterminated quoted scalar', text: 'k: "a\n' },
  { name: 'an unterminated flow sequence', text: 'k: [a, b\n' },
];

for (const c of reads) {
  test(`go-yaml reads it: ${c.name}`, () => {
    const parsed = parseFile(c.text);
    assert.equal(parsed.documents.length, 1);
    const [doc] = parsed.documents;
    assert.deepEqual(doc.findings, []);
    assert.deepStrictEqual(doc.value, c.value);
    assert.ok(doc.root, 'the tree is built');
  });
}

for (const c of rejects) {
  test(`go-yaml rejects it too: ${c.name}`, () => {
    const findings = parseFile(c.text).documents.flatMap((d) => d.findings);
    assert.ok(findings.some((f) => f.severity === 'error' && f.code === 'yaml/syntax'), JSON.stringify(findings));
  });
}

test('go-yaml reads it: the finding of a later problem is still located on its line', () => {
  const text = "data:\n  k: 'a\n  b'\n  j: [1,\n2]\n  bad: @x\n";
  const findings = parseFile(text).documents.flatMap((d) => d.findings);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].range.start.line, 5);
});

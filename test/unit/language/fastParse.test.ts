import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fastParseOrThrow } from '../../../server/src/language/parse/fastParse';
import { parseChunkSlow } from '../../../server/src/language/parse/slowParse';
import { LineIndex } from '../../../server/src/language/parse/lineIndex';
import { generateManifests } from '../../../bench/manifestGenerator';
import { splitDocuments } from '../../../server/src/language/parse/splitDocuments';
import { SeededRandom } from '../support/seededRandom';

/**
 * The fast path must give exactly what the slow path (the `yaml` library) gives, or decline.
 * `check` runs both on one chunk text: when the fast path handles it, the slow path must have found
 * one clean document (or none, for a chunk without a document) with the same tree and value.
 * The value-only mode (`tree: false`, what validation uses) must decide the same and give the same value.
 */
function check(text: string): 'handled' | 'bailed' {
  const fast = fastParseOrThrow(text);
  const valueOnly = fastParseOrThrow(text, false);
  assert.equal(valueOnly === undefined, fast === undefined, `both modes decide alike for ${JSON.stringify(text)}`);
  if (!fast) return 'bailed';
  assert.deepStrictEqual(valueOnly?.value, fast.value, `value-only value for ${JSON.stringify(text)}`);
  assert.equal(valueOnly?.root === null, fast.root === null, `value-only document presence for ${JSON.stringify(text)}`);
  const slow = parseChunkSlow({ text, offset: 0, line: 0 }, new LineIndex(text));
  const context = `for ${JSON.stringify(text)}`;
  if (slow.length === 0) {
    assert.deepEqual(fast, { root: null, value: null }, `no document ${context}`);
    return 'handled';
  }
  assert.equal(slow.length, 1, `the slow path found several documents ${context}`);
  assert.deepEqual(slow[0].findings, [], `the slow path found problems ${context}`);
  assert.deepStrictEqual(fast.root, slow[0].root, `tree ${context}`);
  assert.deepStrictEqual(fast.value, slow[0].value, `value ${context}`);
  return 'handled';
}

const manifest = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web # the name',
  '  labels: {app: web, tier: "front end"}',
  'spec:',
  '  replicas: 3',
  '  template:',
  '    spec:',
  '      containers:',
  '      - name: app',
  "        image: 'nginx:1.25'",
  '        args: [--port, "8080"]',
  '        env:',
  '        - name: A',
  '          value: "x\\ty"',
  '        ports:',
  '          - containerPort: 80',
  '            protocol: TCP',
  '',
].join('\n');

const cases: Array<{ name: string; text: string; expect: 'handled' | 'bailed' }> = [
  // What the fast path covers.
  { name: 'plain manifest', text: manifest, expect: 'handled' },
  { name: 'leading --- line', text: '---\na: 1\n', expect: 'handled' },
  { name: 'leading --- with a comment', text: '--- # doc\na: 1\n', expect: 'handled' },
  { name: 'empty text: no document', text: '', expect: 'handled' },
  { name: 'comments only: no document', text: '# one\n\n  # two\n', expect: 'handled' },
  { name: 'blank lines only: no document', text: '  \n\n   ', expect: 'handled' },
  { name: 'lone ---: an empty document', text: '---\n', expect: 'handled' },
  { name: '--- at the end of the text: an empty document', text: '---', expect: 'handled' },
  { name: '--- with trailing spaces: an empty document', text: '---   \n', expect: 'handled' },
  { name: '--- with comments: an empty document', text: '--- # a\n# b\n\n', expect: 'handled' },
  { name: 'no final line break', text: 'a: 1\nb: [x]', expect: 'handled' },
  { name: 'compact sequence under a key', text: 'a:\n- 1\n- 2\nb: 3\n', expect: 'handled' },
  { name: 'nested sequences', text: '- - a\n  - b\n- - - c\n', expect: 'handled' },
  { name: 'mappings in sequences', text: '- a: 1\n  b: 2\n-   c: 3\n    d:\n    - x\n', expect: 'handled' },
  { name: 'empty values', text: 'a:\nb: # none\nc:\n  # still none\nd: ~\n', expect: 'handled' },
  { name: 'empty sequence items', text: '- \n-\n- # c\n- x\n', expect: 'handled' },
  { name: 'empty last item after comment lines', text: '  - 1\n#\n  -\n', expect: 'handled' },
  { name: 'empty value last, with trailing comments', text: 'a:\n  b:\n  # c\n\n', expect: 'handled' },
  { name: 'value on the next line', text: 'a:\n  x\nb:\n  "y"\nc:\n  [1]\n', expect: 'handled' },
  { name: 'YAML 1.1 booleans and nulls', text: 'a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: N\ng: ~\nh: Null\ni: true\n', expect: 'handled' },
  { name: 'YAML 1.1 numbers', text: 'a: 0777\nb: 0x1F\nc: 0b101\nd: 1_000\ne: -0\nf: +12\ng: 1e3\nh: .inf\ni: -.Inf\nj: .NaN\nk: 3.10\nl: 08\nm: 12345678901234567890\nn: .\no: e5\n', expect: 'handled' },
  { name: 'no timestamps nor sexagesimal numbers', text: 'a: 2001-12-14\nb: 1:20\nc: 2001-12-14t21:59:43.10-05:00\n', expect: 'handled' },
  { name: 'keys that are not strings', text: '5: a\ntrue: b\n3.14: c\n~: d\n0x10: e\n1e3: f\n-0: g\n.nan: h\n', expect: 'handled' },
  { name: 'quoted scalars and escapes', text: `a: 'it''s'\nb: "\\\\ \\" \\n \\t \\r \\0 \\/ \\u00e9 \\x41 \\U0001F600 \\e \\N \\_"\nc: ""\nd: ''\n"e": 1\n'f' : 2\n`, expect: 'handled' },
  { name: 'plain scalars with indicators inside', text: 'a: b:c\nb: x#y\nc: http://h:80/p?q=1#f\nd: -1\ne: a [b] {c}, d\nf: "#"\ng: ?x\nh: :x\n', expect: 'handled' },
  { name: 'comments everywhere', text: '# head\na: 1 # one\n  # deeper\n# col 0\nb: # empty\n  c: 2\n\n  # in b\nd:\n- x # item\n  # more\n# end\n', expect: 'handled' },
  { name: 'trailing comment kept by a nested mapping', text: 'r:\n  a:\n    b:\n      c: 1\n      # x\n  d: 2\n', expect: 'handled' },
  { name: 'trailing comments after a nested mapping at the end', text: 'a:\n  b: 1\n\n    # c\n\n  # d\n   # e\n', expect: 'handled' },
  { name: 'flow collections', text: 'a: {b: 1, c: [x, "y", \'z\'], d: {}, e: []}\nf: [{g: h}, [1, 2], ]\n', expect: 'handled' },
  { name: 'multi-line flow with comments and trailing commas', text: 'a: {\n  b: 1, # one\n  c: [\n    x,\n    y,\n  ],\n}\n', expect: 'handled' },
  { name: 'flow empty value', text: 'a: {b: , c: 1}\n', expect: 'handled' },
  { name: 'JSON document', text: '{\n  "kind": "Pod",\n  "spec": {"containers": [{"name": "a", "ports": [80, 443]}], "x": null, "y": true}\n}\n', expect: 'handled' },
  { name: 'kubernetes website flow style', text: '---\n{\n  apiVersion: "v1",\n  kind: "Pod",\n  metadata: {\n    name: "counter", # c\n  },\n}\n', expect: 'handled' },
  { name: 'literal block scalars', text: 'a: |\n  x\n    y\n\n  z\nb: |-\n  x\n\nc: |+\n  x\n\n\nd: 1\n', expect: 'handled' },
  { name: 'folded block scalars', text: 'a: >\n  x\n  y\n\n  z\n    more\n  w\nb: >-\n  x\n  y\nc: >+\n  x\n\n', expect: 'handled' },
  { name: 'block scalar in a sequence, comment after', text: '- |\n  x\n# c\n- >-\n   y\n', expect: 'handled' },
  { name: 'block scalar with a header comment and leading blank lines', text: 'a: | # c\n\n  x\n', expect: 'handled' },
  { name: 'CRLF line ends', text: manifest.replace(/\n/g, '\r\n') + '# c\r\nx: |\r\n  a\r\n\r\n  b\r\n\r\n', expect: 'handled' },
  { name: 'document end marker', text: '---\na:\n  b: 1\n  # c\n... # end\n# more\n', expect: 'handled' },
  { name: 'root mapping indented', text: '  a: 1\n  b: 2\n', expect: 'handled' },
  { name: 'null-valued keys are dropped from the value', text: 'a: null\nb: 1\nc: [null, ~]\n', expect: 'handled' },
  { name: 'bench generator output', text: splitDocuments(generateManifests(4))[1].text, expect: 'handled' },

  // What it leaves to the full parser.
  { name: 'anchor', text: 'a: &x 1\nb: 2\n', expect: 'bailed' },
  { name: 'alias', text: 'a: 1\nb: *x\n', expect: 'bailed' },
  { name: 'tag', text: 'a: !!str 1\n', expect: 'bailed' },
  { name: 'merge key', text: 'a: {x: 1}\nb:\n  <<: {x: 2}\n', expect: 'bailed' },
  { name: 'complex key', text: '? a\n: 1\n', expect: 'bailed' },
  { name: 'flow collection as a key', text: '[a]: 1\n', expect: 'bailed' },
  { name: 'directive', text: '%YAML 1.1\n---\na: 1\n', expect: 'bailed' },
  { name: 'content after a document end', text: 'a: 1\n...\nb: 2\n', expect: 'bailed' },
  { name: 'second document', text: 'a: 1\n---\nb: 2\n', expect: 'bailed' },
  { name: 'tab indentation', text: 'a:\n\tb: 1\n', expect: 'bailed' },
  { name: 'lone CR', text: 'a: 1\rb: 2\n', expect: 'bailed' },
  { name: 'multi-line plain scalar', text: 'a: one\n  two\n', expect: 'bailed' },
  { name: 'multi-line quoted scalar', text: 'a: "one\n  two"\n', expect: 'bailed' },
  { name: 'multi-line plain scalar in flow', text: 'a: [one\n  two]\n', expect: 'bailed' },
  { name: 'duplicate key', text: 'a: 1\nb: 2\na: 3\n', expect: 'bailed' },
  { name: 'keys equal as strings', text: '1: a\n"1": b\n', expect: 'bailed' },
  { name: '__proto__ key', text: '__proto__: 1\n', expect: 'bailed' },
  { name: 'scalar document', text: 'hello\n', expect: 'bailed' },
  { name: 'unknown escape', text: 'a: "\\q"\n', expect: 'bailed' },
  { name: 'explicit block indentation', text: 'a: |2\n   x\n', expect: 'bailed' },
  { name: 'compact mapping on a key line', text: 'a: b: c\n', expect: 'bailed' },
  { name: 'bad indentation', text: 'a:\n    b: 1\n  c: 2\n', expect: 'bailed' },
  { name: 'unterminated flow', text: 'a: [1, 2\n', expect: 'bailed' },
  { name: 'pair in a flow sequence', text: 'a: [b: 1]\n', expect: 'bailed' },
  { name: 'comment without space after a quote', text: 'a: "x"#c\n', expect: 'bailed' },
  { name: 'content after a flow collection', text: 'a: [1] x\n', expect: 'bailed' },
  { name: 'block sequence on a key line', text: 'a: - 1\n', expect: 'bailed' },
  { name: 'reserved indicator', text: 'a: @x\n', expect: 'bailed' },
  { name: 'empty block scalar', text: 'a: |\nb: 1\n', expect: 'bailed' },
  { name: 'comment at column 0 right after a flow mapping value', text: 'a: {b: 1\n#\n}\n', expect: 'bailed' },
  { name: 'comment line before a value on a later line', text: 'a:\n#x\n  b\n', expect: 'bailed' },
  { name: 'key over 1000 characters', text: `${'k'.repeat(1200)}: 1\n`, expect: 'bailed' },
  { name: 'deep nesting', text: `a: ${'['.repeat(300)}${']'.repeat(300)}\n`, expect: 'bailed' },
];

for (const c of cases) {
  test(`fastParse: ${c.name}`, () => {
    assert.equal(check(c.text), c.expect);
  });
}

// ---------------------------------------------------------------------------------------------
// Scalar resolution: every short combination of number-, bool- and null-like pieces, as a value
// and as a key, resolves as in the yaml library.

test('fastParse: plain scalars resolve as YAML 1.1 does, as values and as keys', () => {
  const pieces = ['0', '1', '7', '8', '_', '.', 'e', 'E', '+', '-', 'x', 'b', 'o', 'inf', 'Inf', 'nan', 'NaN', 'NAN', 'n', 'y', 'Y', 'N', 'on', 'ON', 'Off', 'yes', 'No', 'true', 'False', 'null', 'NULL', '~', 'a', 'f', 'F', '9'];
  const short = new Set<string>();
  const long = new Set<string>();
  for (const a of pieces) {
    short.add(a);
    for (const b of pieces) {
      short.add(a + b);
      for (const c of ['0', '_', '.', 'e5', 'x']) long.add(a + b + c);
    }
  }
  const usable = (s: string): boolean => !/^[-?:](?:$| )|^[.]{3}|^-{3}/.test(s);
  // All as values of one mapping, then the short ones each as a key.
  const values = [...short, ...long].filter(usable);
  assert.equal(check(values.map((s, i) => `k${i}: ${s}`).join('\n')), 'handled');
  const keys = [...short].filter(usable);
  let handled = 0;
  for (const s of keys) if (check(`${s}: v\n`) === 'handled') handled++;
  assert.ok(handled > keys.length * 0.9, `${handled} of ${keys.length} keys took the fast path`);
});

// ---------------------------------------------------------------------------------------------
// Differential test: random manifest-like documents, some of them damaged on purpose.

/** Draws from a seeded PRNG (support/seededRandom.ts), so every run checks the same documents. */
class Generator extends SeededRandom {
  static readonly words = ['name', 'app', 'web', 'image', 'nginx:1.25', 'a b', 'x.y/z', 'http://h:80/p', 'v1', 'a#b', 'a:b', '-x', 'null', 'Yes', 'off', 'y', '~', '0777', '0x1F', '0b11', '1_000', '12', '-0', '3.14', '1e3', '.inf', '-.INF', '.nan', '2001-12-14', '1:20', '+5', '08', '.', 'e5', '100m', '128Mi', '25%', 'true', 'FALSE', 'über', '<<', 'a  b', 'c[0]', 'd{e}', 'f,g', '?q', ':q', '99999999999999999999'];
  static readonly keys = ['name', 'kind', 'spec', 'metadata', 'labels', 'a', 'b', 'c', 'app.kubernetes.io/name', 'x y', '5', 'true', '3.14', '~', 'null', '1e3', 'on', '0x10', '-0', 'k:v', 'k#1'];

  plain(): string {
    return this.pick(Generator.words);
  }

  quoted(): string {
    const s = this.pick(['', 'x', "it's", 'a "b"', '#', ': ', 'é', 'tab\there', 'back\\slash', ' spaced ']);
    if (this.chance(0.5)) return `'${s.replace(/'/g, "''").replace(/\t/g, ' ')}'`;
    const escaped = s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t');
    return `"${escaped}${this.pick(['', '\\n', '\\u00e9', '\\x41', '\\/', '\\0', '\\e', '\\N', '\\L', '\\_', '\\ '])}"`;
  }

  scalar(): string {
    return this.chance(0.7) ? this.plain() : this.quoted();
  }

  key(): string {
    if (this.chance(0.15)) return this.quoted();
    return this.pick(Generator.keys);
  }

  comment(): string {
    return this.pick(['# c', '#', '# a: b', '#- x', '# [x', '#x']);
  }

  lineEnd(): string {
    return this.chance(0.15) ? ` ${this.comment()}` : this.chance(0.05) ? '  ' : '';
  }

  /** A flow collection; multi-line ones break lines deeper than `indent`. */
  flow(indent: number, depth: number, multiline: boolean): string {
    const isMap = this.chance(0.5);
    const n = this.int(4);
    const items: string[] = [];
    for (let i = 0; i < n; i++) {
      const value = depth < 3 && this.chance(0.25) ? this.flow(indent + 2, depth + 1, multiline && this.chance(0.3)) : this.scalar();
      items.push(isMap ? `${this.key()}${this.pick([': ', ': ', ':  ', ' : '])}${this.chance(0.05) ? '' : value}` : value);
    }
    const [open, close] = isMap ? ['{', '}'] : ['[', ']'];
    if (!multiline) return `${open}${items.join(this.pick([', ', ',', ' , ']))}${this.chance(0.2) && n ? ',' : ''}${close}`;
    const pad = ' '.repeat(indent + 2);
    const lines = items.map((item, i) => `${pad}${item}${i < n - 1 || this.chance(0.5) ? ',' : ''}${this.chance(0.2) ? ` ${this.comment()}` : ''}`);
    while (this.chance(0.3)) lines.splice(this.int(lines.length + 1), 0, this.chance(0.2) ? '' : `${' '.repeat(this.int(indent + 4))}${this.comment()}`);
    return `${open}\n${lines.join('\n')}\n${' '.repeat(indent + this.int(2))}${close}`;
  }

  blockScalar(indent: number): string {
    const header = this.pick(['|', '|-', '|+', '>', '>-', '>+']) + (this.chance(0.1) ? ' # h' : '');
    const base = indent + 1 + this.int(3);
    const lines: string[] = [];
    const n = 1 + this.int(5);
    for (let i = 0; i < n; i++) {
      const kind = this.int(10);
      if (i > 0 && kind < 2) lines.push(this.chance(0.5) ? '' : ' '.repeat(this.int(base + 3)));
      else if (kind < 4) lines.push(' '.repeat(base + 1 + this.int(3)) + this.plain());
      else lines.push(' '.repeat(base) + this.pick(['text', 'a: b', '# not a comment', '- item', 'x  y', '"q"']));
    }
    for (let i = this.int(3); i > 0; i--) lines.push(this.chance(0.5) ? '' : ' '.repeat(this.int(base + 3)));
    return `${header}\n${lines.join('\n')}`;
  }

  /** A value after `key:` (returns the text starting right after the colon). */
  value(indent: number, depth: number): string {
    const r = this.int(20);
    if (depth > 4 || r < 8) return ` ${this.scalar()}${this.lineEnd()}`;
    if (r < 10) return ` ${this.flow(indent, 0, this.chance(0.3))}${this.lineEnd()}`;
    if (r < 12) return ` ${this.blockScalar(indent)}`;
    if (r < 13) return this.chance(0.5) ? '' : ` ${this.comment()}`;
    if (r < 14) {
      const between = this.chance(0.3) ? `\n${' '.repeat(this.int(indent + 4))}${this.comment()}` : '';
      const value = this.chance(0.8) ? this.scalar() : this.flow(indent, 0, this.chance(0.5));
      return `${this.lineEnd()}${between}\n${' '.repeat(indent + 1 + this.int(3))}${value}${this.lineEnd()}`;
    }
    if (r < 17) return `${this.lineEnd()}\n${this.map(indent + 1 + this.int(3), depth + 1)}`;
    return `${this.lineEnd()}\n${this.seq(this.chance(0.5) ? indent : indent + 2, depth + 1)}`;
  }

  map(indent: number, depth: number): string {
    const pad = ' '.repeat(indent);
    const n = 1 + this.int(4);
    const used = new Set<string>();
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      let key = this.key();
      if (used.has(key) && !this.chance(0.05)) key = `k${i}`;
      used.add(key);
      lines.push(`${pad}${key}:${this.value(indent, depth)}`);
      this.trivia(lines, indent);
    }
    return lines.join('\n');
  }

  /** The first line of a mapping inside a sequence item, continuing at `indent`. */
  inlineMap(indent: number, depth: number): string {
    return this.map(indent, depth).slice(indent);
  }

  seq(indent: number, depth: number): string {
    const pad = ' '.repeat(indent);
    const n = 1 + this.int(4);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = this.int(12);
      const gap = this.pick([' ', ' ', '   ']);
      if (depth > 4 || r < 4) lines.push(`${pad}-${gap}${this.scalar()}${this.lineEnd()}`);
      else if (r < 7) lines.push(`${pad}-${gap}${this.inlineMap(indent + 1 + gap.length, depth + 1)}`);
      else if (r < 8) lines.push(`${pad}-${gap}${this.seq(indent + 1 + gap.length, depth + 1).slice(indent + 1 + gap.length)}`);
      else if (r < 9) lines.push(`${pad}-${gap}${this.flow(indent, 0, this.chance(0.3))}${this.lineEnd()}`);
      else if (r < 10) lines.push(`${pad}-${gap}${this.blockScalar(indent)}`);
      else if (r < 11) lines.push(`${pad}-${this.chance(0.5) ? '' : ` ${this.comment()}`}`);
      else lines.push(`${pad}-\n${this.map(indent + 2, depth + 1)}`);
      this.trivia(lines, indent);
    }
    return lines.join('\n');
  }

  /** Sometimes blank lines and comment lines at a random indent. */
  trivia(lines: string[], indent: number): void {
    while (this.chance(0.15)) lines.push(this.chance(0.4) ? ' '.repeat(this.int(3)) : `${' '.repeat(this.int(indent + 5))}${this.comment()}`);
  }

  document(): string {
    const head = this.pick(['', '', '', '---\n', '--- # doc\n', '# top\n', '\n']);
    const r = this.int(10);
    const body = r < 6 ? this.map(this.chance(0.05) ? 2 : 0, 0) : r < 8 ? this.seq(0, 0) : r < 9 ? this.flow(0, 0, this.chance(0.5)) : '';
    const tail = this.pick(['\n', '', '\n\n', '\n# end\n', '\n  # end\n', '\n    \n', '\n...\n', '\n  # c\n... # end\n\n# x']);
    return head + body + tail;
  }

  static readonly hostile = [': ', ':', "'", '"', '\t', '#', ' #', '[', ']', '{', '}', ',', '- ', '-', '&a ', '*a', '!t ', '? ', '|', '>', '\n', ' ', '  ', '---\n', '...\n', '%', '@', '\r\n', '\\', 'x'];

  /** Damages a document: inserted or removed characters, changed indentation, duplicated lines. */
  mutate(text: string): string {
    const lines = text.split('\n');
    const r = this.int(5);
    if (r === 0 && lines.length > 1) {
      const i = this.int(lines.length);
      lines.splice(i, 0, lines[this.int(lines.length)]);
      return lines.join('\n');
    }
    if (r === 1) {
      const i = this.int(lines.length);
      if (this.chance(0.3)) lines.splice(i, 0, `${' '.repeat(this.int(8))}${this.comment()}`);
      else lines[i] = this.chance(0.5) ? ` ${lines[i]}` : lines[i].replace(/^ /, '');
      return lines.join('\n');
    }
    const at = this.int(text.length + 1);
    if (r === 2) return text.slice(0, at) + text.slice(at + 1 + this.int(3));
    return text.slice(0, at) + this.pick(Generator.hostile) + text.slice(at);
  }
}

const ITERATIONS = Number(process.env.FASTPARSE_FUZZ_ITERATIONS ?? 3000);

test(`fastParse: ${ITERATIONS} random documents agree with the yaml library`, () => {
  const gen = new Generator(20240611);
  let handled = 0;
  let mutatedHandled = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    let text = gen.document();
    if (gen.chance(0.15)) text = text.replace(/\n/g, '\r\n');
    const mutated = gen.chance(0.4);
    if (mutated) for (let m = 1 + gen.int(2); m > 0; m--) text = gen.mutate(text);
    if (check(text) === 'handled') {
      handled++;
      if (mutated) mutatedHandled++;
    }
  }
  // The generator mostly writes the supported subset: most documents must take the fast path.
  assert.ok(handled > ITERATIONS * 0.4, `only ${handled} of ${ITERATIONS} documents took the fast path`);
  assert.ok(mutatedHandled > 0);
});

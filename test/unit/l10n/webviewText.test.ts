import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * Issue #17, the guard of the preview webview (client/webview): no text a person reads is raw English.
 * The sinks: the children of `el(tag, attributes, …children)` (dom.ts builds text nodes from them), the
 * `aria-label`, `aria-description`, `title` and `placeholder` attributes, and assignments to
 * `textContent`, `title`, `placeholder`. Words that are Kubernetes' own (kinds such as `Ingress`,
 * statuses such as `Pending`) stay English in every language and pass; so do codes and punctuation.
 */
const WEBVIEW = join(__dirname, '..', '..', '..', 'client', 'webview');
const KUBERNETES_WORDS = /\b(Pods?|Nodes?|Deployments?|ReplicaSets?|StatefulSets?|DaemonSets?|Services?|Ingress|NetworkPolicy|PersistentVolume(Claim)?s?|Pending|Running|Terminating|NotReady|PENDING|TCP|UDP|SCTP|CPU|GPU|control-plane)\b/g;

/** The words of a literal a person would read, after its `${…}` parts, Kubernetes' words and symbols are taken out. */
function readableWords(text: string): string[] {
  if (/^https?:\/\/\S+$/.test(text.trim())) return []; // an example URL, not words
  return text.replace(KUBERNETES_WORDS, ' ').match(/[A-Za-z]{3,}/g) ?? [];
}

function literalText(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => ` ${span.literal.text}`).join('');
  if (ts.isConditionalExpression(node)) return [literalText(node.whenTrue), literalText(node.whenFalse)].filter((t) => t !== undefined).join(' ') || undefined;
  return undefined;
}

function rawTexts(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const check = (node: ts.Expression, sink: string): void => {
    const literal = literalText(node);
    if (literal !== undefined && readableWords(literal).length > 0) found.push(`${fileName}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${sink} ${literal.slice(0, 60)}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'el') for (const child of node.arguments.slice(2)) check(child, 'el child');
    if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name) && ['aria-label', 'aria-description', 'title', 'placeholder'].includes(node.name.text)) check(node.initializer, node.name.text);
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && ['title', 'placeholder'].includes(node.name.text)) check(node.initializer, node.name.text);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && ['textContent', 'title', 'placeholder'].includes(node.left.name.text)) check(node.right, node.left.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const planted: Array<[string, string, number]> = [
  ['a raw child', "el('p', { class: 'empty' }, 'Every pod found a node.')", 1],
  ['a raw aria-label', "el('button', { 'aria-label': 'Close the node details' })", 1],
  ['raw text content', "status.textContent = `Step ${i} of ${n}`;", 1],
  ['a translated child', "el('p', { class: 'empty' }, l10n.t('Every pod found a node.'))", 0],
  ['a kind and a name', "el('button', { 'aria-label': `Ingress ${name}` })", 0],
  ['punctuation around values', "el('span', {}, `${used} / ${total}`)", 0],
];

for (const [name, code, count] of planted) {
  test(`l10n guard (webview): ${name}`, () => assert.equal(rawTexts('planted.ts', code).length, count));
}

test('l10n guard: the webview shows no raw English (wrap it in l10n.t when drawn, docs/l10n.md)', () => {
  const files = readdirSync(WEBVIEW).filter((name) => name.endsWith('.ts')).sort();
  assert.ok(files.length > 40, 'the webview is scanned');
  const found = files.flatMap((name) => rawTexts(name, readFileSync(join(WEBVIEW, name), 'utf8')));
  assert.deepEqual(found, []);
});

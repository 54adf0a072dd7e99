import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * Issue #17, the guard of the CLI's text output (server/src/cli): no sentence given to `io.stdout`,
 * `io.stderr`, `usage(…)` or pushed onto the output's lines is raw English. What passes: kubectl-like
 * column headers and labels (`NODE  ZONE`, `outcome:`, `egress:`), the command's own name
 * (`drydock check:`), Kubernetes' words, values and punctuation.
 */
const CLI = join(__dirname, '..', '..', '..', 'server', 'src', 'cli');
const LABELS = /\b(drydock|check|simulate|rollout|reach|routes|whatif|NODE|ZONE|CPU|MEMORY|PODS|PENDING|SERVICES|INGRESSES|VERDICTS|ALLOWED|DENIED|ERROR|TCP|UDP|egress|ingress|outcome|note|pending|replicas|step|old|new|avail|unavail|actions|class|default backend|from|to)\b/g;

function literalText(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => ` ${span.literal.text}`).join('');
  if (ts.isConditionalExpression(node)) return [literalText(node.whenTrue), literalText(node.whenFalse)].filter((t) => t !== undefined).join(' ') || undefined;
  return undefined;
}

function rawOutput(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      if (['push', 'stdout', 'stderr', 'usage'].includes(name)) {
        for (const argument of node.arguments) {
          const literal = literalText(argument);
          if (literal !== undefined && /[A-Za-z]{3,}/.test(literal.replace(LABELS, ' '))) found.push(`${fileName}:${source.getLineAndCharacterOfPosition(argument.getStart(source)).line + 1} ${name} ${literal.slice(0, 60)}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const planted: Array<[string, string, number]> = [
  ['a raw summary line', "lines.push(`${n} pods: ${b} bound`);", 1],
  ['a raw usage error', "return usage(io, 'no --event given');", 1],
  ['a translated line', "lines.push(l10n.t('{0} pods: {1} bound', n, b));", 0],
  ['a column header and a label', "lines.push('  step   old   new  avail  unavail  actions', `  outcome: ${result.outcome}`);", 0],
  ['the command name before a message', "io.stderr(`drydock check: ${message}\\n`);", 0],
];

for (const [name, code, count] of planted) {
  test(`l10n guard (CLI): ${name}`, () => assert.equal(rawOutput('planted.ts', code).length, count));
}

test('l10n guard: the CLI prints no raw English sentence (wrap it in l10n.t, docs/l10n.md)', () => {
  const files = readdirSync(CLI).filter((name) => name.endsWith('.ts')).sort();
  assert.ok(files.length > 20, 'the CLI is scanned');
  assert.deepEqual(files.flatMap((name) => rawOutput(name, readFileSync(join(CLI, name), 'utf8'))), []);
});

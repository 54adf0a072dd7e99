import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * Finds the messages a person reads that are still raw text in the language service's sources
 * (issue #17): a string or template literal with words given to a sink instead of `l10n.t(…)`.
 * The sinks: any argument of a `report(…)` / `….report(…)` call, of the scheduler's `simplePlacement(…)`
 * or of VS Code's `show…Message(…)`, and the `message`, `title`, `detail`, `reason`, `error` and
 * `fallback` properties of an object literal (findings, quick fixes, completion entries, why a policy
 * was not evaluated, a parse error shown to the user, why the rollout baseline is not the one asked for). Pure code passes: a code (`api/name-format`, `schema/${keyword}`), a single word (`'value'`, `'error'`),
 * text with no words (`${owner}: ${detail}.`), and calls (`l10n.t(…)`, `verbatim(…)` for
 * Kubernetes' own words). Also refused: an `l10n.t` whose message is not a plain string literal
 * (the extractor could not read it).
 */
export interface RawMessage {
  line: number;
  sink: string;
  text: string;
}

const SINK_PROPERTIES: ReadonlySet<string> = new Set(['message', 'title', 'detail', 'reason', 'error', 'fallback']);
/** Calls whose arguments a person reads: a rule's `report`, VS Code's notifications (the client's). */
const SINK_CALLS: ReadonlySet<string> = new Set(['report', 'showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'simplePlacement']);
const CODE = /^[a-z0-9-]+(\/[a-zA-Z0-9._$-]*)+$/;

/** Whether the text of a literal (a template's `${…}` parts stand as `x`) reads as words for a person. */
function isProse(text: string): boolean {
  return /[A-Za-z]{2,}/.test(text) && /\s/.test(text.trim()) && !CODE.test(text);
}

/** The raw literals an expression can evaluate to (through `?:`, `+`, `??`, `||` and parentheses). */
function rawLiterals(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return rawLiterals(node.expression);
  if (ts.isConditionalExpression(node)) return [...rawLiterals(node.whenTrue), ...rawLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
      return [...rawLiterals(node.left), ...rawLiterals(node.right)];
    }
    return [];
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return isProse(node.text) ? [node] : [];
  if (ts.isTemplateExpression(node)) {
    const text = node.head.text + node.templateSpans.map((span) => `x${span.literal.text}`).join('');
    return isProse(text) ? [node] : [];
  }
  return [];
}

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

export function rawMessages(fileName: string, text: string): RawMessage[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: RawMessage[] = [];
  const flag = (node: ts.Node, sink: string): void => {
    found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, sink, text: node.getText(source).slice(0, 100) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      if (name !== undefined && SINK_CALLS.has(name)) for (const argument of node.arguments) for (const raw of rawLiterals(argument)) flag(raw, `${name}(…)`);
      if (name === 't' && ts.isPropertyAccessExpression(node.expression) && node.expression.expression.getText(source) === 'l10n') {
        const message = node.arguments[0];
        if (!message || !ts.isStringLiteral(message)) flag(node, 'l10n.t(<not a string literal>)');
      }
    }
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && SINK_PROPERTIES.has(node.name.text)) {
      for (const raw of rawLiterals(node.initializer)) flag(raw, `${node.name.text}:`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The TypeScript sources at `path` (a file, or a folder and its subfolders), sorted: what the guards scan. */
export function typeScriptFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => (statSync(join(path, name)).isDirectory() ? typeScriptFiles(join(path, name)) : name.endsWith('.ts') ? [join(path, name)] : []));
}

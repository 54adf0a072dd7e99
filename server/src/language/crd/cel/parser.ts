import { lex, type Token } from './lexer';
import { ownValue } from '../../../simulator/model/ownValue';

/** The syntax tree of the CEL subset. Literals carry their CEL type (int and double are distinct). */
export type Expr =
  | { k: 'int'; v: number }
  | { k: 'double'; v: number }
  | { k: 'string'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'null' }
  | { k: 'ident'; name: string }
  | { k: 'list'; items: Expr[] }
  | { k: 'select'; target: Expr; field: string }
  | { k: 'index'; target: Expr; index: Expr }
  | { k: 'has'; target: Expr; field: string }
  | { k: 'unary'; op: '!' | '-'; arg: Expr }
  | { k: 'binary'; op: string; left: Expr; right: Expr }
  | { k: 'and' | 'or'; left: Expr; right: Expr }
  | { k: 'cond'; test: Expr; then: Expr; otherwise: Expr }
  | { k: 'call'; fn: string; target: Expr | undefined; args: Expr[] }
  | { k: 'macro'; fn: MacroName; target: Expr; variable: string; body: Expr };

/** The comprehension macros of the subset (two-argument forms). */
export type MacroName = 'all' | 'exists' | 'exists_one' | 'filter' | 'map';

export const MAX_DEPTH = 32;
export const MAX_NODES = 500;
const RELATIONS = new Set(['==', '!=', '<', '<=', '>', '>=', 'in']);
const RESERVED = new Set(['as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'in', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while', 'true', 'false', 'null']);
/** Functions of the subset: global form (arity) and receiver form (arity without the receiver). */
const GLOBAL_FUNCTIONS: Record<string, number> = { size: 1, int: 1, string: 1 };
const METHODS: Record<string, number> = { size: 0, startsWith: 1, endsWith: 1, contains: 1, matches: 1 };
const MACROS = new Set(['all', 'exists', 'exists_one', 'filter', 'map']);

class Unsupported extends Error {}

/**
 * Parses a rule into the subset's tree, or undefined when the rule is not in the subset (unknown
 * function, `oldSelf`, escaped field names, maps, too long or too deep…) or is not valid CEL.
 * Bounded: at most MAX_RULE_LENGTH characters, MAX_DEPTH nesting levels and MAX_NODES nodes.
 * `variables` are the names the rule may use (`self` for a CRD rule; `object`, `params`… for an
 * admission policy's expressions): any other identifier is outside the subset.
 */
export function parseRule(rule: string, variables: readonly string[] = ['self']): Expr | undefined {
  const tokens = lex(rule);
  if (!tokens) return undefined;
  try {
    return new Parser(tokens, variables).parseAll();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

class Parser {
  private at = 0;
  private depth = 0;
  private nodes = 0;
  private readonly scope: string[];

  constructor(
    private readonly tokens: Token[],
    variables: readonly string[],
  ) {
    this.scope = [...variables];
  }

  parseAll(): Expr {
    const expr = this.expr();
    if (this.peek().kind !== 'eof') throw new Unsupported();
    return expr;
  }

  private expr(): Expr {
    if (++this.depth > MAX_DEPTH) throw new Unsupported();
    const test = this.or();
    let result = test;
    if (this.eat('?')) {
      const then = this.or();
      this.expect(':');
      result = this.node({ k: 'cond', test, then, otherwise: this.expr() });
    }
    this.depth--;
    return result;
  }

  private or(): Expr {
    let left = this.and();
    while (this.eat('||')) left = this.node({ k: 'or', left, right: this.and() });
    return left;
  }

  private and(): Expr {
    let left = this.relation();
    while (this.eat('&&')) left = this.node({ k: 'and', left, right: this.relation() });
    return left;
  }

  private relation(): Expr {
    let left = this.addition();
    for (;;) {
      const t = this.peek();
      const op = t.kind === 'op' ? t.value : t.kind === 'ident' && t.value === 'in' ? 'in' : undefined;
      if (!op || !RELATIONS.has(op)) return left;
      this.at++;
      left = this.node({ k: 'binary', op, left, right: this.addition() });
    }
  }

  private addition(): Expr {
    let left = this.multiplication();
    for (let op = this.peekOp(['+', '-']); op; op = this.peekOp(['+', '-'])) {
      this.at++;
      left = this.node({ k: 'binary', op, left, right: this.multiplication() });
    }
    return left;
  }

  private multiplication(): Expr {
    let left = this.unary();
    for (let op = this.peekOp(['*', '/', '%']); op; op = this.peekOp(['*', '/', '%'])) {
      this.at++;
      left = this.node({ k: 'binary', op, left, right: this.unary() });
    }
    return left;
  }

  private unary(): Expr {
    const op = this.peekOp(['!', '-']);
    if (!op) return this.member();
    this.at++;
    if (++this.depth > MAX_DEPTH) throw new Unsupported();
    const arg = this.unary();
    this.depth--;
    if (op === '-' && (arg.k === 'int' || arg.k === 'double')) return { k: arg.k, v: -arg.v };
    return this.node({ k: 'unary', op: op as '!' | '-', arg });
  }

  private member(): Expr {
    let target = this.primary();
    for (;;) {
      if (this.eat('.')) {
        // An admission policy's `request` is a declared type, not a schema object: its fields are not
        // escaped, so `request.namespace` selects a field although `namespace` is a reserved word.
        const name = target.k === 'ident' && target.name === 'request' ? this.fieldOfDeclaredType() : this.identifier();
        if (this.eat('(')) target = this.method(target, name);
        else target = this.node({ k: 'select', target, field: name });
      } else if (this.eat('[')) {
        const index = this.expr();
        this.expect(']');
        target = this.node({ k: 'index', target, index });
      } else return target;
    }
  }

  private method(target: Expr, name: string): Expr {
    if (MACROS.has(name)) {
      const variable = this.identifier();
      if (this.scope.includes(variable)) throw new Unsupported(); // shadowing a variable
      this.expect(',');
      this.scope.push(variable);
      const body = this.expr();
      this.scope.pop();
      this.expect(')');
      return this.node({ k: 'macro', fn: name as MacroName, target, variable, body });
    }
    const args = this.args();
    if (ownValue(METHODS, name) !== args.length) throw new Unsupported();
    return this.node({ k: 'call', fn: name, target, args });
  }

  private primary(): Expr {
    const t = this.next();
    if (t.kind === 'int' || t.kind === 'double' || t.kind === 'string') return this.node({ k: t.kind, v: t.value } as Expr);
    if (t.kind === 'op' && t.value === '(') {
      const inner = this.expr();
      this.expect(')');
      return inner;
    }
    if (t.kind === 'op' && t.value === '[') {
      const items: Expr[] = [];
      while (!this.eat(']')) {
        items.push(this.expr());
        if (!this.eat(',')) {
          this.expect(']');
          break;
        }
      }
      return this.node({ k: 'list', items });
    }
    if (t.kind !== 'ident') throw new Unsupported();
    if (t.value === 'true' || t.value === 'false') return this.node({ k: 'bool', v: t.value === 'true' });
    if (t.value === 'null') return this.node({ k: 'null' });
    if (this.eat('(')) {
      if (t.value === 'has') {
        const arg = this.expr();
        this.expect(')');
        if (arg.k !== 'select') throw new Unsupported();
        return this.node({ k: 'has', target: arg.target, field: arg.field });
      }
      const args = this.args();
      if (ownValue(GLOBAL_FUNCTIONS, t.value) !== args.length) throw new Unsupported();
      return this.node({ k: 'call', fn: t.value, target: undefined, args });
    }
    if (!this.scope.includes(t.value)) throw new Unsupported(); // oldSelf, unknown variables, type names
    return this.node({ k: 'ident', name: t.value });
  }

  /** Arguments after an opening parenthesis, up to and including the closing one. */
  private args(): Expr[] {
    const args: Expr[] = [];
    if (this.eat(')')) return args;
    for (;;) {
      args.push(this.expr());
      if (this.eat(')')) return args;
      this.expect(',');
    }
  }

  private fieldOfDeclaredType(): string {
    const t = this.next();
    if (t.kind !== 'ident' || t.value.includes('__')) throw new Unsupported();
    return t.value;
  }

  /** A field or method name: `__`-escaped names and reserved words are outside the subset. */
  private identifier(): string {
    const t = this.next();
    if (t.kind !== 'ident' || RESERVED.has(t.value) || t.value.includes('__')) throw new Unsupported();
    return t.value;
  }

  private node(expr: Expr): Expr {
    if (++this.nodes > MAX_NODES) throw new Unsupported();
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.at];
  }

  private next(): Token {
    const t = this.tokens[this.at];
    if (t.kind !== 'eof') this.at++;
    return t;
  }

  private peekOp(ops: string[]): string | undefined {
    const t = this.peek();
    return t.kind === 'op' && ops.includes(t.value) ? t.value : undefined;
  }

  private eat(op: string): boolean {
    const t = this.peek();
    if (t.kind === 'op' && t.value === op) {
      this.at++;
      return true;
    }
    return false;
  }

  private expect(op: string): void {
    if (!this.eat(op)) throw new Unsupported();
  }
}

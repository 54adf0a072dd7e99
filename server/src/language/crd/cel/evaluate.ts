import type { Expr } from './parser';
import { compileRe2, subjectIsAmbiguous } from './regex';
import { codePoints, compare, double, int, isTagged, type CelValue } from './values';

/** The cost budget of one rule: one unit per node evaluated, plus the length of strings and lists handled. */
export const MAX_COST = 100_000;

const ERROR = Symbol('cel-error');
type Result = CelValue | typeof ERROR;
type Env = ReadonlyMap<string, CelValue>;

/**
 * Evaluates a parsed rule with `self` bound. True or false when CEL would say so; undefined when
 * evaluation errors (no such key, no matching overload, overflow, division by zero…), the result is
 * not a bool, or the cost budget runs out. Errors follow CEL: `&&`, `||`, `all` and `exists` absorb
 * an error when the other side decides the result.
 */
export function evaluate(expr: Expr, self: CelValue, budget = MAX_COST): boolean | undefined {
  return evaluateCounted(expr, self, budget).result;
}

/** `evaluate`, with the cost it used (for budgets shared by many evaluations). */
export function evaluateCounted(expr: Expr, self: CelValue, budget = MAX_COST): { result: boolean | undefined; cost: number } {
  const evaluator = new Evaluator(budget);
  const result = evaluator.eval(expr, new Map([['self', self]]));
  const cost = budget - Math.max(evaluator.remaining, 0);
  return { result: evaluator.exhausted || typeof result !== 'boolean' ? undefined : result, cost };
}

/**
 * The value of an expression with these variables bound (an admission policy's `object`, `params`,
 * `variables`…); undefined when evaluation errors or the budget runs out.
 */
export function evaluateValue(expr: Expr, bindings: ReadonlyMap<string, CelValue>, budget = MAX_COST): { value: CelValue | undefined; cost: number } {
  const evaluator = new Evaluator(budget);
  const value = evaluator.eval(expr, bindings);
  return { value: evaluator.exhausted || value === ERROR ? undefined : value, cost: budget - Math.max(evaluator.remaining, 0) };
}

class Evaluator {
  exhausted = false;
  constructor(public remaining: number) {}

  private charge(units: number): boolean {
    this.remaining -= units;
    if (this.remaining < 0) this.exhausted = true;
    return !this.exhausted;
  }

  eval(e: Expr, env: Env): Result {
    if (!this.charge(1)) return ERROR;
    switch (e.k) {
      case 'int':
        return int(e.v);
      case 'double':
        return double(e.v);
      case 'string':
      case 'bool':
        return e.v;
      case 'null':
        return null;
      case 'ident':
        return env.has(e.name) ? (env.get(e.name) as CelValue) : ERROR;
      case 'list': {
        const items: CelValue[] = [];
        for (const item of e.items) {
          const value = this.eval(item, env);
          if (value === ERROR) return ERROR;
          items.push(value);
        }
        return { t: 'list', items };
      }
      case 'select': {
        const target = this.eval(e.target, env);
        if (isTagged(target, 'object')) return target.fields.get(e.field) ?? ERROR;
        if (isTagged(target, 'map')) return target.entries.get(e.field) ?? ERROR;
        return ERROR;
      }
      case 'has': {
        const target = this.eval(e.target, env);
        if (isTagged(target, 'object')) return target.fields.has(e.field);
        if (isTagged(target, 'map')) return target.entries.has(e.field);
        return ERROR;
      }
      case 'index':
        return this.index(this.eval(e.target, env), this.eval(e.index, env));
      case 'unary': {
        const arg = this.eval(e.arg, env);
        if (e.op === '!') return typeof arg === 'boolean' ? !arg : ERROR;
        if (isTagged(arg, 'int')) return arg.v === 0 ? int(0) : int(-arg.v);
        if (isTagged(arg, 'double')) return double(-arg.v);
        return ERROR;
      }
      case 'and':
      case 'or': {
        const decisive = e.k === 'or';
        const left = this.eval(e.left, env);
        if (left === decisive) return decisive;
        const right = this.eval(e.right, env);
        if (right === decisive) return decisive;
        return typeof left === 'boolean' && typeof right === 'boolean' ? !decisive : ERROR;
      }
      case 'cond': {
        const test = this.eval(e.test, env);
        if (typeof test !== 'boolean') return ERROR;
        return this.eval(test ? e.then : e.otherwise, env);
      }
      case 'binary':
        return this.binary(e.op, this.eval(e.left, env), this.eval(e.right, env));
      case 'call':
        return this.call(e.fn, e.target ? this.eval(e.target, env) : undefined, e.args.map((a) => this.eval(a, env)));
      case 'macro':
        return this.macro(e, env);
    }
  }

  private index(target: Result, index: Result): Result {
    if (isTagged(target, 'list') && isTagged(index, 'int')) return index.v >= 0 && index.v < target.items.length ? target.items[index.v] : ERROR;
    if (isTagged(target, 'map') && typeof index === 'string') return target.entries.get(index) ?? ERROR;
    return ERROR;
  }

  private binary(op: string, a: Result, b: Result): Result {
    if (a === ERROR || b === ERROR) return ERROR;
    switch (op) {
      case '==':
      case '!=': {
        const equal = this.equals(a, b);
        return equal === ERROR ? ERROR : op === '==' ? equal : !equal;
      }
      case '<':
      case '<=':
      case '>':
      case '>=': {
        if (typeof a === 'string' && typeof b === 'string' && !this.charge(a.length + b.length)) return ERROR;
        const order = compare(a, b);
        if (order === undefined) return ERROR;
        return op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
      }
      case 'in': {
        if (isTagged(b, 'map')) return typeof a === 'string' ? b.entries.has(a) : ERROR;
        if (!isTagged(b, 'list') || !this.charge(b.items.length)) return ERROR;
        for (const item of b.items) {
          const equal = this.equals(a, item);
          if (equal === ERROR) return ERROR;
          if (equal) return true;
        }
        return false;
      }
      default:
        return this.arithmetic(op, a, b);
    }
  }

  private arithmetic(op: string, a: CelValue, b: CelValue): Result {
    if (isTagged(a, 'int') && isTagged(b, 'int')) {
      let v: number;
      if (op === '+') v = a.v + b.v;
      else if (op === '-') v = a.v - b.v;
      else if (op === '*') v = a.v * b.v;
      else if (b.v === 0) return ERROR;
      else if (op === '/') v = Number(BigInt(a.v) / BigInt(b.v));
      else v = a.v % b.v;
      return Number.isSafeInteger(v) ? int(v === 0 ? 0 : v) : ERROR; // beyond 2^53 we cannot follow int64 exactly
    }
    if (isTagged(a, 'double') && isTagged(b, 'double')) {
      if (op === '+') return double(a.v + b.v);
      if (op === '-') return double(a.v - b.v);
      if (op === '*') return double(a.v * b.v);
      if (op === '/') return double(a.v / b.v);
      return ERROR;
    }
    if (op !== '+') return ERROR;
    if (typeof a === 'string' && typeof b === 'string') return this.charge(a.length + b.length) ? a + b : ERROR;
    if (isTagged(a, 'list') && isTagged(b, 'list')) return this.charge(a.items.length + b.items.length) ? { t: 'list', items: [...a.items, ...b.items] } : ERROR;
    return ERROR;
  }

  /** CEL equality within one type; across types (even int and double) the rule is skipped. */
  private equals(a: CelValue, b: CelValue): boolean | typeof ERROR {
    if (a === null || b === null) return a === b ? true : ERROR;
    if (typeof a === 'boolean' || typeof b === 'boolean') return typeof a === typeof b ? a === b : ERROR;
    if (typeof a === 'string' || typeof b === 'string') return typeof a === 'string' && typeof b === 'string' && this.charge(Math.min(a.length, b.length)) ? a === b : ERROR;
    if ((a.t === 'int' && b.t === 'int') || (a.t === 'double' && b.t === 'double')) return Number.isNaN(a.v) || Number.isNaN(b.v) ? ERROR : a.v === b.v;
    if (a.t === 'list' && b.t === 'list') {
      if (a.items.length !== b.items.length) return false;
      if (!this.charge(a.items.length)) return ERROR;
      let equal = true;
      for (let i = 0; i < a.items.length; i++) {
        const item = this.equals(a.items[i], b.items[i]);
        if (item === ERROR) return ERROR;
        equal &&= item;
      }
      return equal;
    }
    if (a.t === 'map' && b.t === 'map') {
      if (a.entries.size !== b.entries.size) return false;
      if (!this.charge(a.entries.size)) return ERROR;
      let equal = true;
      for (const [key, value] of a.entries) {
        const other = b.entries.get(key);
        if (other === undefined) return false;
        const item = this.equals(value, other);
        if (item === ERROR) return ERROR;
        equal &&= item;
      }
      return equal;
    }
    return ERROR;
  }

  private call(fn: string, target: Result | undefined, args: Result[]): Result {
    if (target === ERROR || args.includes(ERROR)) return ERROR;
    const [first, second] = target === undefined ? [args[0] as CelValue, undefined] : [target, args[0] as CelValue | undefined];
    switch (fn) {
      case 'size':
        if (typeof first === 'string') return this.charge(first.length) ? int(codePoints(first)) : ERROR;
        if (isTagged(first, 'list')) return int(first.items.length);
        if (isTagged(first, 'map')) return int(first.entries.size);
        return ERROR;
      case 'int':
        return toInt(first);
      case 'string':
        if (typeof first === 'string') return first;
        if (typeof first === 'boolean') return String(first);
        if (isTagged(first, 'int')) return String(first.v);
        return ERROR; // string(double) formats like Go's %g: not followed
      case 'startsWith':
      case 'endsWith':
      case 'contains':
      case 'matches': {
        if (typeof first !== 'string' || typeof second !== 'string' || !this.charge(first.length + second.length)) return ERROR;
        if (fn === 'startsWith') return first.startsWith(second);
        if (fn === 'endsWith') return first.endsWith(second);
        if (fn === 'contains') return first.includes(second);
        const regex = compileRe2(second);
        if (!regex || subjectIsAmbiguous(first) || !this.charge(first.length * second.length)) return ERROR;
        return regex.test(first);
      }
      default:
        return ERROR;
    }
  }

  private macro(e: Extract<Expr, { k: 'macro' }>, env: Env): Result {
    const target = this.eval(e.target, env);
    let range: CelValue[];
    if (isTagged(target, 'list')) range = target.items;
    else if (isTagged(target, 'map')) range = [...target.entries.keys()];
    else return ERROR;
    const scope = new Map(env);
    let errored = false;
    let count = 0;
    const kept: CelValue[] = [];
    for (const element of range) {
      if (!this.charge(1)) return ERROR;
      scope.set(e.variable, element);
      const value = this.eval(e.body, scope);
      if (e.fn === 'map') {
        if (value === ERROR) return ERROR;
        kept.push(value);
      } else if (typeof value !== 'boolean') {
        if (e.fn === 'exists_one' || e.fn === 'filter') return ERROR;
        errored = true;
      } else if (e.fn === 'all' && !value) return false;
      else if (e.fn === 'exists' && value) return true;
      else if (e.fn === 'filter' && value) kept.push(element);
      else if (value) count++;
    }
    if (e.fn === 'filter' || e.fn === 'map') return { t: 'list', items: kept };
    if (e.fn === 'exists_one') return count === 1;
    return errored ? ERROR : e.fn === 'all';
  }
}

function toInt(value: CelValue): Result {
  if (isTagged(value, 'int')) return value;
  if (isTagged(value, 'double')) {
    const v = Math.trunc(value.v);
    return Number.isSafeInteger(v) ? int(v === 0 ? 0 : v) : ERROR;
  }
  if (typeof value === 'string' && /^[+-]?\d{1,16}$/.test(value)) {
    const v = Number(value);
    return Number.isSafeInteger(v) ? int(v === 0 ? 0 : v) : ERROR;
  }
  return ERROR;
}

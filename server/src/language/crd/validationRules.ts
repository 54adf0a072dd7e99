import { verbatim } from '../messageLists';
import { isPlainObject } from '../manifests';
import type { JsonSchema } from '../schema/schemaBundle';
import type { FieldPath } from '../../simulator/model/source';
import type { CrdProblem } from './crdErrorToFinding';
import { evaluateCounted, MAX_COST } from './cel/evaluate';
import { parseRule, type Expr } from './cel/parser';
import { toCel } from './cel/values';

const MAX_DEPTH = 64;
/** At most this many rule evaluations per custom resource, sharing one cost budget. */
const MAX_EVALUATIONS = 2_000;
const MAX_TOTAL_COST = 20 * MAX_COST;
export const VALIDATION_RULE_CODE = 'crd/validation-rule';

interface Walk {
  problems: CrdProblem[];
  evaluations: number;
  cost: number;
  /** Each rule text parsed once (undefined: not in the subset); the caller may keep it for the schema's other resources. */
  parsed: Map<string, Expr | undefined>;
}

/**
 * The CRD's CEL validation rules (`x-kubernetes-validations`) that a custom resource breaks, as the
 * API server reports them. Each rule is evaluated on every present value of the node it sits on,
 * with `self` bound to that value. A rule outside the subset of `cel/`, a transition rule
 * (`oldSelf`: there is no old object in an editor), or one whose evaluation errors is skipped:
 * only a rule that definitely evaluates to false is reported.
 *
 * `parsed`: rule texts already parsed (CrdRegistry keeps one map per schema, so a file of fifty
 * HTTPRoutes parses each rule once).
 *
 * Worked example: `value: {type: integer, x-kubernetes-validations: [{rule: "self > 0", message:
 * "Must be positive non-zero"}]}` with `value: -3` → `Invalid value: -3: Must be positive non-zero`.
 */
export function validationRuleProblems(schema: JsonSchema, value: unknown, parsed: Map<string, Expr | undefined> = new Map()): CrdProblem[] {
  const state: Walk = { problems: [], evaluations: 0, cost: 0, parsed };
  walk(schema, value, [], state, 0);
  return state.problems;
}

function walk(schema: JsonSchema, value: unknown, path: FieldPath, state: Walk, depth: number): void {
  if (depth > MAX_DEPTH || value === undefined || value === null) return;
  const rules = schema['x-kubernetes-validations'];
  if (Array.isArray(rules)) for (const rule of rules) check(rule, schema, value, path, state);
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, index) => walk(schema.items as JsonSchema, item, [...path, index], state, depth + 1));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const childSchema = schema.properties ? schema.properties[key] : typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    if (childSchema) walk(childSchema, child, [...path, key], state, depth + 1);
  }
}

function check(rule: unknown, schema: JsonSchema, value: unknown, path: FieldPath, state: Walk): void {
  if (!isPlainObject(rule) || typeof rule.rule !== 'string' || /\boldSelf\b/.test(rule.rule)) return;
  if (++state.evaluations > MAX_EVALUATIONS || state.cost >= MAX_TOTAL_COST) return;
  if (!state.parsed.has(rule.rule)) state.parsed.set(rule.rule, parseRule(rule.rule));
  const expr = state.parsed.get(rule.rule);
  if (!expr) return;
  const { result, cost } = evaluateCounted(expr, toCel(value, schema), Math.min(MAX_COST, MAX_TOTAL_COST - state.cost));
  state.cost += cost;
  if (result !== false) return;
  const detail = typeof rule.message === 'string' && rule.message.trim() ? rule.message.trim() : verbatim(`failed rule: ${rule.rule.trim()}`);
  const message =
    verbatim(
      rule.reason === 'FieldValueForbidden' ? `Forbidden: ${detail}` : rule.reason === 'FieldValueRequired' ? `Required value: ${detail}` : rule.reason === 'FieldValueDuplicate' ? `Duplicate value: ${shown(value)}` : `Invalid value: ${shown(value)}: ${detail}`,
    );
  const relative = typeof rule.fieldPath === 'string' ? resolveFieldPath(rule.fieldPath, value) : undefined;
  state.problems.push({ path: [...path, ...(relative ?? [])], target: 'value', finding: { severity: 'error', code: VALIDATION_RULE_CODE, message, data: { rule: rule.rule } } });
}

/** The value as the API server prints it in a field error: scalars as they are, composites by type. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return '"array"';
  if (isPlainObject(value)) return '"object"';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * A rule's `fieldPath` (`.spec.replicas`, `.labels['app.kubernetes.io/name']`) relative to its
 * node, when every step names a field present in `value`; otherwise undefined (report on the node).
 */
export function resolveFieldPath(fieldPath: string, value: unknown): FieldPath | undefined {
  const path: string[] = [];
  const step = /^(?:\.([A-Za-z_$][\w$-]*)|\['((?:[^'\\]|\\.)*)'\])/;
  let rest = fieldPath.trim();
  if (!rest) return undefined;
  while (rest) {
    const match = step.exec(rest);
    if (!match) return undefined;
    path.push(match[1] ?? match[2].replace(/\\(.)/g, '$1'));
    rest = rest.slice(match[0].length);
  }
  let node = value;
  for (const key of path) {
    if (!isPlainObject(node) || !(key in node)) return undefined;
    node = node[key];
  }
  return path;
}

import { verbatim } from '../../../messageLists';
import { evaluateValue, MAX_COST } from '../../../crd/cel/evaluate';
import { parseRule, type Expr } from '../../../crd/cel/parser';
import { fromJson, OPAQUE, type CelValue } from '../../../crd/cel/values';
import { resolveFieldPath } from '../../../crd/validationRules';
import type { FieldPath, KubeObject } from '../../../../simulator/model/source';
import type { AdmissionTarget } from './admissionTarget';
import type { AdmissionPolicy } from './policyObjects';

/** The variables an admission policy's expressions may use (`authorizer` is outside the subset). */
export const POLICY_VARIABLES = ['object', 'oldObject', 'params', 'namespaceObject', 'request', 'variables'] as const;

/** What evaluating a policy on one object (with one params object) says. */
export type PolicyOutcome =
  | { kind: 'violation'; message: string; path: FieldPath }
  | { kind: 'audit-annotation'; key: string; value: string }
  | { kind: 'not-evaluated'; expression: string; why: 'unsupported' | 'failed'; field: string };

/** Parsed expressions (undefined: outside the subset), shared by every evaluation of one run. */
export type ExpressionCache = Map<string, Expr | undefined>;

/** The budget of one policy on one object, across its conditions, variables, validations and annotations. */
const POLICY_BUDGET = 5 * MAX_COST;

/**
 * Evaluates a policy for the CREATE of `target`: `matchConditions` (all must be true; one false
 * skips the policy), then `variables` (each sees those before it), `validations` and
 * `auditAnnotations`. An expression outside the CEL subset, or whose evaluation errors or runs out
 * of budget, is `not-evaluated`: never guessed. A condition that cannot be evaluated stops the
 * evaluation unless another condition is false.
 */
export function evaluatePolicy(policy: AdmissionPolicy, target: AdmissionTarget, params: KubeObject | null, cache: ExpressionCache): PolicyOutcome[] {
  const run = new PolicyRun(cache, new Map(bindingsOf(target, params)));
  let unknownCondition: PolicyOutcome | undefined;
  for (const condition of policy.matchConditions) {
    const result = run.value(condition.expression);
    if (result.value === false) return [];
    if (typeof result.value !== 'boolean') unknownCondition ??= notEvaluated(condition.expression, result.why, `matchCondition \`${condition.name}\``);
  }
  if (unknownCondition) return [unknownCondition];
  const variables = new Map<string, CelValue>();
  run.env.set('variables', { t: 'map', entries: variables });
  for (const variable of policy.variables) variables.set(variable.name, run.value(variable.expression).value ?? OPAQUE);
  const outcomes: PolicyOutcome[] = [];
  for (const validation of policy.validations) {
    const result = run.value(validation.expression);
    if (typeof result.value !== 'boolean') outcomes.push(notEvaluated(validation.expression, result.why, 'validation'));
    else if (!result.value) {
      const path = validation.fieldPath ? resolveFieldPath(validation.fieldPath, target.manifest.object) : undefined;
      outcomes.push({ kind: 'violation', message: messageOf(run, validation), path: path ?? ['metadata', 'name'] });
    }
  }
  for (const annotation of policy.auditAnnotations) {
    const result = run.value(annotation.valueExpression);
    if (typeof result.value === 'string' && result.value !== '') outcomes.push({ kind: 'audit-annotation', key: annotation.key, value: result.value });
    else if (result.value !== null && typeof result.value !== 'string') outcomes.push(notEvaluated(annotation.valueExpression, result.why, `auditAnnotation \`${annotation.key}\``));
  }
  return outcomes;
}

/** The API server's message: `messageExpression`'s string when it evaluates to one, else `message`, else the failed expression. */
function messageOf(run: PolicyRun, validation: AdmissionPolicy['validations'][number]): string {
  if (validation.messageExpression !== undefined) {
    const value = run.value(validation.messageExpression).value;
    if (typeof value === 'string' && value.trim() !== '' && !value.includes('\n')) return value.trim();
  }
  if (validation.message !== undefined && validation.message.trim() !== '') return validation.message.trim();
  return verbatim(`failed expression: ${validation.expression.trim()}`);
}

function notEvaluated(expression: string, why: 'unsupported' | 'failed' | undefined, field: string): PolicyOutcome {
  return { kind: 'not-evaluated', expression: expression.trim(), why: why ?? 'failed', field };
}

/**
 * An object as a CEL value, converted once per object: every binding that matches an object reads
 * the same conversion, and an object whose document was not edited keeps its conversion from one
 * run of the rules to the next (parsed objects are never changed, only replaced).
 */
const celValues = new WeakMap<KubeObject, CelValue>();
function celValueOf(object: KubeObject): CelValue {
  let value = celValues.get(object);
  if (value === undefined) {
    value = fromJson(object);
    celValues.set(object, value);
  }
  return value;
}

/** The bindings of one target, per params object: each policy evaluated on the target starts from a copy (it adds `variables`). */
const bindingsByTarget = new WeakMap<AdmissionTarget, Map<KubeObject | null, ReadonlyMap<string, CelValue>>>();
function bindingsOf(target: AdmissionTarget, params: KubeObject | null): ReadonlyMap<string, CelValue> {
  let byParams = bindingsByTarget.get(target);
  if (!byParams) {
    byParams = new Map();
    bindingsByTarget.set(target, byParams);
  }
  let found = byParams.get(params);
  if (!found) {
    found = bindings(target, params);
    byParams.set(params, found);
  }
  return found;
}

/** `object`, `oldObject` (null on CREATE), `params`, `namespaceObject` and the `request` basics. */
function bindings(target: AdmissionTarget, params: KubeObject | null): Map<string, CelValue> {
  const namespaced = target.namespace !== '';
  const namespaceObject: CelValue = !namespaced ? null : target.namespaceObject ? fromJson(target.namespaceObject) : OPAQUE;
  const kind = record({ group: target.group, version: target.version, kind: target.kind });
  const resource = record({ group: target.group, version: target.version, resource: target.resource });
  const request = record({
    operation: 'CREATE',
    kind,
    resource,
    requestKind: kind,
    requestResource: resource,
    subResource: '',
    name: target.name,
    namespace: target.namespace,
    dryRun: false,
    uid: OPAQUE,
    userInfo: OPAQUE,
    options: OPAQUE,
  });
  return new Map<string, CelValue>([
    ['object', celValueOf(target.manifest.object)],
    ['oldObject', null],
    ['params', params === null ? null : celValueOf(params)],
    ['namespaceObject', namespaceObject],
    ['request', request],
  ]);
}

function record(fields: Record<string, CelValue>): CelValue {
  return { t: 'map', entries: new Map(Object.entries(fields)) };
}

/** The expressions of one policy evaluation, sharing its budget. */
class PolicyRun {
  private spent = 0;
  constructor(
    private readonly cache: ExpressionCache,
    readonly env: Map<string, CelValue>,
  ) {}

  value(expression: string): { value: CelValue | undefined; why?: 'unsupported' | 'failed' } {
    if (!this.cache.has(expression)) this.cache.set(expression, parseRule(expression, POLICY_VARIABLES));
    const expr = this.cache.get(expression);
    if (!expr) return { value: undefined, why: 'unsupported' };
    const budget = Math.min(MAX_COST, POLICY_BUDGET - this.spent);
    if (budget <= 0) return { value: undefined, why: 'failed' };
    const { value, cost } = evaluateValue(expr, this.env, budget);
    this.spent += cost;
    return value === undefined || (typeof value === 'object' && value !== null && value.t === 'opaque') ? { value: undefined, why: 'failed' } : { value };
  }
}

/**
 * Kubernetes label selectors (`metav1.LabelSelector`): `matchLabels` AND every `matchExpressions`
 * requirement. Used by the Deployment controller (selector vs template), the Service endpoints
 * (equality-only map selectors) and NetworkPolicy matching.
 *
 * Semantics (apimachinery `LabelSelectorAsSelector`):
 *   - `{}` (no matchLabels, no matchExpressions) matches every label set;
 *   - `In` = key present and value in the set; `NotIn` = key absent OR value not in the set;
 *   - `Exists` / `DoesNotExist` look at the key only;
 *   - an unknown operator, or `In`/`NotIn` with no values, or `Exists`/`DoesNotExist` with values, makes
 *     the selector invalid: the API server rejects it, so it matches nothing here and
 *     `labelSelectorProblems` says why.
 * Whether a *missing* (null) selector means "everything" or "nothing" depends on the field, so the
 * callers decide that before calling in here.
 */

export type Labels = Readonly<Record<string, string>>;

export interface LabelSelectorRequirement {
  key?: unknown;
  operator?: unknown;
  values?: unknown;
}

export interface LabelSelector {
  matchLabels?: unknown;
  matchExpressions?: unknown;
}

/** A selector turned into a predicate once, so that matching many label sets stays cheap. */
export type LabelMatcher = (labels: Labels) => boolean;

const MATCH_NOTHING: LabelMatcher = () => false;
const MATCH_EVERYTHING: LabelMatcher = () => true;

/** Why the API server would reject this selector; empty when it is valid. */
export function labelSelectorProblems(selector: unknown): string[] {
  if (selector === undefined || selector === null) return [];
  if (!isRecord(selector)) return ['a label selector must be an object'];
  const problems: string[] = [];
  const { matchLabels, matchExpressions } = selector as LabelSelector;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels)) problems.push('matchLabels must be a map of strings');
    else for (const [key, value] of Object.entries(matchLabels)) {
      if (typeof value !== 'string') problems.push(`matchLabels.${key} must be a string`);
    }
  }
  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) problems.push('matchExpressions must be a list');
    else matchExpressions.forEach((req, index) => problems.push(...requirementProblems(req, index)));
  }
  return problems;
}

function requirementProblems(req: unknown, index: number): string[] {
  const where = `matchExpressions[${index}]`;
  if (!isRecord(req)) return [`${where} must be an object`];
  const { key, operator, values } = req as LabelSelectorRequirement;
  const problems: string[] = [];
  if (typeof key !== 'string' || key === '') problems.push(`${where}.key is required`);
  const list = values === undefined || values === null ? [] : values;
  if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) {
    problems.push(`${where}.values must be a list of strings`);
    return problems;
  }
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (list.length === 0) problems.push(`${where}: values must be non-empty for operator ${operator}`);
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (list.length > 0) problems.push(`${where}: values must be empty for operator ${operator}`);
      break;
    default:
      problems.push(`${where}: "${String(operator)}" is not a valid operator (In, NotIn, Exists, DoesNotExist)`);
  }
  return problems;
}

/** Compiles a present selector. An invalid selector matches nothing (the API server would reject it). */
export function compileLabelSelector(selector: unknown): LabelMatcher {
  if (selector === undefined || selector === null) return MATCH_EVERYTHING;
  if (labelSelectorProblems(selector).length > 0) return MATCH_NOTHING;
  const { matchLabels, matchExpressions } = selector as LabelSelector;
  const equal = Object.entries((matchLabels ?? {}) as Record<string, string>);
  const expressions = ((matchExpressions ?? []) as LabelSelectorRequirement[]).map(compileRequirement);
  if (equal.length === 0 && expressions.length === 0) return MATCH_EVERYTHING;
  return (labels) => {
    for (const [key, value] of equal) if (labels[key] !== value) return false;
    for (const test of expressions) if (!test(labels)) return false;
    return true;
  };
}

function compileRequirement(req: LabelSelectorRequirement): LabelMatcher {
  const key = req.key as string;
  const values = new Set((req.values ?? []) as string[]);
  switch (req.operator) {
    case 'In':
      return (labels) => hasOwn(labels, key) && values.has(labels[key]);
    case 'NotIn':
      return (labels) => !hasOwn(labels, key) || !values.has(labels[key]);
    case 'Exists':
      return (labels) => hasOwn(labels, key);
    default:
      return (labels) => !hasOwn(labels, key);
  }
}

/** One-off match of a present selector against a label set. */
export function matchesLabelSelector(selector: unknown, labels: Labels): boolean {
  return compileLabelSelector(selector)(labels);
}

/**
 * Equality-only map selector (Service `spec.selector`, ReplicationController): every key must be
 * present with exactly that value. An empty map matches everything here; callers that give `{}` a
 * different meaning (a Service treats it as "no selector") check that first.
 */
export function matchesEqualitySelector(selector: Readonly<Record<string, unknown>>, labels: Labels): boolean {
  for (const [key, value] of Object.entries(selector)) if (labels[key] !== value) return false;
  return true;
}

/** `key=value,key2 in (a,b)`: the selector as kubectl prints it, for messages. */
export function describeLabelSelector(selector: unknown): string {
  if (!isRecord(selector)) return '<none>';
  const { matchLabels, matchExpressions } = selector as LabelSelector;
  const parts: string[] = [];
  if (isRecord(matchLabels)) for (const [k, v] of Object.entries(matchLabels)) parts.push(`${k}=${String(v)}`);
  if (Array.isArray(matchExpressions)) {
    for (const req of matchExpressions as LabelSelectorRequirement[]) {
      const values = Array.isArray(req.values) ? (req.values as unknown[]).join(',') : '';
      switch (req.operator) {
        case 'In': parts.push(`${String(req.key)} in (${values})`); break;
        case 'NotIn': parts.push(`${String(req.key)} notin (${values})`); break;
        case 'Exists': parts.push(String(req.key)); break;
        case 'DoesNotExist': parts.push(`!${String(req.key)}`); break;
        default: parts.push(`${String(req.key)} ${String(req.operator)} (${values})`);
      }
    }
  }
  return parts.length === 0 ? '<everything>' : parts.join(',');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hasOwn(labels: Labels, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

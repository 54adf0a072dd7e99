import * as l10n from '@vscode/l10n';

/**
 * Label selectors as the scheduler uses them (`labels.Selector` built by
 * `metav1.LabelSelectorAsSelector`), compiled once into a list of requirements with a canonical
 * `key`, so that equal selectors written differently share one topology counter.
 *
 *   - `null`/missing selector → **nothing** (matches no pod): pod affinity terms, spread constraints.
 *   - `{}` → **everything** (`isEverything`): matches every label set.
 *   - `matchLabels: {a: b}` ≡ `a In (b)`; `NotIn` and `DoesNotExist` match when the key is absent.
 *   - An invalid selector (unknown operator, `In` without values…) is rejected by the API server;
 *     here it matches nothing and `invalid` says so.
 */

export type Labels = Readonly<Record<string, string>>;

/**
 * A label map from a manifest as a prototype-less record of strings, so that a lookup such as
 * `labels['constructor']` never finds an inherited property. Every label map the simulator matches
 * against is built here.
 */
export function toLabels(raw: unknown): Record<string, string> {
  const labels: Record<string, string> = Object.create(null) as Record<string, string>;
  if (isRecord(raw)) for (const [key, value] of Object.entries(raw)) if (value !== undefined && value !== null) labels[key] = String(value);
  return labels;
}

/** A copy of a label map with more labels, still prototype-less. */
export function withLabels(base: Labels, extra: Labels): Record<string, string> {
  const labels = toLabels(base);
  for (const key of Object.keys(extra)) labels[key] = extra[key];
  return labels;
}

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface Requirement {
  key: string;
  operator: SelectorOperator;
  values: readonly string[];
}

export interface Selector {
  /** Matches no label set at all (a null selector, or an invalid one). */
  readonly nothing: boolean;
  /** Matches every label set (`{}`): upstream's `Selector.Empty()`. */
  readonly isEverything: boolean;
  readonly requirements: readonly Requirement[];
  /** Canonical text: two selectors with the same key select the same label sets. */
  readonly key: string;
  readonly invalid?: string;
  matches(labels: Labels): boolean;
}

export const NOTHING: Selector = makeSelector([], true);
export const EVERYTHING: Selector = makeSelector([], false);

/** `metav1.LabelSelectorAsSelector`: null → nothing, `{}` → everything. */
export function compileLabelSelector(raw: unknown): Selector {
  if (raw === undefined || raw === null) return NOTHING;
  if (!isRecord(raw)) return invalidSelector(l10n.t('a label selector must be an object'));
  const requirements: Requirement[] = [];
  const { matchLabels, matchExpressions } = raw;
  if (matchLabels !== undefined) {
    if (!isRecord(matchLabels)) return invalidSelector(l10n.t('matchLabels must be a map'));
    for (const [key, value] of Object.entries(matchLabels)) requirements.push({ key, operator: 'In', values: [String(value)] });
  }
  if (matchExpressions !== undefined) {
    if (!Array.isArray(matchExpressions)) return invalidSelector(l10n.t('matchExpressions must be a list'));
    for (const expr of matchExpressions) {
      const req = compileRequirement(expr);
      if (typeof req === 'string') return invalidSelector(req);
      requirements.push(req);
    }
  }
  return makeSelector(requirements, false);
}

/** A selector from a plain label map (`labels.SelectorFromSet`), e.g. a Service's selector. */
export function selectorFromSet(set: Labels): Selector {
  return makeSelector(Object.entries(set).map(([key, value]) => ({ key, operator: 'In', values: [value] })), false);
}

/** `selector.Add(requirements…)`: both must match. Nothing stays nothing. */
export function andSelectors(a: Selector, b: Selector): Selector {
  if (a.nothing || b.nothing) return NOTHING;
  return makeSelector([...a.requirements, ...b.requirements], false);
}

function compileRequirement(expr: unknown): Requirement | string {
  if (!isRecord(expr)) return l10n.t('a matchExpressions entry must be an object');
  const key = expr.key;
  if (typeof key !== 'string' || key === '') return l10n.t('a matchExpressions entry needs a key');
  const values = expr.values === undefined ? [] : expr.values;
  if (!Array.isArray(values)) return l10n.t('values of "{0}" must be a list', key);
  const strings = values.map((v) => String(v));
  switch (expr.operator) {
    case 'In':
    case 'NotIn':
      if (strings.length === 0) return l10n.t('operator {0} on "{1}" needs at least one value', expr.operator, key);
      return { key, operator: expr.operator, values: strings };
    case 'Exists':
    case 'DoesNotExist':
      if (strings.length > 0) return l10n.t('operator {0} on "{1}" takes no values', expr.operator, key);
      return { key, operator: expr.operator, values: [] };
    default:
      return l10n.t('"{0}" is not a label selector operator (In, NotIn, Exists, DoesNotExist)', String(expr.operator));
  }
}

function invalidSelector(reason: string): Selector {
  return { ...NOTHING, invalid: reason, matches: NOTHING.matches };
}

function makeSelector(requirements: Requirement[], nothing: boolean): Selector {
  const sorted = requirements
    .map((r) => ({ ...r, values: [...new Set(r.values)].sort() }))
    .sort((a, b) => compareText(a.key, b.key) || compareText(a.operator, b.operator) || compareText(a.values.join(','), b.values.join(',')));
  const key = nothing ? '<nothing>' : sorted.map((r) => `${r.key} ${r.operator} (${r.values.join(',')})`).join('; ');
  return { nothing, isEverything: !nothing && sorted.length === 0, requirements: sorted, key, matches: compileMatcher(sorted, nothing) };
}

/** One closure per requirement; a single `In` value compares strings without a Set. */
function compileMatcher(requirements: Requirement[], nothing: boolean): (labels: Labels) => boolean {
  if (nothing) return () => false;
  if (requirements.length === 0) return () => true;
  const checks = requirements.map(requirementCheck);
  if (checks.length === 1) return checks[0];
  return (labels) => {
    for (let i = 0; i < checks.length; i++) if (!checks[i](labels)) return false;
    return true;
  };
}

function requirementCheck(r: Requirement): (labels: Labels) => boolean {
  const { key } = r;
  switch (r.operator) {
    case 'In': {
      if (r.values.length === 1) {
        const only = r.values[0];
        return (labels) => labels[key] === only;
      }
      const set = new Set(r.values);
      return (labels) => {
        const v = labels[key];
        return v !== undefined && set.has(v);
      };
    }
    case 'NotIn': {
      const set = new Set(r.values);
      return (labels) => {
        const v = labels[key];
        return v === undefined || !set.has(v);
      };
    }
    case 'Exists':
      return (labels) => labels[key] !== undefined;
    case 'DoesNotExist':
      return (labels) => labels[key] === undefined;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

import { isRecord, type Labels } from './labelSelector';
import type { PodSpec } from './pod';
import { stableJson } from './stableJson';

/**
 * Node selection from a pod spec (`component-helpers/scheduling/corev1/nodeaffinity`):
 * `spec.nodeSelector` AND `affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`.
 *
 *   - nodeSelector: every key must be present with exactly that value;
 *   - nodeSelectorTerms are ORed; inside a term all matchExpressions and matchFields are ANDed;
 *     a term with neither matches **nothing**; a term with an invalid requirement matches nothing;
 *   - `NotIn`/`DoesNotExist` match nodes without the key; `Gt`/`Lt` need both the node's value and
 *     the single given value to parse as base-10 int64 (`"0206"` is 206; `"abc"` never matches);
 *   - matchFields knows only `metadata.name`, with `In`/`NotIn` and exactly one value.
 */
export interface NodeView {
  name: string;
  labels: Labels;
}

type TermMatcher = (node: NodeView) => boolean;

export interface RequiredNodeAffinity {
  /** True when the pod has neither a nodeSelector nor required node affinity. */
  readonly isEmpty: boolean;
  /** Canonical text, equal for equal requirements. */
  readonly key: string;
  matches(node: NodeView): boolean;
}

export interface PreferredNodeTerm {
  weight: number;
  matches: TermMatcher;
}

const NEVER: TermMatcher = () => false;

export function requiredNodeAffinity(spec: PodSpec): RequiredNodeAffinity {
  const selector = isRecord(spec.nodeSelector) ? Object.entries(spec.nodeSelector).map(([k, v]) => [k, String(v)] as const) : [];
  const required = requiredTerms(spec);
  if (selector.length === 0 && required === undefined) return { isEmpty: true, key: '', matches: () => true };
  const terms = required?.map(compileTerm);
  const matches = (node: NodeView): boolean => {
    for (const [key, value] of selector) if (node.labels[key] !== value) return false;
    if (!terms) return true;
    for (const term of terms) if (term(node)) return true;
    return false;
  };
  return { isEmpty: false, key: stableJson({ selector: Object.fromEntries(selector), required }), matches };
}

/** The raw required terms, or undefined when the pod has no required node affinity at all. */
export function requiredTerms(spec: PodSpec): unknown[] | undefined {
  const nodeAffinity = isRecord(spec.affinity) ? spec.affinity.nodeAffinity : undefined;
  const required = isRecord(nodeAffinity) ? nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution : undefined;
  if (!isRecord(required)) return undefined;
  return Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : [];
}

/** Preferred terms with a non-zero weight. */
export function preferredNodeTerms(spec: PodSpec): PreferredNodeTerm[] {
  const nodeAffinity = isRecord(spec.affinity) ? spec.affinity.nodeAffinity : undefined;
  const preferred = isRecord(nodeAffinity) ? nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution : undefined;
  if (!Array.isArray(preferred)) return [];
  const result: PreferredNodeTerm[] = [];
  for (const entry of preferred) {
    if (!isRecord(entry)) continue;
    const weight = typeof entry.weight === 'number' ? entry.weight : 0;
    if (weight === 0) continue;
    result.push({ weight, matches: compileTerm(entry.preference) });
  }
  return result;
}

/**
 * NodeAffinity's PreFilter shortcut: when every required term names nodes with
 * `matchFields: metadata.name In [...]`, the union over terms of the intersection inside each term.
 * Undefined when any term leaves the node name open; an empty set means the terms conflict.
 */
export function nodeNamesFromAffinity(spec: PodSpec): Set<string> | undefined {
  const terms = requiredTerms(spec);
  if (terms === undefined || terms.length === 0) return undefined;
  let union: Set<string> | undefined;
  for (const term of terms) {
    let names: Set<string> | undefined;
    const fields = isRecord(term) && Array.isArray(term.matchFields) ? term.matchFields : [];
    for (const r of fields) {
      if (!isRecord(r) || r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const values = new Set(Array.isArray(r.values) ? r.values.map(String) : []);
      names = names ? new Set([...names].filter((n) => values.has(n))) : values;
    }
    if (!names) return undefined;
    union = new Set([...(union ?? []), ...names]);
  }
  return union;
}

function compileTerm(term: unknown): TermMatcher {
  if (!isRecord(term)) return NEVER;
  const expressions = Array.isArray(term.matchExpressions) ? term.matchExpressions : [];
  const fields = Array.isArray(term.matchFields) ? term.matchFields : [];
  if (expressions.length === 0 && fields.length === 0) return NEVER;
  const checks: TermMatcher[] = [];
  for (const expr of expressions) {
    const check = labelRequirement(expr);
    if (!check) return NEVER;
    checks.push(check);
  }
  for (const field of fields) {
    const check = fieldRequirement(field);
    if (!check) return NEVER;
    checks.push(check);
  }
  return (node) => {
    for (const check of checks) if (!check(node)) return false;
    return true;
  };
}

function labelRequirement(expr: unknown): TermMatcher | undefined {
  if (!isRecord(expr) || typeof expr.key !== 'string') return undefined;
  const key = expr.key;
  const values = Array.isArray(expr.values) ? expr.values.map(String) : [];
  switch (expr.operator) {
    case 'In': {
      if (values.length === 0) return undefined;
      const set = new Set(values);
      return (node) => node.labels[key] !== undefined && set.has(node.labels[key]);
    }
    case 'NotIn': {
      if (values.length === 0) return undefined;
      const set = new Set(values);
      return (node) => node.labels[key] === undefined || !set.has(node.labels[key]);
    }
    case 'Exists':
      return values.length === 0 ? (node) => node.labels[key] !== undefined : undefined;
    case 'DoesNotExist':
      return values.length === 0 ? (node) => node.labels[key] === undefined : undefined;
    case 'Gt':
    case 'Lt': {
      const bound = values.length === 1 ? parseInt64(values[0]) : undefined;
      if (bound === undefined) return undefined;
      const greater = expr.operator === 'Gt';
      return (node) => {
        const actual = parseInt64(node.labels[key]);
        if (actual === undefined) return false;
        return greater ? actual > bound : actual < bound;
      };
    }
    default:
      return undefined;
  }
}

function fieldRequirement(expr: unknown): TermMatcher | undefined {
  if (!isRecord(expr) || typeof expr.key !== 'string') return undefined;
  const values = Array.isArray(expr.values) ? expr.values.map(String) : [];
  if (values.length !== 1) return undefined;
  const wanted = values[0];
  const fieldOf = (node: NodeView): string => (expr.key === 'metadata.name' ? node.name : '');
  if (expr.operator === 'In') return (node) => fieldOf(node) === wanted;
  if (expr.operator === 'NotIn') return (node) => fieldOf(node) !== wanted;
  return undefined;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** `strconv.ParseInt(s, 10, 64)`: optional sign, decimal digits, within int64. */
export function parseInt64(text: string | undefined): bigint | undefined {
  if (text === undefined || !/^[+-]?[0-9]+$/.test(text)) return undefined;
  const parsed = BigInt(text);
  return parsed < INT64_MIN || parsed > INT64_MAX ? undefined : parsed;
}

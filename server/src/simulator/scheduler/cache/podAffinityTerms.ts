import { andSelectors, compileLabelSelector, isRecord, NOTHING, selectorFromSet, type Labels, type Selector } from '../../model/labelSelector';
import type { PodSpec } from '../../model/pod';

/**
 * Pod (anti-)affinity terms (`framework.AffinityTerm`), compiled for one pod: they depend on its
 * namespace (a term without namespaces means "my namespace") and on its labels (`matchLabelKeys`).
 *
 *   - scope: `namespaces` ∪ namespaces whose labels match `namespaceSelector`; `namespaceSelector: {}`
 *     is every namespace; neither set → the owning pod's namespace only;
 *   - `labelSelector` null matches no pod, `{}` every pod;
 *   - `matchLabelKeys` / `mismatchLabelKeys` (GA 1.33) are merged by kube-apiserver when the pod is
 *     created: `key In (myValue)` / `key NotIn (myValue)` for each key the pod has. The simulator
 *     does the merge itself (nothing is merged into a null selector).
 */
export interface AffinityTerm {
  readonly selector: Selector;
  readonly namespaces: ReadonlySet<string>;
  readonly namespaceSelector: Selector;
  readonly topologyKey: string;
  /** Preferred terms' weight; 1 for required ones. */
  readonly weight: number;
  /** Canonical text: equal terms count the same pods. */
  readonly key: string;
}

export interface PodAffinityTerms {
  readonly requiredAffinity: readonly AffinityTerm[];
  readonly requiredAntiAffinity: readonly AffinityTerm[];
  readonly preferredAffinity: readonly AffinityTerm[];
  readonly preferredAntiAffinity: readonly AffinityTerm[];
  /** Any pod (anti-)affinity at all (upstream: the pod is in `PodsWithAffinity`). */
  readonly hasAny: boolean;
  /** Canonical text of the namespace and all terms: pods with equal keys behave the same. */
  readonly key: string;
}

export const NO_TERMS: PodAffinityTerms = Object.freeze({
  requiredAffinity: [],
  requiredAntiAffinity: [],
  preferredAffinity: [],
  preferredAntiAffinity: [],
  hasAny: false,
  key: '',
});

/** `AffinityTerm.Matches`: the pod is in the term's scope and its labels match the selector. */
export function termMatches(term: AffinityTerm, namespace: string, labels: Labels, namespaceLabels: Labels): boolean {
  if (!term.namespaces.has(namespace) && !term.namespaceSelector.matches(namespaceLabels)) return false;
  return term.selector.matches(labels);
}

export function podAffinityTerms(spec: PodSpec, namespace: string, labels: Labels): PodAffinityTerms {
  const affinity = isRecord(spec.affinity) ? spec.affinity : {};
  const podAffinity = isRecord(affinity.podAffinity) ? affinity.podAffinity : {};
  const antiAffinity = isRecord(affinity.podAntiAffinity) ? affinity.podAntiAffinity : {};
  const compile = (raw: unknown, weighted: boolean): AffinityTerm[] => compileTerms(raw, weighted, namespace, labels);
  const requiredAffinity = compile(podAffinity.requiredDuringSchedulingIgnoredDuringExecution, false);
  const requiredAntiAffinity = compile(antiAffinity.requiredDuringSchedulingIgnoredDuringExecution, false);
  const preferredAffinity = compile(podAffinity.preferredDuringSchedulingIgnoredDuringExecution, true);
  const preferredAntiAffinity = compile(antiAffinity.preferredDuringSchedulingIgnoredDuringExecution, true);
  const hasAny = isRecord(affinity.podAffinity) || isRecord(affinity.podAntiAffinity);
  if (!hasAny) return NO_TERMS;
  const key = [namespace, ...[requiredAffinity, requiredAntiAffinity, preferredAffinity, preferredAntiAffinity].map((terms) => terms.map((t) => t.key).join('&'))].join('|');
  return { requiredAffinity, requiredAntiAffinity, preferredAffinity, preferredAntiAffinity, hasAny, key };
}

function compileTerms(raw: unknown, weighted: boolean, namespace: string, labels: Labels): AffinityTerm[] {
  if (!Array.isArray(raw)) return [];
  const terms: AffinityTerm[] = [];
  for (const entry of raw) {
    if (!isRecord(entry)) continue;
    const term = weighted ? entry.podAffinityTerm : entry;
    if (!isRecord(term)) continue;
    const weight = weighted ? (typeof entry.weight === 'number' ? entry.weight : 0) : 1;
    terms.push(compileTerm(term, weight, namespace, labels));
  }
  return terms;
}

function compileTerm(term: Record<string, unknown>, weight: number, namespace: string, labels: Labels): AffinityTerm {
  let selector = compileLabelSelector(term.labelSelector);
  if (term.labelSelector !== undefined && term.labelSelector !== null) {
    selector = mergeLabelKeys(selector, term.matchLabelKeys, labels, 'In');
    selector = mergeLabelKeys(selector, term.mismatchLabelKeys, labels, 'NotIn');
  }
  const listed = Array.isArray(term.namespaces) ? term.namespaces.map(String) : [];
  const hasNamespaceSelector = term.namespaceSelector !== undefined && term.namespaceSelector !== null;
  const namespaces = new Set(listed.length === 0 && !hasNamespaceSelector ? [namespace] : listed);
  const namespaceSelector = hasNamespaceSelector ? compileLabelSelector(term.namespaceSelector) : NOTHING;
  const topologyKey = typeof term.topologyKey === 'string' ? term.topologyKey : '';
  const key = `${[...namespaces].sort().join(',')}/${namespaceSelector.key}/${selector.key}@${topologyKey}*${weight}`;
  return { selector, namespaces, namespaceSelector, topologyKey, weight, key };
}

function mergeLabelKeys(selector: Selector, keys: unknown, labels: Labels, operator: 'In' | 'NotIn'): Selector {
  if (!Array.isArray(keys) || keys.length === 0) return selector;
  let merged = selector;
  for (const key of keys.map(String)) {
    const value = labels[key];
    if (value === undefined) continue;
    const extra = operator === 'In' ? selectorFromSet({ [key]: value }) : compileLabelSelector({ matchExpressions: [{ key, operator: 'NotIn', values: [value] }] });
    merged = andSelectors(merged, extra);
  }
  return merged;
}

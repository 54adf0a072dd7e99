import * as l10n from '@vscode/l10n';
import { compileLabelSelector, EVERYTHING, type Selector } from '../../../../simulator/model/labelSelector';
import { namespaceLabels, NAMESPACE_NAME_LABEL, type AdmissionTarget } from './admissionTarget';
import type { MatchResources, ResourceRule } from './policyObjects';

/** Whether a policy or binding applies to an object: yes, no, or not decidable from the manifests (why). */
export type MatchResult = { matches: true } | { matches: false } | { matches: 'unknown'; reason: string };

/**
 * `matchConstraints` / `matchResources` for the object's CREATE request: a resource rule must match
 * (a binding without rules matches what its policy matches: `emptyRulesMatch`), no exclude rule may,
 * and the object and namespace selectors must select it (an unset selector selects everything; a
 * cluster-scoped object other than a Namespace is never skipped by a namespace selector). A
 * namespace selector on a namespace no manifest defines is decided only when it looks at the name
 * label alone.
 */
export function matchResources(match: MatchResources | undefined, target: AdmissionTarget, emptyRulesMatch: boolean): MatchResult {
  if (!match) return emptyRulesMatch ? { matches: true } : { matches: false };
  const included = match.resourceRules.length === 0 ? emptyRulesMatch : match.resourceRules.some((rule) => ruleMatches(rule, target, match.equivalent));
  if (!included || match.excludeResourceRules.some((rule) => ruleMatches(rule, target, match.equivalent))) return { matches: false };
  const objectSelector = selectorOf(match.objectSelector);
  if (!objectSelector.matches(target.labels)) return { matches: false };
  return namespaceMatches(match.namespaceSelector, target);
}

/** A policy's or binding's selector, compiled once: it is matched against every object of the workspace. */
const compiled = new WeakMap<object, Selector>();
function selectorOf(raw: unknown): Selector {
  if (raw === undefined) return EVERYTHING;
  if (typeof raw !== 'object' || raw === null) return compileLabelSelector(raw);
  let selector = compiled.get(raw);
  if (!selector) {
    selector = compileLabelSelector(raw);
    compiled.set(raw, selector);
  }
  return selector;
}

function namespaceMatches(raw: unknown, target: AdmissionTarget): MatchResult {
  const selector = selectorOf(raw);
  if (selector.isEverything) return { matches: true };
  if (target.namespace === '' && !(target.kind === 'Namespace' && target.group === '')) return { matches: true };
  const { labels, complete } = namespaceLabels(target);
  if (complete || selector.requirements.every((r) => r.key === NAMESPACE_NAME_LABEL)) return { matches: selector.matches(labels) };
  return { matches: 'unknown', reason: l10n.t('its namespaceSelector looks at the labels of namespace `{0}`, which no manifest defines', target.namespace) };
}

/** A NamedRuleWithOperations against the object's CREATE: operations, group, version, resource, names and scope. */
export function ruleMatches(rule: ResourceRule, target: AdmissionTarget, equivalent: boolean): boolean {
  if (!rule.operations.some((op) => op === '*' || op === 'CREATE')) return false;
  if (!rule.apiGroups.some((group) => group === '*' || group === target.group)) return false;
  if (!equivalent && !rule.apiVersions.some((version) => version === '*' || version === target.version)) return false;
  if (!rule.resources.some((resource) => resource === '*' || resource === '*/*' || resource === target.resource)) return false;
  if (rule.resourceNames.length > 0 && !rule.resourceNames.includes(target.name)) return false;
  if (rule.scope === 'Cluster') return target.namespace === '';
  if (rule.scope === 'Namespaced') return target.namespace !== '';
  return true;
}

import type { ObjectTarget } from '../validators/types';
import { defineDocumentRule, type RuleReport } from './defineRule';
import { podSpecOf, type PodSpecAt } from './objects/podSpecs';
import type { DocumentRule, RuleMeta } from './ruleTypes';

/**
 * Builds a rule about the pod a workload runs: its containers, volumes, host namespaces… The check
 * runs once per object that has a pod spec (a Pod, a PodTemplate, or a workload's template: see
 * `podSpecOf`), with that spec and its path inside the object; every other object is skipped.
 * Walk the containers with `containersOf(pod, lists)`. Reported paths are relative to the object,
 * as for `defineDocumentRule`.
 */
export function defineContainerRule(meta: RuleMeta, check: (pod: PodSpecAt, report: RuleReport, target: ObjectTarget) => void): DocumentRule {
  return defineDocumentRule(meta, (target, report) => {
    const pod = podSpecOf(target.object);
    if (pod) check(pod, report, target);
  });
}

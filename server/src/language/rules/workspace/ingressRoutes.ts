import type { RouteIssueKind } from '../../../simulator/ingress';
import type { RuleMeta } from '../ruleTypes';
import type { WorkspaceIndex } from './workspaceIndex';
import type { WorkspaceRule } from './workspaceRule';

/** The merged routes of the workspace's Ingresses (ingress.md §5), one issue kind per rule. */
function routeIssueRule(kind: RouteIssueKind, meta: RuleMeta): WorkspaceRule {
  return {
    meta,
    check(index: WorkspaceIndex, report) {
      for (const issue of index.routes().issues) if (issue.kind === kind) report(issue.ingress.spec.manifest, issue.path, issue.message);
    },
  };
}

export const ingressConflict = routeIssueRule('conflict', {
  code: 'ingress/conflict', defaultSeverity: 'warning', category: 'cross-resource',
  summary: 'Two Ingresses of one class claim the same host, path and pathType, or the same default backend: the older keeps it.',
});

export const ingressRuleShadowed = routeIssueRule('shadowed', {
  code: 'ingress/rule-shadowed', defaultSeverity: 'warning', category: 'cross-resource',
  summary: 'An Ingress path repeats an earlier path of the same Ingress (same host, pathType and path): it never gets traffic.',
});

export const ingressInvalidPath = routeIssueRule('invalid-path', {
  code: 'ingress/invalid-path', defaultSeverity: 'error', category: 'cross-resource',
  summary: 'An Ingress path the API server rejects (an Exact or Prefix path must start with `/` and hold no `//`, `/./`, `/../`, `%2f`).',
});

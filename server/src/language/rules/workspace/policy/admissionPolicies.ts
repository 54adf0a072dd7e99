import * as l10n from '@vscode/l10n';
import type { Severity } from '../../../findings';
import type { FieldPath } from '../../../../simulator/model/source';
import type { WorkspaceRule } from '../workspaceRule';
import type { WorkspaceIndex } from '../workspaceIndex';
import { admissionTarget, type AdmissionTarget } from './admissionTarget';
import { matchResources } from './matchResources';
import { evaluatePolicy, type ExpressionCache, type PolicyOutcome } from './policyEvaluation';
import { readBinding, readPolicy, type AdmissionPolicy, type PolicyBinding } from './policyObjects';
import { findParams } from './policyParams';
import { ownValue } from '../../../../simulator/model/ownValue';

export const NOT_EVALUATED_CODE = 'policy/not-evaluated';
const SEVERITY_OF_ACTION: Record<string, Severity> = { Deny: 'error', Warn: 'warning', Audit: 'information' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * The ValidatingAdmissionPolicies among the manifests, through their bindings, on every object they
 * match, as the API server would admit its creation: `policy/<policy-name>` at the binding's
 * `validationActions` (Deny → error, Warn → warning, Audit → information) with the policy's message;
 * audit annotations as information; `policy/not-evaluated` (information) for what cannot be decided
 * from the manifests or is outside the CEL subset. A binding whose policy is not among the manifests
 * is left alone (the policy may be in the cluster).
 */
export const admissionPolicies: WorkspaceRule = {
  meta: {
    code: 'policy/<policy-name>',
    defaultSeverity: 'error',
    category: 'cross-resource',
    summary: "A ValidatingAdmissionPolicy among the manifests, through its binding, rejects (Deny), warns about (Warn) or audits (Audit) an object it matches.",
  },
  check(index, report) {
    // An object defined twice is one object: the last copy in apply order (the cluster profile's first) wins.
    const policies = new Map<string, AdmissionPolicy>();
    for (const manifest of index.ofKind('ValidatingAdmissionPolicy')) {
      const policy = readPolicy(manifest);
      if (policy) policies.set(policy.name, policy);
    }
    if (policies.size === 0) return;
    const latest = new Map<string, PolicyBinding>();
    for (const manifest of index.ofKind('ValidatingAdmissionPolicyBinding')) {
      const binding = readBinding(manifest);
      if (binding) latest.set(binding.name, binding);
    }
    const bindings = [...latest.values()].flatMap((binding) => {
      const policy = policies.get(binding.policyName);
      const severity = actionSeverity(binding.validationActions);
      return policy && severity ? [{ binding, policy, severity }] : [];
    });
    if (bindings.length === 0) return;
    const cache: ExpressionCache = new Map();
    for (const manifest of index.subjects) {
      const target = admissionTarget(manifest, index);
      if (!target) continue;
      for (const { binding, policy, severity } of bindings) {
        const reported = new Set<string>();
        for (const outcome of outcomesFor(policy, binding, target, index, cache)) {
          const line = describe(outcome, policy, binding, severity);
          if (reported.has(line.message)) continue;
          reported.add(line.message);
          report(manifest, line.path, line.message, { code: line.code, severity: line.severity });
        }
      }
    }
  },
};

/** What one binding says about one object: its policy's outcomes, or why it could not be run. */
type BindingOutcome = PolicyOutcome | { kind: 'undecided' | 'params-missing' | 'misconfigured'; reason: string };

/** The most severe of the binding's actions; undefined when it has none of them. */
function actionSeverity(actions: readonly string[]): Severity | undefined {
  const severities = actions.flatMap((action) => ownValue(SEVERITY_OF_ACTION, action) ?? []);
  return severities.sort((a, b) => RANK[a] - RANK[b])[0];
}

function outcomesFor(policy: AdmissionPolicy, binding: PolicyBinding, target: AdmissionTarget, index: WorkspaceIndex, cache: ExpressionCache): BindingOutcome[] {
  const constraints = matchResources(policy.matchConstraints, target, false);
  if (constraints.matches === false) return [];
  const scoped = matchResources(binding.matchResources, target, true);
  if (scoped.matches === false) return [];
  if (constraints.matches === 'unknown') return [{ kind: 'undecided', reason: constraints.reason }];
  if (scoped.matches === 'unknown') return [{ kind: 'undecided', reason: l10n.t('binding `{0}`: {1}', binding.name, scoped.reason) }];
  const lookup = findParams(policy, binding, target, index);
  if ('misconfigured' in lookup) return policy.failurePolicy === 'Ignore' ? [] : [{ kind: 'misconfigured', reason: lookup.misconfigured }];
  if ('missing' in lookup) return binding.paramRef?.parameterNotFoundAction === 'Allow' ? [] : [{ kind: 'params-missing', reason: lookup.missing }];
  return lookup.params.flatMap((params) => evaluatePolicy(policy, target, params, cache));
}

function describe(outcome: BindingOutcome, policy: AdmissionPolicy, binding: PolicyBinding, severity: Severity): { code: string; severity: Severity; message: string; path: FieldPath } {
  const code = `policy/${policy.name}`;
  const name: FieldPath = ['metadata', 'name'];
  switch (outcome.kind) {
    case 'violation':
      return { code, severity, message: outcome.message, path: outcome.path };
    case 'audit-annotation':
      return { code, severity: 'information', message: l10n.t('Audit annotation {0}/{1}: {2}', policy.name, outcome.key, outcome.value), path: name };
    case 'params-missing':
      // The API server: "no params found for policy binding with `Deny` parameterNotFoundAction".
      return { code, severity, message: l10n.t('No params found for policy binding `{0}` with `Deny` parameterNotFoundAction: {1}.', binding.name, outcome.reason), path: name };
    case 'misconfigured':
      // A binding the API server cannot configure fails the request under failurePolicy Fail.
      return { code, severity, message: l10n.t('Failed to configure binding: {0} (failurePolicy Fail rejects the object).', outcome.reason), path: name };
    case 'undecided':
      return { code: NOT_EVALUATED_CODE, severity: 'information', message: l10n.t('ValidatingAdmissionPolicy `{0}` not evaluated on this object: {1}.', policy.name, outcome.reason), path: name };
    case 'not-evaluated': {
      const onError = policy.failurePolicy === 'Ignore' ? l10n.t('failurePolicy Ignore: an error in the cluster admits the object') : l10n.t('failurePolicy Fail: an error in the cluster rejects the object');
      const message =
        outcome.why === 'unsupported'
          ? l10n.t('ValidatingAdmissionPolicy `{0}` not evaluated on this object: the {1} `{2}` is outside the CEL subset Drydock evaluates ({3}).', policy.name, outcome.field, outcome.expression, onError)
          : l10n.t('ValidatingAdmissionPolicy `{0}` not evaluated on this object: the {1} `{2}` cannot be evaluated from the manifests (it errors here, or uses a value Drydock does not know) ({3}).', policy.name, outcome.field, outcome.expression, onError);
      return { code: NOT_EVALUATED_CODE, severity: 'information', message, path: name };
    }
  }
}

import type { Manifest, SimFinding } from '../../../simulator/model/source';
import { DEFAULT_RULE_SETTINGS, effectiveSeverity, type RuleSettings } from '../ruleSettings';
import { duplicateObject } from './duplicateObject';
import { hpaTargetMissing } from './hpaTargetMissing';
import { ingressClassNotFound } from './ingressClassNotFound';
import { ingressPortMissing } from './ingressPortMissing';
import { ingressConflict, ingressInvalidPath, ingressRuleShadowed } from './ingressRoutes';
import { ingressServiceMissing } from './ingressServiceMissing';
import { missingConfigMap, missingPersistentVolumeClaim, missingSecret, missingServiceAccount } from './missingReference';
import { pdbBlocksEvictions } from './pdbBlocksEvictions';
import { admissionPolicies } from './policy/admissionPolicies';
import { runToEnd } from '../../parse/parseFile';
import { WorkspaceIndex } from './workspaceIndex';
import type { WorkspaceRule } from './workspaceRule';

/** The cross-resource rules, in the order they run. */
export const WORKSPACE_RULES: readonly WorkspaceRule[] = [
  duplicateObject,
  ingressServiceMissing,
  ingressPortMissing,
  ingressClassNotFound,
  ingressInvalidPath,
  ingressConflict,
  ingressRuleShadowed,
  missingConfigMap,
  missingSecret,
  missingServiceAccount,
  missingPersistentVolumeClaim,
  hpaTargetMissing,
  pdbBlocksEvictions,
  admissionPolicies,
];

export interface WorkspaceRuleOptions {
  rules?: RuleSettings;
  /** The namespace of objects that do not name one (default `default`). */
  defaultNamespace?: string;
}

/**
 * Runs the cross-resource rules over every manifest of the workspace. Pure: findings are addressed
 * by SourceRef + field path (relative to the object), already at the user's severity; disabled
 * rules report nothing. A rule that throws is skipped (its findings are lost, never the others').
 */
export function runWorkspaceRules(manifests: readonly Manifest[], options: WorkspaceRuleOptions = {}): SimFinding[] {
  return runWorkspaceRulesOn(new WorkspaceIndex(manifests, options.defaultNamespace), options);
}

/** `runWorkspaceRules` over an index: findings only on its subjects, the other manifests only satisfy references. */
export function runWorkspaceRulesOn(index: WorkspaceIndex, options: Pick<WorkspaceRuleOptions, 'rules'> = {}): SimFinding[] {
  return runToEnd(runWorkspaceRulesSteps(index, options));
}

/** `runWorkspaceRulesOn` a rule at a time: yields after each rule it runs, so that a caller can spread the rules over several turns of the event loop. */
export function* runWorkspaceRulesSteps(index: WorkspaceIndex, options: Pick<WorkspaceRuleOptions, 'rules'> = {}): Generator<undefined, SimFinding[], undefined> {
  const settings = options.rules ?? DEFAULT_RULE_SETTINGS;
  const findings: SimFinding[] = [];
  for (const rule of WORKSPACE_RULES) {
    const severity = effectiveSeverity(rule.meta, rule.meta.code, settings);
    if (severity === 'off') continue;
    try {
      rule.check(index, (manifest, path, message, as) => {
        if (!index.isSubject(manifest)) return;
        const own = as ? (settings.severities[as.code] ?? as.severity) : severity;
        if (own !== 'off') findings.push({ source: manifest.source, path, severity: own, code: as?.code ?? rule.meta.code, message });
      });
    } catch {
      // A broken rule must not take the others down; its findings are simply missing.
    }
    yield;
  }
  return findings;
}

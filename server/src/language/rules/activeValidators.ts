import type { DocumentValidator } from '../validators/types';
import { DEFAULT_RULE_SETTINGS, effectiveSeverity, type RuleSettings } from './ruleSettings';
import type { DocumentRule } from './ruleTypes';

/**
 * A canonical text for rule settings: findings computed under equal keys are interchangeable, so it
 * is part of the per-document cache key.
 */
export function ruleSettingsKey(settings: RuleSettings | undefined): string {
  const active = settings ?? DEFAULT_RULE_SETTINGS;
  const codes = Object.keys(active.severities).sort();
  return `${active.bestPractices ? 'bp' : ''}|${codes.map((code) => `${code}=${active.severities[code]}`).join(',')}`;
}

/** The validators to run under the settings: rules whose severity is `off` are not run at all. */
export function activeValidators(validators: readonly DocumentValidator[], settings: RuleSettings | undefined): DocumentValidator[] {
  const active = settings ?? DEFAULT_RULE_SETTINGS;
  return validators.filter((validator) => {
    const meta = (validator as Partial<DocumentRule>).meta;
    return !meta || effectiveSeverity(meta, meta.code, active) !== 'off';
  });
}

import type { Severity } from '../findings';
import type { DocumentValidator } from '../validators/types';

/** A severity a user can give a rule in `drydock.rules`; `off` disables it. */
export type RuleSeverity = Severity | 'off';

export type RuleCategory = 'api-server' | 'best-practice' | 'cross-resource';

/** What every rule declares about itself: the facts `docs/rules.md` and the settings are built on. */
export interface RuleMeta {
  /** Stable code, also the diagnostic code: `api/name-format`, `bp/latest-tag`, `ref/secret-missing`. */
  readonly code: string;
  readonly defaultSeverity: Severity;
  readonly category: RuleCategory;
  /** One line: what the rule checks. */
  readonly summary: string;
}

/**
 * A per-document rule: a DocumentValidator (so it runs in the ordered validator list) that also
 * carries its metadata. It reports at its default severity; the language service applies the user's
 * `drydock.rules` overrides afterwards (the framework, not the plugin, decides severities).
 */
export interface DocumentRule extends DocumentValidator {
  readonly meta: RuleMeta;
}

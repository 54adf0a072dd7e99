import * as l10n from '@vscode/l10n';
import type { Finding, Severity } from '../findings';
import type { RuleMeta, RuleSeverity } from './ruleTypes';

/** The user's rule configuration: `drydock.rules` (code → severity) and `drydock.bestPractices.enable`. */
export interface RuleSettings {
  severities: Readonly<Record<string, RuleSeverity>>;
  /** Best-practice rules are opt-in: they run at their default severity only when this is true. */
  bestPractices: boolean;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = { severities: {}, bestPractices: false };

const RULE_SEVERITIES: ReadonlySet<string> = new Set(['off', 'error', 'warning', 'information', 'hint']);

/** Reads `drydock.rules` as the client sends it; unknown severities are problems, not exceptions. */
export function readRuleSeverities(raw: unknown): { severities: Record<string, RuleSeverity>; problems: string[] } {
  const severities: Record<string, RuleSeverity> = {};
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { severities, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { severities, problems: [l10n.t('drydock.rules must be an object of rule code: severity.')] };
  for (const [code, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string' && RULE_SEVERITIES.has(value)) severities[code] = value as RuleSeverity;
    else problems.push(l10n.t('drydock.rules: `{0}` is not a severity for {1} (use off, error, warning, information or hint).', String(value), code));
  }
  return { severities, problems };
}

/** The severity a rule's findings get under the user's settings. */
export function effectiveSeverity(meta: Pick<RuleMeta, 'category' | 'defaultSeverity'>, code: string, settings: RuleSettings): RuleSeverity {
  const override = settings.severities[code];
  if (override) return override;
  if (meta.category === 'best-practice' && !settings.bestPractices) return 'off';
  return meta.defaultSeverity;
}

/**
 * Applies the user's severities to findings: rules by their metadata, and any other code (e.g.
 * `schema/no-schema`) by a plain override. Findings whose severity is `off` are dropped.
 */
export function applyRuleSettings(findings: Finding[], settings: RuleSettings | undefined, catalog: ReadonlyMap<string, RuleMeta>): Finding[] {
  const active = settings ?? DEFAULT_RULE_SETTINGS;
  let changed = false;
  const result: Finding[] = [];
  for (const finding of findings) {
    const meta = catalog.get(finding.code);
    const severity: RuleSeverity = meta ? effectiveSeverity(meta, finding.code, active) : (active.severities[finding.code] ?? finding.severity);
    if (severity === 'off') {
      changed = true;
      continue;
    }
    if (severity !== finding.severity) {
      changed = true;
      result.push({ ...finding, severity: severity as Severity });
    } else result.push(finding);
  }
  return changed ? result : findings;
}

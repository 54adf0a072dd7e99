import type { Finding, Severity } from '../findings';
import type { ParsedFile } from '../parse/parseFile';
import type { RuleSeverity } from '../rules/ruleTypes';
import { applySuppressions } from './applySuppressions';

/** What `.drydock.yaml` says of one file: left out (`ignore`), and its rule severities (`rules`, then matching `overrides`). */
export interface FileConfig {
  ignored: boolean;
  severities: Readonly<Record<string, RuleSeverity>>;
}

/**
 * The findings of a file as shown, from every source (validation, rules, dry run, render): none
 * when the file is ignored; the file's severities applied (`off` drops); then its suppressions
 * (applySuppressions.ts), whose own `meta/*` findings take the file's severities too. The editor
 * calls this where it publishes a document's merged findings, the CLI before it prints a file's.
 * `parsed` is absent when the file's text is not at hand (its suppressions are then not read).
 */
export function fileFindings(parsed: ParsedFile | undefined, findings: readonly Finding[], config: FileConfig, judged?: (pattern: string) => boolean): Finding[] {
  if (config.ignored) return [];
  const severe = withSeverities(findings, config.severities);
  return parsed ? withSeverities(applySuppressions(parsed, severe, judged), config.severities) : severe;
}

function withSeverities(findings: readonly Finding[], severities: Readonly<Record<string, RuleSeverity>>): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const severity = severities[finding.code];
    if (severity === 'off') continue;
    result.push(severity && severity !== finding.severity ? { ...finding, severity: severity as Severity } : finding);
  }
  return result;
}

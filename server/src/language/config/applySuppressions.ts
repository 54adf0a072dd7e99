import * as l10n from '@vscode/l10n';
import { compareFindings, type Finding } from '../findings';
import type { ParsedFile } from '../parse/parseFile';
import { codeMatches, suppressionsOf, type Suppression } from './suppressionDirectives';

/**
 * Applies a file's suppressions (suppressionDirectives.ts) to every finding of that file, whatever
 * its source (validation, rules, dry run, render). An error of the YAML parse or of schema validation
 * (`yaml/*`, `schema/*` at error level) is suppressed only by a suppression that gives a reason;
 * without one it stays, and the suppression says why (`meta/suppression-needs-reason`). A
 * suppression code that suppresses nothing gets a hint (`meta/unused-suppression`), when what could
 * have produced its findings ran (`judged`: a `sim/*` suppression is not judged by `drydock check`,
 * nor in the editor before the file's dry run has reported). Pure.
 */
export function applySuppressions(parsed: ParsedFile, findings: readonly Finding[], judged: (pattern: string) => boolean = () => true): Finding[] {
  const suppressions = suppressionsOf(parsed);
  if (suppressions.length === 0) return [...findings];
  const used = new Set<Suppression>();
  const lackingReason = new Set<Suppression>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const line = finding.range.start.line;
    const matching = suppressions.filter((s) => line >= s.fromLine && line <= s.toLine && codeMatches(s.pattern, finding.code));
    const applicable = needsReason(finding) ? matching.filter((s) => s.reason !== undefined) : matching;
    if (applicable.length) {
      for (const suppression of applicable) used.add(suppression);
      continue;
    }
    for (const suppression of matching) lackingReason.add(suppression);
    kept.push(finding);
  }
  for (const suppression of suppressions) {
    if (used.has(suppression) || (!lackingReason.has(suppression) && !judged(suppression.pattern))) continue;
    if (lackingReason.has(suppression)) {
      kept.push({
        range: suppression.range,
        severity: 'warning',
        code: 'meta/suppression-needs-reason',
        message: l10n.t('An error of YAML or schema validation is suppressed only with a reason: add `-- why` after `{0}`.', suppression.pattern),
      });
    } else {
      kept.push({ range: suppression.range, severity: 'hint', code: 'meta/unused-suppression', message: l10n.t('`{0}` suppresses nothing here: remove it.', suppression.pattern), data: { pattern: suppression.pattern } });
    }
  }
  return kept.sort(compareFindings);
}

/** Whether a suppression pattern is of the dry run's codes (`sim/*`, `net/*`): only a dry run can tell whether it is used. */
export function isDryRunPattern(pattern: string): boolean {
  return pattern.startsWith('sim/') || pattern.startsWith('net/');
}

/** An error-level finding of the YAML parse or of schema validation: suppressed only with a reason. */
export function needsReason(finding: Pick<Finding, 'severity' | 'code'>): boolean {
  return finding.severity === 'error' && (finding.code.startsWith('schema/') || finding.code.startsWith('yaml/'));
}

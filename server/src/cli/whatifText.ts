import * as l10n from '@vscode/l10n';
import type { TimelineEntry } from '../simulator/lifecycle/timeline';
import type { Verdict } from '../simulator/lifecycle/verdicts';
import { describeEntry, verdictLine } from '../dryRun/whatIfWords';
import { DRAIN_RETRY_SECONDS } from '../simulator/lifecycle/timing';
import { MAX_INSTANTS } from '../simulator/lifecycle/whatIf';

/** One timeline entry as a line: `+50s  node worker-1a NotReady — why`. */
export function timelineLine(entry: TimelineEntry, width: number): string {
  const text = describeEntry(entry);
  return `${`+${entry.at}s`.padEnd(width)}  ${text}${entry.why ? ` — ${entry.why}` : ''}`;
}

/** The whole text report. */
export function whatIfText(params: { header: string; timeline: readonly TimelineEntry[]; verdicts: readonly Verdict[]; end: number; retryingForever: readonly string[]; truncated: boolean; diagnostics: readonly string[] }): string {
  const lines = [params.header, ''];
  const width = Math.max(4, ...params.timeline.map((e) => `+${e.at}s`.length));
  if (params.timeline.length === 0) lines.push(l10n.t('Nothing happens.'));
  for (const entry of params.timeline) lines.push(timelineLine(entry, width));
  if (params.retryingForever.length > 0) lines.push('', l10n.t('kubectl drain would retry the eviction of {0} every {1} s forever: nothing else changes, so the timeline stops here.', params.retryingForever.join(', '), DRAIN_RETRY_SECONDS));
  if (params.truncated) lines.push('', l10n.t('The timeline stops after {0} seconds with events; more was still to come (use --until).', MAX_INSTANTS));
  lines.push('', `VERDICTS (to +${params.end}s)`);
  if (params.verdicts.length === 0) lines.push(`  ${l10n.t('no workload or Service of the manifests')}`);
  for (const verdict of params.verdicts) lines.push(`  ${verdictLine(verdict, params.end)}`);
  if (params.diagnostics.length > 0) lines.push('', ...params.diagnostics);
  return lines.join('\n') + '\n';
}

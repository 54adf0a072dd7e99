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
  if (params.timeline.length === 0) lines.push('Nothing happens.');
  for (const entry of params.timeline) lines.push(timelineLine(entry, width));
  if (params.retryingForever.length > 0) lines.push('', `kubectl drain would retry the eviction of ${params.retryingForever.join(', ')} every ${DRAIN_RETRY_SECONDS} s forever: nothing else changes, so the timeline stops here.`);
  if (params.truncated) lines.push('', `The timeline stops after ${MAX_INSTANTS} seconds with events; more was still to come (use --until).`);
  lines.push('', `VERDICTS (to +${params.end}s)`);
  if (params.verdicts.length === 0) lines.push('  no workload or Service of the manifests');
  for (const verdict of params.verdicts) lines.push(`  ${verdictLine(verdict, params.end)}`);
  if (params.diagnostics.length > 0) lines.push('', ...params.diagnostics);
  return lines.join('\n') + '\n';
}

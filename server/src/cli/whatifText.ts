import type { TimelineEntry } from '../simulator/lifecycle/timeline';
import type { Verdict } from '../simulator/lifecycle/verdicts';
import { DRAIN_RETRY_SECONDS } from '../simulator/lifecycle/timing';
import { MAX_INSTANTS } from '../simulator/lifecycle/whatIf';

/** One timeline entry as a line: `+50s  node worker-1a NotReady — why`. */
export function timelineLine(entry: TimelineEntry, width: number): string {
  const text = describe(entry);
  return `${`+${entry.at}s`.padEnd(width)}  ${text}${entry.why ? ` — ${entry.why}` : ''}`;
}

function describe(e: TimelineEntry): string {
  switch (e.type) {
    case 'NodeNotReady': return `node ${e.node} NotReady`;
    case 'NodeReady': return `node ${e.node} Ready`;
    case 'NodeCordoned': return `node ${e.node} cordoned`;
    case 'TaintAdded': return `node ${e.node} tainted ${e.taint}`;
    case 'TaintRemoved': return `node ${e.node} untainted ${e.taint}`;
    case 'PodNotReady': return `pod ${e.pod} not ready`;
    case 'PodReady': return `pod ${e.pod} ready`;
    case 'PodDeleted': return `pod ${e.pod} deleted`;
    case 'EndpointRemoved': return `service ${e.service} drops endpoint ${e.pod}`;
    case 'EndpointAdded': return `service ${e.service} adds endpoint ${e.pod}`;
    case 'PodEvicted': return `pod ${e.pod} evicted (${e.reason})`;
    case 'EvictionBlocked': return `pod ${e.pod} eviction refused by PodDisruptionBudget ${e.pdb}: ${e.message}`;
    case 'PodCreated': return `pod ${e.pod} created by ${e.owner}`;
    case 'PodScheduled': return `pod ${e.pod} scheduled on ${e.node}`;
    case 'PodPending': return `pod ${e.pod} Pending: ${e.message}`;
    case 'DrainRefused': return `node ${e.node} drain refused: pod ${e.pod}: ${e.message}`;
  }
}

/** `web: 2/3 ready from +50s to +350s; never below minAvailable 2 (PodDisruptionBudget web)`. */
export function verdictLine(v: Verdict, end: number): string {
  const name = v.namespace === 'default' ? v.name : `${v.namespace}/${v.name}`;
  const span = (s: { from: number; to: number | null }): string => (s.to === s.from ? `for a moment at +${s.from}s` : `from +${s.from}s to ${s.to === null ? `the end (+${end}s)` : `+${s.to}s`}`);
  if (v.kind === 'Service') {
    const head = v.below ? `${v.min}/${v.total} ready endpoints ${span(v.below)}` : `${v.total}/${v.total} ready endpoints throughout`;
    const empty = v.min === 0 ? `no ready endpoint at some point: traffic fails` : 'never without a ready endpoint';
    return `service ${name}: ${head}; ${empty}`;
  }
  const head = v.below ? `${v.min}/${v.total} ready ${span(v.below)}` : `${v.total}/${v.total} ready throughout`;
  const tail = v.final !== v.total && v.below?.to !== null ? `; ${v.final}/${v.total} at the end` : '';
  if (!v.budget) return `${name}: ${head}${tail}`;
  const floor = `${v.budget.requirement}, needs ${v.budget.desired} (PodDisruptionBudget ${v.budget.name})`;
  return `${name}: ${head}${tail}; ${v.budget.under ? `below ${floor} ${span(v.budget.under)}` : `never below ${floor}`}`;
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

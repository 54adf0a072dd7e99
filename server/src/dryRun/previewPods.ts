import type { PodDetails, PreviewPod, SourceLocation } from '../protocol/preview';
import type { SourceRef } from '../simulator/model/source';
import { filterVerdicts, weightedScore } from '../simulator/scheduler';
import { podRequests } from '../simulator/model/resources';
import type { SimulatedPod } from '../simulator/simulate';

/**
 * At most this many per-node entries (filter verdicts + scores, over all pods) travel inline in a
 * preview model. A real 1,000-node cluster scores a few hundred nodes per pod, so 10,000 pods
 * would carry millions of entries (hundreds of MB of JSON); past the budget every pod's
 * `filters`/`scores` are left out and fetched one pod at a time (`drydock/podDetails`).
 */
export const INLINE_DETAILS_BUDGET = 20_000;

/** The pods of a preview, with their per-node details inline when the whole set fits the budget. */
export function previewPods(pods: readonly SimulatedPod[], locate: (source: SourceRef | null) => SourceLocation | null, budget = INLINE_DETAILS_BUDGET): PreviewPod[] {
  let entries = 0;
  for (const { placement } of pods) entries += placement.filters.nodes.length + (placement.scores?.totals.length ?? 0);
  const inline = entries <= budget;
  return pods.map((simulated) => previewPod(simulated, locate, inline));
}

function previewPod(simulated: SimulatedPod, locate: (source: SourceRef | null) => SourceLocation | null, inline: boolean): PreviewPod {
  const { pod, placement } = simulated;
  const details = inline ? podDetailsOf(simulated) : undefined;
  return {
    namespace: pod.namespace,
    name: pod.name,
    owner: pod.owner,
    node: placement.node,
    status: placement.status,
    message: placement.message,
    ...(simulated.lead ? { lead: simulated.lead } : {}),
    ...(pod.workload && (pod.workload.kind !== pod.owner?.kind || pod.workload.name !== pod.owner?.name) ? { workload: { kind: pod.workload.kind, name: pod.workload.name } } : {}),
    filters: details?.filters ?? {},
    scores: details?.scores ?? {},
    ...(inline ? {} : { detailsOmitted: { filters: placement.filters.nodes.length, scores: placement.scores?.totals.length ?? 0, bestTotal: chosenTotal(simulated) } }),
    ...(placement.tie ? { tie: [...placement.tie] } : {}),
    requests: podRequests(pod.spec),
    labels: { ...pod.labels },
    source: locate(pod.source),
  };
}

/** Every node a filter rejected (the first failing plugin) and the weighted scores of every scored node. */
export function podDetailsOf({ pod, placement }: SimulatedPod): PodDetails {
  const filters: PodDetails['filters'] = {};
  for (const f of filterVerdicts(placement)) filters[f.node] = { plugin: f.plugin, reason: f.reason };
  const scores: PodDetails['scores'] = {};
  const table = placement.scores;
  if (table) {
    table.nodes.forEach((node, i) => {
      const plugins: Record<string, number> = {};
      table.plugins.forEach((plugin, p) => (plugins[plugin] = weightedScore(table, i, p)));
      scores[node] = { total: table.totals[i], plugins };
    });
  }
  return { pod: `${pod.namespace}/${pod.name}`, filters, scores };
}

function chosenTotal({ placement }: SimulatedPod): number | null {
  const table = placement.scores;
  if (!table || placement.node === null) return null;
  const i = table.nodes.indexOf(placement.node);
  return i < 0 ? null : table.totals[i];
}

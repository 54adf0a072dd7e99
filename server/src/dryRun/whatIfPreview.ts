import type { PreviewWhatIf, WhatIfMoment, WhatIfMomentNode, WhatIfNodeEvent, WhatIfVerdict } from '../protocol/whatIf';
import type { TimelineEntry } from '../simulator/lifecycle/timeline';
import { taintText } from '../simulator/lifecycle/tolerationSeconds';
import { isTerminalPhase } from '../simulator/model/podFromObject';
import type { DryRunOutput } from './dryRun';
import type { WhatIfDryRunOutput } from './whatIfDryRun';
import { describeEntry, verdictLine } from './whatIfWords';

/** Moments (seconds with entries) drawn at most; the timeline itself is sent whole. */
export const MAX_WHAT_IF_MOMENTS = 500;

interface ReplayPod {
  node: string | null;
  ready: boolean;
  terminating: boolean;
}

interface ReplayNode {
  ready: boolean;
  unschedulable: boolean;
  taints: string[];
  kubeletUp: boolean;
}

/**
 * `drydock/whatIf`'s answer from a what-if run over a preview's dry run: the timeline with its lines
 * in the CLI's words, the verdicts, and the cluster at the start and after each second with entries,
 * replayed from the settled run along the timeline (the nodes it touches, with their pods).
 */
export function whatIfPreview(run: WhatIfDryRunOutput, events: readonly WhatIfNodeEvent[]): PreviewWhatIf {
  const timeline = run.whatIf.timeline;
  const { moments, omitted } = replayMoments(run.start, timeline, events);
  return {
    events: [...events],
    timeline,
    lines: timeline.map(describeEntry),
    moments,
    momentsOmitted: omitted,
    verdicts: run.verdicts.map((v): WhatIfVerdict => ({
      kind: v.kind,
      namespace: v.namespace,
      name: v.name,
      total: v.total,
      min: v.min,
      final: v.final,
      harmed: v.kind === 'Service' ? v.min === 0 : v.budget?.under != null,
      text: verdictLine(v, run.whatIf.end),
    })),
    end: run.whatIf.end,
    retryingForever: run.whatIf.retryingForever,
    truncated: run.whatIf.truncated,
    unknownNodes: run.unknownNodes,
  };
}

/** Nothing simulated: an event names a node the cluster does not have. */
export function unknownNodesWhatIf(events: readonly WhatIfNodeEvent[], unknownNodes: string[]): PreviewWhatIf {
  return { events: [...events], timeline: [], lines: [], moments: [], momentsOmitted: 0, verdicts: [], end: 0, retryingForever: [], truncated: false, unknownNodes };
}

function replayMoments(start: DryRunOutput, timeline: readonly TimelineEntry[], events: readonly WhatIfNodeEvent[]): { moments: WhatIfMoment[]; omitted: number } {
  const nodes = new Map<string, ReplayNode>();
  for (const { node } of start.simulation.nodes) nodes.set(node.name, { ready: node.ready !== false, unschedulable: node.unschedulable, taints: node.taints.map(taintText), kubeletUp: true });
  const pods = new Map<string, ReplayPod>();
  for (const { pod, placement } of start.simulation.pods) {
    if (isTerminalPhase(pod.phase)) continue;
    const placed = placement.status !== 'Pending' && placement.node !== null && nodes.has(placement.node);
    pods.set(pod.key, { node: placed ? placement.node : null, ready: placed, terminating: false });
  }
  const shown = touchedNodes(timeline, events, pods);
  const snapshot = (at: number, first: number, count: number): WhatIfMoment => ({ at, first, count, ...cluster(nodes, pods, shown) });
  const moments = [snapshot(0, 0, 0)];
  let omitted = 0;
  // The kubelet's state comes from the user's events (node-down before node-up within a second, as the engine applies them).
  const kubelet = [...events].sort((a, b) => a.at - b.at || Number(a.kind === 'node-up') - Number(b.kind === 'node-up'));
  for (let i = 0; i < timeline.length;) {
    const at = timeline[i].at;
    for (const event of kubelet) {
      const node = event.at <= at ? nodes.get(event.node) : undefined;
      if (node && (event.kind === 'node-down' || event.kind === 'node-up')) node.kubeletUp = event.kind === 'node-up';
    }
    let j = i;
    for (; j < timeline.length && timeline[j].at === at; j++) apply(timeline[j], nodes, pods);
    if (moments.length < MAX_WHAT_IF_MOMENTS) moments.push(snapshot(at, i, j - i));
    else omitted++;
    i = j;
  }
  return { moments, omitted };
}

/** One entry's effect on the replayed cluster (what the engine did to produce it). */
function apply(e: TimelineEntry, nodes: Map<string, ReplayNode>, pods: Map<string, ReplayPod>): void {
  switch (e.type) {
    case 'NodeNotReady': case 'NodeReady': {
      const node = nodes.get(e.node);
      if (node) node.ready = e.type === 'NodeReady';
      return;
    }
    case 'NodeCordoned': {
      const node = nodes.get(e.node);
      if (node) node.unschedulable = true;
      return;
    }
    case 'TaintAdded': case 'TaintRemoved': {
      const node = nodes.get(e.node);
      if (!node) return;
      node.taints = node.taints.filter((t) => t !== e.taint);
      if (e.type === 'TaintAdded') node.taints.push(e.taint);
      return;
    }
    case 'PodNotReady': case 'PodReady': {
      const pod = pods.get(e.pod);
      if (pod) pod.ready = e.type === 'PodReady';
      return;
    }
    case 'PodEvicted': {
      // A DELETE: gone at once where the kubelet runs, Terminating (not ready) where it is unreachable.
      const pod = pods.get(e.pod);
      if (!pod) return;
      if (pod.node !== null && nodes.get(pod.node)?.kubeletUp === false) Object.assign(pod, { ready: false, terminating: true });
      else pods.delete(e.pod);
      return;
    }
    case 'PodDeleted':
      pods.delete(e.pod);
      return;
    case 'PodCreated':
      pods.set(e.pod, { node: null, ready: false, terminating: false });
      return;
    case 'PodScheduled': {
      const pod = pods.get(e.pod);
      if (pod) pod.node = e.node;
      return;
    }
    default:
      return;
  }
}

/** The nodes worth drawing: the events', those the timeline names, and those of the pods it names. */
function touchedNodes(timeline: readonly TimelineEntry[], events: readonly WhatIfNodeEvent[], pods: ReadonlyMap<string, ReplayPod>): Set<string> {
  const names = new Set(events.map((e) => e.node));
  for (const e of timeline) {
    if ('node' in e) names.add(e.node);
    const node = 'pod' in e ? pods.get(e.pod)?.node : null;
    if (node) names.add(node);
  }
  return names;
}

function cluster(nodes: ReadonlyMap<string, ReplayNode>, pods: ReadonlyMap<string, ReplayPod>, shown: ReadonlySet<string>): Pick<WhatIfMoment, 'nodes' | 'pending'> {
  const byNode = new Map<string, WhatIfMomentNode>();
  for (const [name, node] of [...nodes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (shown.has(name)) byNode.set(name, { name, ready: node.ready, unschedulable: node.unschedulable, taints: [...node.taints], pods: [] });
  }
  const pending: string[] = [];
  for (const [key, pod] of [...pods].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (pod.node === null) pending.push(key);
    else byNode.get(pod.node)?.pods.push({ pod: key, ready: pod.ready, terminating: pod.terminating });
  }
  return { nodes: [...byNode.values()], pending };
}

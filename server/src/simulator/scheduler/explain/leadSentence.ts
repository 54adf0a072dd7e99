import * as l10n from '@vscode/l10n';
import { isRecord } from '../../model/labelSelector';
import { podRequests, type ResourceAmounts } from '../../model/resources';
import type { SimPod } from '../../model/pod';
import { findUntoleratedTaint, parseTolerations, type Taint } from '../../model/taints';
import type { ClusterState } from '../cache/clusterState';
import type { NodeInfo } from '../cache/nodeInfo';
import { filterVerdicts, type FilterVerdict, type PodPlacement } from '../runtime/placement';
import { INTER_POD_AFFINITY } from '../plugins/interPodAffinity';
import { NODE_AFFINITY } from '../plugins/nodeAffinity';
import { NODE_NAME } from '../plugins/nodeName';
import { NODE_PORTS } from '../plugins/nodePorts';
import { NODE_RESOURCES_FIT } from '../plugins/nodeResourcesFit';
import { POD_TOPOLOGY_SPREAD } from '../plugins/podTopologySpread';
import { NODE_VOLUME_LIMITS } from '../plugins/nodeVolumeLimits';
import { TAINT_TOLERATION } from '../plugins/taintToleration';
import { VOLUME_BINDING } from '../plugins/volumeBinding';
import { ERR_BIND_CONFLICT, ERR_NODE_CONFLICT } from '../plugins/findPodVolumes';
import { VOLUME_RESTRICTIONS } from '../plugins/volumeRestrictions';
import { VOLUME_ZONE } from '../plugins/volumeZone';
import { dominantReason, type Clause } from './clause';
import { askBeyondEveryNode, resourcesClause } from './resourcesClause';

/**
 * Why an unschedulable pod found no node, in plain words and numbers, ahead of the scheduler's own
 * message (which stays verbatim after it). One sentence, lower-case start, no final period:
 *
 *   asks 64 CPU; the largest node has 3.92 CPU allocatable — lower the request to at most 3.92 CPU
 *   every zone already runs a `cache` pod (required anti-affinity on topology.kubernetes.io/zone)
 *   asks 6 CPU; the most free on any node is 3.37 CPU (app-a2: 3.92 CPU allocatable) — lower the request
 *     to at most 3.37 CPU; on the other 2 nodes: untolerated taint gpu=present:NoSchedule
 *
 * The plugins that rejected nodes are ranked as blame.ts ranks them (most nodes first, then filter
 * order); each gives a clause over the nodes it rejected, read from the cluster after the run (the
 * state a Pending pod keeps retrying against). The first clause leads, with its suggestion when one is
 * obvious after " — "; the next two follow as "on the other N nodes: …" (with their node counts when
 * there are several). A request larger than every node's allocatable is the cause on its own. Null for
 * pods that are not Pending as Unschedulable (their message already says why).
 *
 * Pure: reads the pod, its placement and the cluster; writes nothing.
 */
const FILTER_ORDER = ['NodeUnschedulable', NODE_NAME, TAINT_TOLERATION, NODE_AFFINITY, NODE_PORTS, NODE_RESOURCES_FIT, VOLUME_RESTRICTIONS, NODE_VOLUME_LIMITS, VOLUME_BINDING, VOLUME_ZONE, POD_TOPOLOGY_SPREAD, INTER_POD_AFFINITY];
const MAX_CLAUSES = 3; // the lead and two others

export function leadSentence(pod: SimPod, placement: PodPlacement, cluster: ClusterState): string | null {
  if (placement.status !== 'Pending' || placement.reason !== 'Unschedulable') return null;
  if (cluster.nodes.length === 0) return l10n.t('the cluster has no nodes - add Nodes to the cluster profile');
  const verdicts = filterVerdicts(placement);
  if (verdicts.length === 0) return preFilterClause(placement.message);
  const requests = podRequests(pod.spec);
  const tooBig = askBeyondEveryNode(requests, cluster);
  if (tooBig) return tooBig;
  const byPlugin = new Map<string, FilterVerdict[]>();
  for (const v of verdicts) {
    const list = byPlugin.get(v.plugin);
    if (list) list.push(v);
    else byPlugin.set(v.plugin, [v]);
  }
  const ranked = [...byPlugin].sort(([a, va], [b, vb]) => vb.length - va.length || rank(a) - rank(b));
  const [first, ...rest] = ranked.slice(0, MAX_CLAUSES).map(([plugin, failures]) => ({ clause: pluginClause(pod, requests, plugin, failures, cluster), count: failures.length }));
  // English joins with an ASCII dash (an all-ASCII publish encodes and parses 2-3x faster); Korean keeps its em dash.
  const lead = first.clause.fix ? l10n.t('{0} - {1}', first.clause.cause, first.clause.fix) : first.clause.cause;
  if (rest.length === 0) return lead;
  const others = ranked.slice(1).reduce((n, [, f]) => n + f.length, 0);
  const causes = rest.map(({ clause, count }) => (ranked.length === 2 ? clause.cause : `${clause.cause} (${count})`));
  const beyond = ranked.slice(MAX_CLAUSES).reduce((n, [, f]) => n + f.length, 0);
  if (beyond > 0) causes.push(l10n.t('other reasons ({0})', beyond));
  return others === 1 ? l10n.t('{0}; on the other node: {1}', lead, causes.join(', ')) : l10n.t('{0}; on the other {1} nodes: {2}', lead, others, causes.join(', '));
}

/** The lead as a sentence of its own (capitalised, with its period), for lists and the CLI. */
export function leadAsSentence(lead: string): string {
  return `${lead.charAt(0).toUpperCase()}${lead.slice(1)}.`;
}

function rank(plugin: string): number {
  const index = FILTER_ORDER.indexOf(plugin);
  return index < 0 ? FILTER_ORDER.length : index;
}

/** A PreFilter rejection: its reason is the whole explanation (kept as upstream words it). */
function preFilterClause(message: string): string {
  const head = message.indexOf(' nodes are available: ');
  const rest = head < 0 ? message : message.slice(head + ' nodes are available: '.length);
  const end = rest.indexOf('. ');
  const reason = end < 0 ? rest.replace(/\.$/, '') : rest.slice(0, end);
  if (reason === 'pod affinity terms conflict') return l10n.t('its required node affinity names no node (the metadata.name terms conflict)');
  return reason;
}

function pluginClause(pod: SimPod, requests: ResourceAmounts, plugin: string, failures: readonly FilterVerdict[], cluster: ClusterState): Clause {
  const nodes = failures.map((f) => cluster.nodeByName.get(f.node)).filter((n): n is NodeInfo => n !== undefined);
  switch (plugin) {
    case NODE_RESOURCES_FIT:
      return resourcesClause(requests, failures, cluster);
    case TAINT_TOLERATION:
      return taintClause(pod, nodes);
    case 'NodeUnschedulable':
      return nodes.length === cluster.nodes.length ? { cause: l10n.t('every node is cordoned (spec.unschedulable)'), fix: l10n.t('uncordon a node') } : { cause: l10n.t('cordoned'), fix: l10n.t('uncordon a node') };
    case NODE_AFFINITY:
      return nodeAffinityClause(pod, nodes, cluster);
    case NODE_PORTS: {
      const ports = hostPorts(pod);
      if (ports.length === 0) return { cause: l10n.t('host ports (requested) already in use') };
      return { cause: ports.length === 1 ? l10n.t('host port {0} already in use', ports[0]) : l10n.t('host ports {0} already in use', ports.join(', ')), fix: l10n.t('drop the hostPort or use a Service') };
    }
    case POD_TOPOLOGY_SPREAD:
      return spreadClause(pod, failures);
    case INTER_POD_AFFINITY:
      return podAffinityClause(pod, failures, nodes, cluster);
    default: {
      const reason = dominantReason(failures);
      return { cause: volumeWords(reason) ?? reason };
    }
  }
}

/** The volume plugins' node reasons in plain words (the upstream text stays in the message). */
function volumeWords(reason: string): string | undefined {
  if (reason === ERR_BIND_CONFLICT) return l10n.t('no available PersistentVolume can bind its claim (storage class, size, access modes, node affinity)');
  if (reason === ERR_NODE_CONFLICT) return l10n.t('its bound PersistentVolumes are pinned to other nodes (volume node affinity)');
  if (reason === 'node(s) had no available volume zone') return l10n.t('its PersistentVolumes are in other zones');
  return undefined;
}

// --- TaintToleration ----------------------------------------------------------------------------

function taintClause(pod: SimPod, nodes: readonly NodeInfo[]): Clause {
  const tolerations = parseTolerations(pod.spec.tolerations);
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const taint = findUntoleratedTaint(node.doNotScheduleTaints, tolerations, () => true);
    if (taint) counts.set(taintText(taint), (counts.get(taintText(taint)) ?? 0) + 1);
  }
  const taints = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  if (taints.length === 0) return { cause: l10n.t('untolerated taints') };
  const fix = l10n.t('add a toleration for {0}', taints[0][0]);
  if (taints.length === 1) return { cause: l10n.t('untolerated taint {0}', taints[0][0]), fix };
  return { cause: l10n.t('untolerated taints {0}', taints.map(([t, n]) => `${t} (${nodeCount(n)})`).join(', ')), fix };
}

function taintText(taint: Taint): string {
  return `${taint.key}${taint.value === '' ? '' : `=${taint.value}`}:${taint.effect}`;
}

// --- NodeAffinity -------------------------------------------------------------------------------

function nodeAffinityClause(pod: SimPod, nodes: readonly NodeInfo[], cluster: ClusterState): Clause {
  const selector = isRecord(pod.spec.nodeSelector) ? pod.spec.nodeSelector : {};
  const pairs = Object.entries(selector).map(([k, v]) => [k, String(v)] as const);
  const nowhere = pairs.filter(([k, v]) => cluster.nodes.every((n) => n.labels[k] !== v)).map(([k, v]) => `${k}=${v}`);
  if (nowhere.length > 0) {
    const labels = nowhere.join(', ');
    return {
      cause: nowhere.length === 1 ? l10n.t('no node has the label {0} (nodeSelector)', labels) : l10n.t('no node has the labels {0} (nodeSelector)', labels),
      fix: l10n.t('label a node {0} or change the nodeSelector', labels),
    };
  }
  const missing = pairs.filter(([k, v]) => nodes.some((n) => n.labels[k] !== v)).map(([k, v]) => `${k}=${v}`);
  if (missing.length > 0) return { cause: missing.length === 1 ? l10n.t('without the nodeSelector label {0}', missing[0]) : l10n.t('without the nodeSelector labels {0}', missing.join(', ')) };
  return { cause: nodes.length === cluster.nodes.length ? l10n.t('no node matches its required node affinity') : l10n.t('outside its required node affinity') };
}

// --- NodePorts ----------------------------------------------------------------------------------

function hostPorts(pod: SimPod): string[] {
  const ports: string[] = [];
  for (const container of Array.isArray(pod.spec.containers) ? pod.spec.containers : []) {
    for (const port of isRecord(container) && Array.isArray(container.ports) ? container.ports : []) {
      if (isRecord(port) && typeof port.hostPort === 'number') ports.push(`${port.hostPort}/${typeof port.protocol === 'string' ? port.protocol : 'TCP'}`);
    }
  }
  return ports;
}

// --- PodTopologySpread --------------------------------------------------------------------------

function spreadClause(pod: SimPod, failures: readonly FilterVerdict[]): Clause {
  const constraints = (Array.isArray(pod.spec.topologySpreadConstraints) ? pod.spec.topologySpreadConstraints : []).filter((c) => isRecord(c) && c.whenUnsatisfiable !== 'ScheduleAnyway');
  const keys = constraints.map((c) => (typeof c.topologyKey === 'string' ? c.topologyKey : '')).filter((k) => k !== '');
  if (dominantReason(failures).includes('missing required label')) {
    return { cause: l10n.t('nodes lack the topology label {0} its spread constraint needs', keys.join(' / ') || '(topologyKey)') };
  }
  const first = constraints[0];
  if (!first) return { cause: dominantReason(failures) };
  const skew = typeof first.maxSkew === 'number' ? first.maxSkew : 1;
  const key = typeof first.topologyKey === 'string' ? first.topologyKey : '';
  return { cause: l10n.t('placing it would exceed maxSkew {0} across {1} (DoNotSchedule spread on {2})', skew, domainNoun(key, true), key), fix: l10n.t('raise maxSkew or set whenUnsatisfiable: ScheduleAnyway') };
}

// --- InterPodAffinity ---------------------------------------------------------------------------

function podAffinityClause(pod: SimPod, failures: readonly FilterVerdict[], nodes: readonly NodeInfo[], cluster: ClusterState): Clause {
  const reason = dominantReason(failures);
  if (reason.includes('existing pods')) return { cause: l10n.t('pods already running there forbid it with their required anti-affinity') };
  const anti = reason.includes('anti-affinity');
  const term = requiredTerms(pod, anti ? 'podAntiAffinity' : 'podAffinity')[0];
  if (!term) return { cause: reason };
  const key = typeof term.topologyKey === 'string' ? term.topologyKey : '';
  const who = podsMatching(term.labelSelector);
  if (!anti) return { cause: l10n.t('no {0} runs {1} (required pod affinity on {2})', domainNoun(key, false), who, key) };
  const withReason = new Set(failures.filter((f) => f.reason === reason).map((f) => f.node));
  const rejected = nodes.filter((n) => withReason.has(n.name));
  const all = new Set(cluster.nodes.map((n) => n.labels[key]).filter((v) => v !== undefined));
  const taken = new Set(rejected.map((n) => n.labels[key]).filter((v) => v !== undefined));
  const every = taken.size === all.size;
  const cause = every
    ? l10n.t('every {0} already runs {1} (required anti-affinity on {2})', domainNoun(key, false), who, key)
    : l10n.t('{0} of {1} {2} already run {3} (required anti-affinity on {4})', taken.size, all.size, domainNoun(key, true), who, key);
  const fix = key === 'kubernetes.io/hostname' ? l10n.t('add a node, or make the anti-affinity preferred') : l10n.t('add a node in another {0}, or make the anti-affinity preferred', domainNoun(key, false));
  return { cause, fix };
}

function requiredTerms(pod: SimPod, field: 'podAffinity' | 'podAntiAffinity'): Array<Record<string, unknown>> {
  const affinity = isRecord(pod.spec.affinity) ? pod.spec.affinity[field] : undefined;
  const terms = isRecord(affinity) ? affinity.requiredDuringSchedulingIgnoredDuringExecution : undefined;
  return Array.isArray(terms) ? terms.filter(isRecord) : [];
}

const NAME_KEYS = ['app', 'app.kubernetes.io/name', 'name', 'k8s-app'];

/** "a `cache` pod" for a selector on one app-name label, else "a pod matching k=v, …". */
function podsMatching(selector: unknown): string {
  const labels = isRecord(selector) && isRecord(selector.matchLabels) ? Object.entries(selector.matchLabels).map(([k, v]) => [k, String(v)] as const) : [];
  const hasExpressions = isRecord(selector) && Array.isArray(selector.matchExpressions) && selector.matchExpressions.length > 0;
  if (labels.length === 1 && !hasExpressions && NAME_KEYS.includes(labels[0][0])) return l10n.t('a `{0}` pod', labels[0][1]);
  const pairs = labels.map(([k, v]) => `${k}=${v}`).join(', ');
  if (labels.length > 0) return hasExpressions ? l10n.t('a pod matching {0} (and expressions)', pairs) : l10n.t('a pod matching {0}', pairs);
  return l10n.t('a pod its selector matches');
}

function domainNoun(key: string, many: boolean): string {
  if (key === 'topology.kubernetes.io/zone') return many ? l10n.t('zones') : l10n.t('zone');
  if (key === 'topology.kubernetes.io/region') return many ? l10n.t('regions') : l10n.t('region');
  if (key === 'kubernetes.io/hostname') return many ? l10n.t('nodes') : l10n.t('node');
  return many ? l10n.t('{0} domains', key) : l10n.t('{0} domain', key);
}

// --- helpers ------------------------------------------------------------------------------------

function nodeCount(n: number): string {
  return n === 1 ? l10n.t('1 node') : l10n.t('{0} nodes', n);
}

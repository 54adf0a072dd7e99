import { isRecord } from '../../model/labelSelector';
import type { Container, PodSpec, SimPod } from '../../model/pod';
import { containerRequests } from '../../model/resources';
import type { FieldPath } from '../../model/source';
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
import { VOLUME_RESTRICTIONS } from '../plugins/volumeRestrictions';
import { VOLUME_ZONE } from '../plugins/volumeZone';

/**
 * Where in the manifest an unschedulable pod's problem is best shown (a path relative to the
 * object): the plugin that rejected the most nodes decides (ties: one that can point at a field,
 * then the earlier filter), then
 *   NodeResourcesFit "Insufficient r"  → the largest request of r among the containers;
 *   TaintToleration                    → `tolerations` (or the kind when the pod has none);
 *   NodeAffinity                       → the nodeSelector key no node offers, else the required terms;
 *   NodePorts                          → the first hostPort;
 *   PodTopologySpread                  → the first DoNotSchedule constraint;
 *   InterPodAffinity                   → the required (anti-)affinity terms;
 *   the four volume plugins            → a StatefulSet's `volumeClaimTemplates`, else the pod's `volumes`;
 * and anything else (Too many pods, another pod's anti-affinity…) → `kind`.
 */
const FILTER_ORDER = ['NodeUnschedulable', NODE_NAME, TAINT_TOLERATION, NODE_AFFINITY, NODE_PORTS, NODE_RESOURCES_FIT, VOLUME_RESTRICTIONS, NODE_VOLUME_LIMITS, VOLUME_BINDING, VOLUME_ZONE, POD_TOPOLOGY_SPREAD, INTER_POD_AFFINITY];
const KIND: FieldPath = ['kind'];

export function blamePath(pod: SimPod, placement: PodPlacement, nodeLabels: (node: string) => Readonly<Record<string, string>> | undefined): FieldPath {
  if (placement.message.includes('pod affinity terms conflict')) return [...pod.specPath, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'];
  const verdicts = filterVerdicts(placement);
  const counts = new Map<string, number>();
  for (const v of verdicts) counts.set(v.plugin, (counts.get(v.plugin) ?? 0) + 1);
  // Most rejected nodes first; on a tie, a plugin that points at a field beats one that cannot, then filter order.
  const ranked = [...counts.keys()]
    .map((plugin) => ({ plugin, count: counts.get(plugin)!, path: pluginPath(pod, plugin, verdicts.filter((v) => v.plugin === plugin), nodeLabels) }))
    .sort((a, b) => b.count - a.count || Number(a.path === KIND) - Number(b.path === KIND) || FILTER_ORDER.indexOf(a.plugin) - FILTER_ORDER.indexOf(b.plugin));
  return ranked[0]?.path ?? KIND;
}

function pluginPath(pod: SimPod, plugin: string, failures: readonly FilterVerdict[], nodeLabels: (node: string) => Readonly<Record<string, string>> | undefined): FieldPath {
  const spec = pod.spec;
  const at = (...rest: Array<string | number>): FieldPath => [...pod.specPath, ...rest];
  switch (plugin) {
    case NODE_RESOURCES_FIT: {
      const reasons = failures.flatMap((f) => f.reason.split(', ')).filter((r) => r.startsWith('Insufficient '));
      const reason = dominant(reasons, () => 0);
      return reason ? withSpec(pod, requestPath(spec, reason.slice('Insufficient '.length))) : KIND;
    }
    case TAINT_TOLERATION:
      return Array.isArray(spec.tolerations) && spec.tolerations.length > 0 ? at('tolerations') : KIND;
    case NODE_AFFINITY: {
      const selector = isRecord(spec.nodeSelector) ? spec.nodeSelector : {};
      for (const [key, value] of Object.entries(selector)) {
        if (failures.every((f) => nodeLabels(f.node)?.[key] !== String(value))) return at('nodeSelector', key);
      }
      return isRecord(spec.affinity) && isRecord(spec.affinity.nodeAffinity) ? at('affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution') : at('nodeSelector');
    }
    case VOLUME_RESTRICTIONS:
    case NODE_VOLUME_LIMITS:
    case VOLUME_BINDING:
    case VOLUME_ZONE:
      // A StatefulSet's claims come from its templates; a pod's from its volumes.
      return pod.owner?.kind === 'StatefulSet' ? ['spec', 'volumeClaimTemplates'] : at('volumes');
    case NODE_PORTS:
      return hostPortPath(spec) ? withSpec(pod, hostPortPath(spec)) : KIND;
    case POD_TOPOLOGY_SPREAD: {
      const constraints = Array.isArray(spec.topologySpreadConstraints) ? spec.topologySpreadConstraints : [];
      const index = constraints.findIndex((c) => isRecord(c) && c.whenUnsatisfiable !== 'ScheduleAnyway');
      return index >= 0 ? at('topologySpreadConstraints', index) : KIND;
    }
    case INTER_POD_AFFINITY: {
      const reasons = failures.map((f) => f.reason);
      const reason = dominant(reasons, () => 0) ?? '';
      if (reason.includes('existing pods')) return KIND;
      const kind = reason.includes('anti-affinity') ? 'podAntiAffinity' : 'podAffinity';
      return at('affinity', kind, 'requiredDuringSchedulingIgnoredDuringExecution');
    }
    case NODE_NAME:
      return at('nodeName');
    default:
      return KIND;
  }
}

function withSpec(pod: SimPod, rest: FieldPath | undefined): FieldPath {
  return rest ? [...pod.specPath, ...rest] : KIND;
}

/** The most frequent entry; ties go to the one `order` puts first. */
function dominant(items: readonly string[], order: (a: string, b: string) => number): string | undefined {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  let best: string | undefined;
  for (const [item, count] of counts) {
    const bestCount = best === undefined ? -1 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && order(item, best!) < 0)) best = item;
  }
  return best;
}

/** Path (inside the spec) of the largest request of a resource: requests.r, else limits.r (requests default to limits). */
function requestPath(spec: PodSpec, resource: string): FieldPath | undefined {
  let best: { path: FieldPath; amount: number } | undefined;
  for (const field of ['containers', 'initContainers'] as const) {
    const list = Array.isArray(spec[field]) ? (spec[field] as Container[]) : [];
    list.forEach((container, index) => {
      if (!isRecord(container)) return;
      const amount = containerRequests(container.resources)[resource];
      if (amount === undefined || (best && best.amount >= amount)) return;
      const resources = isRecord(container.resources) ? container.resources : {};
      const inRequests = isRecord(resources.requests) && resources.requests[resource] !== undefined;
      best = { path: [field, index, 'resources', inRequests ? 'requests' : 'limits', resource], amount };
    });
  }
  return best?.path;
}

function hostPortPath(spec: PodSpec): FieldPath | undefined {
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  for (let c = 0; c < containers.length; c++) {
    const ports = isRecord(containers[c]) && Array.isArray(containers[c].ports) ? containers[c].ports! : [];
    for (let p = 0; p < ports.length; p++) {
      if (isRecord(ports[p]) && typeof ports[p].hostPort === 'number') return ['containers', c, 'ports', p, 'hostPort'];
    }
  }
  return undefined;
}

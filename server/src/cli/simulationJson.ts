import { formatBytes, formatMilli } from '../simulator/model/quantity';
import type { ResourceAmounts } from '../simulator/model/resources';
import { podVolumeReport } from '../simulator/model/storage/volumeReport';
import type { StorageObjects } from '../simulator/model/storage/storageObjects';
import { filterVerdicts, weightedScore } from '../simulator/scheduler';
import type { SimulatedPod, SimulationResult } from '../simulator/simulate';
import type { ServiceEndpoints } from '../simulator/controllers';
import type { Diagnostic } from './locatedFindings';

/**
 * `drydock simulate --format json`'s document (a contract): the cluster, its nodes, every pod with
 * its placement and the scheduler's reasons, the Services' endpoints, the diagnostics. `drydock
 * whatif` prints its `final` cluster in the same shape.
 */
export function simulationJson(result: SimulationResult, services: readonly ServiceEndpoints[], cluster: string, diagnostics: Diagnostic[]): unknown {
  return {
    cluster: { profile: cluster, nodes: result.nodes.length },
    nodes: result.nodes.map((n) => ({
      name: n.node.name,
      labels: { ...n.node.labels },
      taints: n.node.taints.map((t) => (t.value === '' ? { key: t.key, effect: t.effect } : { key: t.key, value: t.value, effect: t.effect })),
      unschedulable: n.node.unschedulable,
      allocatable: quantities(n.node.allocatable),
      requested: quantities(n.requested),
      pods: n.pods,
    })),
    pods: result.pods.map((p) => podJson(p, result.storage)),
    services: services.map(serviceJson),
    diagnostics: diagnostics.map(({ path, range, severity, code, message }) => ({ path, range, severity, code, message })),
  };
}

function podJson({ pod, placement, lead }: SimulatedPod, storage: StorageObjects): Record<string, unknown> {
  const filters: Record<string, { plugin: string; reason: string }> = {};
  for (const f of filterVerdicts(placement)) filters[f.node] = { plugin: f.plugin, reason: f.reason };
  const json: Record<string, unknown> = {
    namespace: pod.namespace,
    name: pod.name,
    owner: pod.owner,
    workload: pod.workload ?? pod.owner,
    priority: pod.priority,
    node: placement.node,
    status: placement.status,
    reason: placement.reason,
    message: placement.message,
    ...(lead ? { lead } : {}),
    evaluatedNodes: placement.evaluatedNodes,
    feasibleNodes: placement.feasibleNodes,
    filters,
  };
  const table = placement.scores;
  if (table) {
    const scores: Record<string, { total: number; plugins: Record<string, number> }> = {};
    table.nodes.forEach((node, i) => {
      const plugins: Record<string, number> = {};
      table.plugins.forEach((plugin, p) => (plugins[plugin] = weightedScore(table, i, p)));
      scores[node] = { total: table.totals[i], plugins };
    });
    json.scores = scores;
  }
  if (placement.tie) json.tie = placement.tie;
  if (placement.preemption?.kind === 'preempts') json.preemption = { node: placement.preemption.node, victims: placement.preemption.victims };
  const volumes = podVolumeReport(storage, pod);
  if (volumes.length > 0) json.volumes = volumes;
  return json;
}

/** Amounts as Kubernetes quantities: cpu in cores/millicores, byte-sized resources with binary suffixes. */
function quantities(amounts: ResourceAmounts): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of Object.keys(amounts).sort()) {
    const value = amounts[name];
    result[name] = name === 'cpu' ? formatMilli(value) : name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-') ? formatBytes(value) : String(value);
  }
  return result;
}

/** The contract shape: `{namespace, name, ports: [{name, port, protocol, endpoints: [{pod, port, ready}]}]}`, plus `addresses: [{pod, ready}]` for a headless Service without ports. */
function serviceJson(service: ServiceEndpoints): Record<string, unknown> {
  return {
    namespace: service.namespace,
    name: service.name,
    type: service.type,
    headless: service.headless,
    managed: service.managed,
    ports: service.ports.map((p) => ({
      name: p.name,
      port: p.port,
      protocol: p.protocol,
      targetPort: p.targetPort,
      endpoints: p.endpoints.map((e) => ({ pod: e.pod, port: e.port, ready: e.ready })),
    })),
    // A headless Service without ports still gets endpoints (an EndpointSlice with no ports): its addresses.
    ...(portlessHeadless(service) ? { addresses: service.addresses.map((e) => ({ pod: e.pod, ready: e.ready })) } : {}),
  };
}

export function portlessHeadless(service: ServiceEndpoints): boolean {
  return service.headless && service.managed && service.ports.length === 0;
}

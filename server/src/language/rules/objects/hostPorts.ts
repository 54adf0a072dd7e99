import type { KubeObject } from '../../../simulator/model/source';
import type { PodSpecAt } from './podSpecs';

/**
 * The hostPort the API server validates for a container port: as written, or, in a Pod with
 * `hostNetwork: true` and no hostPort, the containerPort (`defaultHostNetworkPorts` in
 * SetDefaults_Pod; pod templates are not defaulted this way). 0 when there is none.
 */
export function effectiveHostPort(object: KubeObject, pod: PodSpecAt, port: Record<string, unknown>): number {
  const written = typeof port.hostPort === 'number' ? port.hostPort : 0;
  if (written !== 0 || object.kind !== 'Pod' || pod.spec.hostNetwork !== true) return written;
  return typeof port.containerPort === 'number' ? port.containerPort : 0;
}

import { verbatim } from '../../messageLists';
import { isPlainObject } from '../../manifests';
import { defineDocumentRule } from '../defineRule';
import { goFieldPath } from '../objects/goFieldPath';
import { effectiveHostPort } from '../objects/hostPorts';
import { containersOf, podSpecOf } from '../objects/podSpecs';
import type { FieldPath } from '../../../simulator/model/source';

interface PortAt {
  path: FieldPath;
  hostPort: number;
  hostIP: string;
}

/**
 * The API server's warnings on ports that repeat a containerPort/protocol of the pod (`GetWarningsForPod`
 * in pkg/api/pod/warnings.go: `kubectl apply` prints them and creates the object), in its words:
 *
 * - same hostPort and hostIP (none, usually): `duplicate port definition with <other>`;
 * - one of them without a hostPort: `overlapping port definition with <other>`;
 * - same hostPort, one with a hostIP and one without: `dangerously ambiguous port definition with <other>`.
 *
 * Containers are visited as upstream does: init containers, then containers (so a container's port is
 * reported against an init container's).
 */
export const duplicatePortDefinition = defineDocumentRule(
  {
    code: 'api/duplicate-port-definition',
    defaultSeverity: 'warning',
    category: 'api-server',
    summary: 'Two ports of a pod have the same containerPort and protocol: the API server accepts it with a warning.',
  },
  (target, report) => {
    const pod = podSpecOf(target.object);
    if (!pod) return;
    const seen = new Map<string, PortAt[]>();
    for (const { path, container } of containersOf(pod, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const ports = Array.isArray(container.ports) ? container.ports : [];
      ports.forEach((port: unknown, index: number) => {
        if (!isPlainObject(port) || typeof port.containerPort !== 'number') return;
        const protocol = typeof port.protocol === 'string' && port.protocol !== '' ? port.protocol : 'TCP';
        const key = `${port.containerPort}/${protocol}`;
        const here: PortAt = { path: [...path, 'ports', index], hostPort: effectiveHostPort(target.object, pod, port), hostIP: typeof port.hostIP === 'string' ? port.hostIP : '' };
        const others = seen.get(key) ?? [];
        for (const other of others) {
          const kind = conflict(here, other);
          if (kind) report(here.path, verbatim(`${goFieldPath(here.path)}: ${kind} port definition with ${goFieldPath(other.path)}`));
        }
        others.push(here);
        seen.set(key, others);
      });
    }
  },
);

function conflict(port: PortAt, other: PortAt): 'duplicate' | 'overlapping' | 'dangerously ambiguous' | undefined {
  if (port.hostIP === other.hostIP && port.hostPort === other.hostPort) return 'duplicate';
  if (port.hostPort === 0 || other.hostPort === 0) return 'overlapping';
  if (port.hostPort === other.hostPort && (port.hostIP === '') !== (other.hostIP === '')) return 'dangerously ambiguous';
  return undefined;
}

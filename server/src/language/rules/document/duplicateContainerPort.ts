import { defineContainerRule } from '../defineContainerRule';
import { duplicatesBy } from '../objects/duplicates';
import { containersOf } from '../objects/podSpecs';

/**
 * A container's `ports` is a list keyed by (containerPort, protocol): the same pair twice is a
 * Duplicate value. Port names must be unique across the whole pod.
 */
export const duplicateContainerPort = defineContainerRule(
  { code: 'api/duplicate-container-port', defaultSeverity: 'error', category: 'api-server', summary: 'A container may not list the same containerPort/protocol twice, and port names must be unique within a pod.' },
  (pod, report) => {
    const names = new Set<string>();
    for (const { path, container } of containersOf(pod, ['containers', 'initContainers'])) {
      const ports = container.ports;
      for (const duplicate of duplicatesBy(ports, (port) => (typeof port.containerPort === 'number' ? `${port.containerPort}/${typeof port.protocol === 'string' && port.protocol ? port.protocol : 'TCP'}` : undefined))) {
        report([...path, 'ports', duplicate.index], `Duplicate port ${duplicate.key}: it is already listed as ports[${duplicate.first}] of this container.`);
      }
      if (!Array.isArray(ports)) continue;
      ports.forEach((port, index) => {
        const name = (port as Record<string, unknown> | null)?.name;
        if (typeof name !== 'string' || name === '') return;
        if (names.has(name)) report([...path, 'ports', index, 'name'], `Duplicate port name \`${name}\`: port names must be unique within a pod.`);
        names.add(name);
      });
    }
  },
);

import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { defineDocumentRule, type RuleReport } from '../defineRule';
import { effectiveHostPort } from '../objects/hostPorts';
import { containersOf, podSpecOf, type ContainerAt } from '../objects/podSpecs';

/**
 * What the API server rejects among container ports (`validateContainerPorts`, `checkHostPortConflicts`
 * in pkg/apis/core/validation):
 *
 * - a port name used twice in one container (`Duplicate value: "http"`); the same name in two
 *   containers of a pod is accepted;
 * - the same hostPort (with its protocol and hostIP) twice among the containers, which share the pod's
 *   network namespace (`Duplicate value: "TCP//80"`). Init containers run one at a time: each is
 *   checked on its own.
 *
 * The same containerPort/protocol twice without a hostPort is only a warning of the API server's:
 * `api/duplicate-port-definition`.
 */
export const duplicateContainerPort = defineDocumentRule(
  {
    code: 'api/duplicate-container-port',
    defaultSeverity: 'error',
    category: 'api-server',
    summary: 'A container may not name two ports alike, and the containers of a pod may not claim the same hostPort twice.',
  },
  (target, report) => {
    const pod = podSpecOf(target.object);
    if (!pod) return;
    const containers = containersOf(pod, ['containers', 'initContainers']);
    for (const container of containers) duplicateNames(container, report);
    const hostPortOf = (port: Record<string, unknown>) => effectiveHostPort(target.object, pod, port);
    hostPortConflicts(containers.filter((c) => c.list === 'containers'), hostPortOf, report);
    for (const init of containers.filter((c) => c.list === 'initContainers')) hostPortConflicts([init], hostPortOf, report);
  },
);

function duplicateNames({ path, container }: ContainerAt, report: RuleReport): void {
  const first = new Map<string, number>();
  portsOf(container).forEach((port, index) => {
    const name = port?.name;
    if (typeof name !== 'string' || name === '') return;
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, index);
    else report([...path, 'ports', index, 'name'], l10n.t('Duplicate value: "{0}": ports[{1}] of this container has the same name (port names must be unique within a container).', name, earlier));
  });
}

/** Upstream's key is `<protocol>/<hostIP>/<hostPort>`, the protocol defaulted to TCP (and the hostPort, in a hostNetwork Pod). */
function hostPortConflicts(containers: readonly ContainerAt[], hostPortOf: (port: Record<string, unknown>) => number, report: RuleReport): void {
  const first = new Map<string, string>();
  for (const { path, container } of containers) {
    portsOf(container).forEach((port, index) => {
      const hostPort = port ? hostPortOf(port) : 0;
      if (!port || hostPort === 0) return;
      const protocol = typeof port.protocol === 'string' && port.protocol !== '' ? port.protocol : 'TCP';
      const key = `${protocol}/${typeof port.hostIP === 'string' ? port.hostIP : ''}/${hostPort}`;
      const where = `${path[path.length - 2]}[${path[path.length - 1]}].ports[${index}]`;
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, where);
      else report([...path, 'ports', index, 'hostPort'], l10n.t('Duplicate value: "{0}": {1} already claims this host port (the containers of a pod share its network namespace).', key, earlier));
    });
  }
}

function portsOf(container: Record<string, unknown>): Array<Record<string, unknown> | undefined> {
  const ports = container.ports;
  return Array.isArray(ports) ? ports.map((port) => (isPlainObject(port) ? port : undefined)) : [];
}

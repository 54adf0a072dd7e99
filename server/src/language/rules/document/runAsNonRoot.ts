import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { defineContainerRule } from '../defineContainerRule';
import { containersOf } from '../objects/podSpecs';

/**
 * Containers should be forced to run as a non-root user: `runAsNonRoot: true` or a non-zero
 * `runAsUser`, on the container or inherited from the pod's securityContext.
 */
export const runAsNonRoot = defineContainerRule(
  { code: 'bp/run-as-non-root', defaultSeverity: 'warning', category: 'best-practice', summary: 'Containers should run as a non-root user (`runAsNonRoot: true` or a non-zero `runAsUser`).' },
  (pod, report) => {
    const podContext = isPlainObject(pod.spec.securityContext) ? pod.spec.securityContext : {};
    for (const { path, container } of containersOf(pod, ['containers', 'initContainers'])) {
      const context = isPlainObject(container.securityContext) ? container.securityContext : {};
      const nonRoot = context.runAsNonRoot ?? podContext.runAsNonRoot;
      const user = context.runAsUser ?? podContext.runAsUser;
      if (nonRoot === true || (typeof user === 'number' && user > 0)) continue;
      const name = typeof container.name === 'string' ? ` \`${container.name}\`` : '';
      report(path, l10n.t('Container{0} may run as root: set `securityContext.runAsNonRoot: true` (on the container or the pod).', name), { target: 'key' });
    }
  },
);

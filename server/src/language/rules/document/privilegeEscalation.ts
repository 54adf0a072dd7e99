import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { defineContainerRule } from '../defineContainerRule';
import { containersOf } from '../objects/podSpecs';

/** `allowPrivilegeEscalation: true` (or CAP_SYS_ADMIN) lets a process gain more privileges than its parent. */
export const privilegeEscalation = defineContainerRule(
  { code: 'bp/privilege-escalation', defaultSeverity: 'warning', category: 'best-practice', summary: 'Containers should not allow privilege escalation (`allowPrivilegeEscalation: true` or `SYS_ADMIN`).' },
  (pod, report) => {
    for (const { path, container } of containersOf(pod)) {
      const context = container.securityContext;
      if (!isPlainObject(context)) continue;
      if (context.allowPrivilegeEscalation === true) {
        report([...path, 'securityContext', 'allowPrivilegeEscalation'], l10n.t('This container allows privilege escalation: set `allowPrivilegeEscalation: false`.'));
      }
      const add = isPlainObject(context.capabilities) ? context.capabilities.add : undefined;
      if (Array.isArray(add)) {
        add.forEach((capability, index) => {
          if (capability === 'SYS_ADMIN' || capability === 'CAP_SYS_ADMIN') report([...path, 'securityContext', 'capabilities', 'add', index], l10n.t('`SYS_ADMIN` lets the container escalate to root on the node.'));
        });
      }
    }
  },
);

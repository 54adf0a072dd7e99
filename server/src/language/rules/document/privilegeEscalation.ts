import { isPlainObject } from '../../manifests';
import { defineDocumentRule } from '../defineRule';
import { containersOf, podSpecOf } from '../objects/podSpecs';

/** `allowPrivilegeEscalation: true` (or CAP_SYS_ADMIN) lets a process gain more privileges than its parent. */
export const privilegeEscalation = defineDocumentRule(
  { code: 'bp/privilege-escalation', defaultSeverity: 'warning', category: 'best-practice', summary: 'Containers should not allow privilege escalation (`allowPrivilegeEscalation: true` or `SYS_ADMIN`).' },
  (target, report) => {
    const pod = podSpecOf(target.object);
    if (!pod) return;
    for (const { path, container } of containersOf(pod)) {
      const context = container.securityContext;
      if (!isPlainObject(context)) continue;
      if (context.allowPrivilegeEscalation === true) {
        report([...path, 'securityContext', 'allowPrivilegeEscalation'], 'This container allows privilege escalation: set `allowPrivilegeEscalation: false`.');
      }
      const add = isPlainObject(context.capabilities) ? context.capabilities.add : undefined;
      if (Array.isArray(add)) {
        add.forEach((capability, index) => {
          if (capability === 'SYS_ADMIN' || capability === 'CAP_SYS_ADMIN') report([...path, 'securityContext', 'capabilities', 'add', index], '`SYS_ADMIN` lets the container escalate to root on the node.');
        });
      }
    }
  },
);

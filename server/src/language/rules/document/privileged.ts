import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { defineContainerRule } from '../defineContainerRule';
import { containersOf } from '../objects/podSpecs';

/** A privileged container has every capability and full access to the host's devices. */
export const privileged = defineContainerRule(
  { code: 'bp/privileged', defaultSeverity: 'warning', category: 'best-practice', summary: 'Containers should not run privileged.' },
  (pod, report) => {
    for (const { path, container } of containersOf(pod)) {
      if (isPlainObject(container.securityContext) && container.securityContext.privileged === true) {
        report([...path, 'securityContext', 'privileged'], l10n.t('This container runs privileged: it has full access to the node. Grant only the capabilities it needs.'));
      }
    }
  },
);

import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { defineContainerRule } from '../defineContainerRule';

/** A hostPath volume exposes the node's file system to the pod. */
export const hostPath = defineContainerRule(
  { code: 'bp/host-path', defaultSeverity: 'warning', category: 'best-practice', summary: 'Pods should not mount hostPath volumes.' },
  (pod, report) => {
    if (!Array.isArray(pod.spec.volumes)) return;
    pod.spec.volumes.forEach((volume, index) => {
      if (isPlainObject(volume) && isPlainObject(volume.hostPath)) {
        const path = typeof volume.hostPath.path === 'string' ? ` \`${volume.hostPath.path}\`` : '';
        report([...pod.path, 'volumes', index, 'hostPath'], l10n.t("Volume mounts the node's{0} directory: a hostPath volume gives the pod access to the node's files.", path), { target: 'key' });
      }
    });
  },
);

import { isPlainObject } from '../../manifests';
import { defineDocumentRule } from '../defineRule';
import { podSpecOf } from '../objects/podSpecs';

/** A hostPath volume exposes the node's file system to the pod. */
export const hostPath = defineDocumentRule(
  { code: 'bp/host-path', defaultSeverity: 'warning', category: 'best-practice', summary: 'Pods should not mount hostPath volumes.' },
  (target, report) => {
    const pod = podSpecOf(target.object);
    if (!pod || !Array.isArray(pod.spec.volumes)) return;
    pod.spec.volumes.forEach((volume, index) => {
      if (isPlainObject(volume) && isPlainObject(volume.hostPath)) {
        const path = typeof volume.hostPath.path === 'string' ? ` \`${volume.hostPath.path}\`` : '';
        report([...pod.path, 'volumes', index, 'hostPath'], `Volume mounts the node's${path} directory: a hostPath volume gives the pod access to the node's files.`, { target: 'key' });
      }
    });
  },
);

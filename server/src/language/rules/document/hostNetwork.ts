import { defineDocumentRule } from '../defineRule';
import { podSpecOf } from '../objects/podSpecs';

/** Sharing the node's network, PID or IPC namespace breaks the isolation between pod and node. */
export const hostNetwork = defineDocumentRule(
  { code: 'bp/host-network', defaultSeverity: 'warning', category: 'best-practice', summary: "Pods should not share the node's network, PID or IPC namespace (`hostNetwork`, `hostPID`, `hostIPC`)." },
  (target, report) => {
    const pod = podSpecOf(target.object);
    if (!pod) return;
    for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
      if (pod.spec[field] === true) report([...pod.path, field], `\`${field}: true\` shares the node's ${field.slice(4) === 'Network' ? 'network' : field.slice(4)} namespace with this pod.`);
    }
  },
);

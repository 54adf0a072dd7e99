import { defineContainerRule } from '../defineContainerRule';

/** Sharing the node's network, PID or IPC namespace breaks the isolation between pod and node. */
export const hostNetwork = defineContainerRule(
  { code: 'bp/host-network', defaultSeverity: 'warning', category: 'best-practice', summary: "Pods should not share the node's network, PID or IPC namespace (`hostNetwork`, `hostPID`, `hostIPC`)." },
  (pod, report) => {
    for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
      if (pod.spec[field] === true) report([...pod.path, field], `\`${field}: true\` shares the node's ${field.slice(4) === 'Network' ? 'network' : field.slice(4)} namespace with this pod.`);
    }
  },
);

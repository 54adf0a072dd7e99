import * as l10n from '@vscode/l10n';
import { defineContainerRule } from '../defineContainerRule';

/** Sharing the node's network, PID or IPC namespace breaks the isolation between pod and node. */
export const hostNetwork = defineContainerRule(
  { code: 'bp/host-network', defaultSeverity: 'warning', category: 'best-practice', summary: "Pods should not share the node's network, PID or IPC namespace (`hostNetwork`, `hostPID`, `hostIPC`)." },
  (pod, report) => {
    for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
      if (pod.spec[field] === true) report([...pod.path, field], field === 'hostNetwork' ? l10n.t("`{0}: true` shares the node's network namespace with this pod.", field) : l10n.t("`{0}: true` shares the node's {1} namespace with this pod.", field, field.slice(4)));
    }
  },
);

import * as l10n from '@vscode/l10n';
import { parseIp } from './cidr';
import type { Endpoint } from './explain';
import type { NetworkModel } from './networkModel';
import type { Protocol } from './types';

/** A connection to evaluate: endpoints as written by the user, port and protocol. */
export interface ConnectionQuery {
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
}

/**
 * Parses `ns/a->ns/b:80/TCP` (protocol defaults to TCP). An endpoint with a `/` names a pod
 * (`ns/pod`) or a workload (`ns/deployment`, meaning its first pod); one without is an IP address
 * outside the cluster.
 */
export function parseQuery(text: string): { ok: true; query: ConnectionQuery } | { ok: false; error: string } {
  const arrow = text.indexOf('->');
  if (arrow < 0) return { ok: false, error: l10n.t('"{0}": expected FROM->TO:PORT[/PROTOCOL]', text) };
  const from = text.slice(0, arrow).trim();
  const rest = text.slice(arrow + 2).trim();
  const match = /^(.+):(\d+)(?:\/(TCP|UDP|SCTP))?$/i.exec(rest);
  if (!from || !match) return { ok: false, error: l10n.t('"{0}": expected FROM->TO:PORT[/PROTOCOL], e.g. shop/web->shop/db:5432/TCP', text) };
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return { ok: false, error: l10n.t('"{0}": port must be between 1 and 65535', text) };
  return { ok: true, query: { from, to: match[1], port, protocol: (match[3]?.toUpperCase() ?? 'TCP') as Protocol } };
}

/** Resolves a query endpoint against the model: exact pod key, else the first pod of a workload, else an IP. */
export function resolveEndpoint(model: NetworkModel, text: string): { ok: true; endpoint: Endpoint } | { ok: false; error: string } {
  if (text.includes('/')) {
    const pod = model.pods.find((p) => p.key === text) ?? model.pods.find((p) => p.workload === text);
    if (pod) return { ok: true, endpoint: { kind: 'pod', pod } };
    return { ok: false, error: l10n.t('no pod or workload "{0}" in the manifests', text) };
  }
  const ip = parseIp(text);
  if (!ip) return { ok: false, error: l10n.t('"{0}" is neither namespace/pod nor an IP address', text) };
  const pod = model.pods.find((p) => p.ips.includes(text));
  if (pod) return { ok: true, endpoint: { kind: 'pod', pod } };
  return { ok: true, endpoint: { kind: 'external', ip, text } };
}

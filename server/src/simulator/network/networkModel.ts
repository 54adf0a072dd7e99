import * as l10n from '@vscode/l10n';
import type { Manifest, SimFinding } from '../model/source';
import { toLabels, withLabels } from '../model/labelSelector';
import { disjointRanges, formatIp, type CidrRange } from './cidr';
import { ipBlocksContaining } from './externalRangeNames';
import { compilePolicy } from './parsePolicy';
import type { CompiledPolicy, ExternalRange, NamespaceInfo, NetworkPod } from './types';

/** The label the API server puts on every namespace (GA in 1.22): the only way to select one by name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Everything reachability evaluates, gathered from the manifests:
 *   - pods sorted by key (the caller expands workloads);
 *   - namespaces: declared ones with their labels, plus every namespace a pod or policy lives in;
 *     each gets `kubernetes.io/metadata.name` (netpol.md §6.1); undeclared ones are listed in `notes`;
 *   - NetworkPolicies (networking.k8s.io/v1), compiled, in input order;
 *   - external endpoints: the address space split at every ipBlock boundary (IPv4 always, IPv6 when
 *     some ipBlock is IPv6), one representative address per range.
 */
export interface NetworkModel {
  pods: NetworkPod[];
  namespaces: Map<string, NamespaceInfo>;
  policies: CompiledPolicy[];
  externals: ExternalRange[];
  findings: SimFinding[];
  notes: string[];
}

export function buildNetworkModel(manifests: readonly Manifest[], pods: readonly NetworkPod[]): NetworkModel {
  const findings: SimFinding[] = [];
  const namespaces = new Map<string, NamespaceInfo>();
  const policies: CompiledPolicy[] = [];
  for (const manifest of manifests) {
    const { object } = manifest;
    if (object.kind === 'Namespace' && (object.apiVersion ?? 'v1') === 'v1' && object.metadata?.name) {
      const name = object.metadata.name;
      namespaces.set(name, { name, labels: withLabels(toLabels(object.metadata.labels), { [NAMESPACE_NAME_LABEL]: name }), declared: true });
    }
    if (object.kind === 'NetworkPolicy' && object.apiVersion === 'networking.k8s.io/v1') {
      const compiled = compilePolicy(manifest, policies.length);
      policies.push(compiled.policy);
      findings.push(...compiled.findings);
    }
  }
  const undeclared = new Set<string>();
  const ensure = (name: string) => {
    if (namespaces.has(name)) return;
    namespaces.set(name, { name, labels: toLabels({ [NAMESPACE_NAME_LABEL]: name }), declared: false });
    undeclared.add(name);
  };
  const sortedPods = [...pods].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const pod of sortedPods) ensure(pod.namespace);
  for (const policy of policies) ensure(policy.namespace);
  const notes: string[] = [];
  if (undeclared.size > 0) {
    notes.push(l10n.t('namespace(s) {0} are not declared in the manifests: only their {1} label is known, other namespaceSelector labels cannot match them', [...undeclared].sort().join(', '), NAMESPACE_NAME_LABEL));
  }
  return { pods: sortedPods, namespaces, policies, externals: externalRanges(policies), findings, notes };
}

function externalRanges(policies: readonly CompiledPolicy[]): ExternalRange[] {
  const blocks: CidrRange[] = [];
  for (const policy of policies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      for (const peer of rule.peers ?? []) if (peer.kind === 'ipBlock') blocks.push(peer.cidr, ...peer.except);
    }
  }
  const families: Array<4 | 6> = blocks.some((b) => b.family === 6) ? [4, 6] : [4];
  return families.flatMap((family) => disjointRanges(family, blocks).map(({ start, end }) => ({
    label: start === end ? formatIp(family, start) : `${formatIp(family, start)}-${formatIp(family, end)}`,
    representative: formatIp(family, start),
    blocks: ipBlocksContaining(family, start, end, policies),
  })));
}

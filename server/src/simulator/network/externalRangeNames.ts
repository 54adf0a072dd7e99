import * as l10n from '@vscode/l10n';
import type { CidrRange } from './cidr';
import type { CompiledPolicy } from './types';

/**
 * Names an external address range (one of the disjoint ranges the address space is cut into at every
 * ipBlock boundary) by the ipBlocks that contain it, as users wrote them: "0.0.0.0/0 except
 * 10.0.0.0/8 (policy api)" for a range inside the block and outside its excepts, "10.0.0.0/8, except
 * of 0.0.0.0/0 (policy api)" for a range inside one of its excepts. The same block written in several
 * policies is named once, with every policy. Empty: no ipBlock contains the range.
 */
export function ipBlocksContaining(family: 4 | 6, start: bigint, end: bigint, policies: readonly CompiledPolicy[]): string[] {
  const policiesByBlock = new Map<string, string[]>();
  const inside = (range: CidrRange) => range.family === family && start >= range.start && end <= range.end;
  for (const policy of policies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      for (const peer of rule.peers ?? []) {
        if (peer.kind !== 'ipBlock' || !inside(peer.cidr)) continue;
        const except = peer.except.find(inside);
        const block = except
          ? l10n.t('{0}, except of {1}', except.text, peer.cidr.text)
          : peer.except.length > 0
            ? l10n.t('{0} except {1}', peer.cidr.text, peer.except.map((e) => e.text).join(', '))
            : peer.cidr.text;
        const names = policiesByBlock.get(block) ?? [];
        if (!names.includes(policy.name)) names.push(policy.name);
        policiesByBlock.set(block, names);
      }
    }
  }
  return [...policiesByBlock].map(([block, names]) => (names.length === 1 ? l10n.t('{0} (policy {1})', block, names[0]) : l10n.t('{0} (policies {1})', block, names.join(', '))));
}

import * as l10n from '@vscode/l10n';
import type { FieldPath, Manifest, SimFinding } from '../model/source';
import { compileLabelSelector, isRecord } from '../model/labelSelector';
import { parsePeers, parsePorts, type Report } from './policyRules';
import type { CompiledPolicy, PolicyRule } from './types';

/**
 * A NetworkPolicy compiled for evaluation (netpol.md §2–§9), with what the API server would reject
 * or what is legal but almost certainly a mistake reported as findings:
 *   - policyTypes defaulting: missing/empty → Ingress, plus Egress iff `spec.egress` has a rule;
 *     rules for a direction that explicit policyTypes leave out are ignored (`net/rules-ignored`);
 *   - `net/implicit-ingress-isolation`: egress rules without policyTypes also make the pods
 *     ingress-isolated (deny all ingress) — Cilium's "mistake 2";
 *   - `net/egress-deny-needs-policy-types`: `egress: []` without policyTypes does not deny egress;
 *   - `net/namespace-assumed`: no metadata.namespace, `default` assumed (`kubectl apply -n` differs).
 */
export function compilePolicy(manifest: Manifest, id: number): { policy: CompiledPolicy; findings: SimFinding[] } {
  const findings: SimFinding[] = [];
  const report: Report = (path, severity, code, message) => findings.push({ source: manifest.source, path, severity, code, message });
  const object = manifest.object;
  const spec = isRecord(object.spec) ? object.spec : {};
  const namespace = object.metadata?.namespace || 'default';
  const name = object.metadata?.name ?? '';
  if (!object.metadata?.namespace) {
    report(['metadata'], 'information', 'net/namespace-assumed', l10n.t('no metadata.namespace: evaluated in namespace "default" (kubectl apply -n puts it elsewhere)'));
  }

  const podSelector = compileLabelSelector(isRecord(spec.podSelector) ? spec.podSelector : {});
  if (podSelector.invalid) report(['spec', 'podSelector'], 'error', 'net/selector-invalid', podSelector.invalid);
  const { ingressIsolates, egressIsolates } = policyTypesOf(spec, report);

  const ingress = ingressIsolates ? rulesOf(spec.ingress, 'ingress', report) : [];
  const egress = egressIsolates ? rulesOf(spec.egress, 'egress', report) : [];
  return {
    policy: {
      id, namespace, name, key: `${namespace}/${name}`,
      podSelector: podSelector.matches,
      ingressIsolates, egressIsolates, ingress, egress, manifest,
    },
    findings,
  };
}

function policyTypesOf(spec: Record<string, unknown>, report: Report): { ingressIsolates: boolean; egressIsolates: boolean } {
  const raw = spec.policyTypes;
  const egressRules = Array.isArray(spec.egress) ? spec.egress : [];
  if (!Array.isArray(raw) || raw.length === 0) {
    if (egressRules.length > 0 && spec.ingress === undefined) {
      report(['spec', 'egress'], 'warning', 'net/implicit-ingress-isolation', l10n.t('policyTypes is not set, so it defaults to [Ingress, Egress]: besides restricting egress, this policy denies all ingress to the selected pods. Add `policyTypes: [Egress]` if only egress was meant'));
    }
    if (Array.isArray(spec.egress) && egressRules.length === 0) {
      report(['spec', 'egress'], 'warning', 'net/egress-deny-needs-policy-types', l10n.t('`egress: []` without policyTypes defaults policyTypes to [Ingress]: egress is NOT denied. List Egress in policyTypes to deny all egress'));
    }
    return { ingressIsolates: true, egressIsolates: egressRules.length > 0 };
  }
  const types = new Set<string>();
  raw.forEach((type, i) => {
    if (type !== 'Ingress' && type !== 'Egress') report(['spec', 'policyTypes', i], 'error', 'net/policy-type-invalid', l10n.t('"{0}" is not Ingress or Egress', String(type)));
    else types.add(type);
  });
  for (const [field, type] of [['ingress', 'Ingress'], ['egress', 'Egress']] as const) {
    if (!types.has(type) && Array.isArray(spec[field]) && (spec[field] as unknown[]).length > 0) {
      report(['spec', field], 'warning', 'net/rules-ignored', l10n.t('policyTypes does not list {0}: these {1} rules are ignored', type, field));
    }
  }
  return { ingressIsolates: types.has('Ingress'), egressIsolates: types.has('Egress') };
}

function rulesOf(raw: unknown, direction: 'ingress' | 'egress', report: Report): PolicyRule[] {
  if (!Array.isArray(raw)) return [];
  const peerField = direction === 'ingress' ? 'from' : 'to';
  return raw.map((rule, index): PolicyRule => {
    const at: FieldPath = ['spec', direction, index];
    const body = isRecord(rule) ? rule : {};
    return {
      direction,
      index,
      peers: parsePeers(body[peerField], [...at, peerField], report),
      ports: parsePorts(body.ports, [...at, 'ports'], report),
    };
  });
}

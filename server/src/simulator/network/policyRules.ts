import * as l10n from '@vscode/l10n';
import type { FieldPath, SimFinding } from '../model/source';
import { compileLabelSelector, isRecord } from '../model/labelSelector';
import { describeLabelSelector } from '../controllers/describeSelector';
import { isStrictSubset, parseCidr, type CidrRange } from './cidr';
import type { PeerRule, PortRule, Protocol } from './types';

/**
 * Parsing of the `ports` and `from`/`to` lists of NetworkPolicy rules, with the API server's
 * validation turned into findings (netpol.md §13). An entry the API server would reject matches
 * nothing here (it is reported, not evaluated).
 */
export type Report = (path: FieldPath, severity: SimFinding['severity'], code: string, message: string) => void;

const PROTOCOL_SET = new Set(['TCP', 'UDP', 'SCTP']);
const IANA_SVC_NAME = /^(?=.*[a-z])(?!.*--)[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

/** `ports`: missing / null / [] → null (every port of every protocol). */
export function parsePorts(raw: unknown, path: FieldPath, report: Report): PortRule[] | null {
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const rules: PortRule[] = [];
  raw.forEach((entry, i) => {
    const at = [...path, i];
    if (!isRecord(entry)) return report(at, 'error', 'net/port-invalid', l10n.t('a ports entry must be an object'));
    const protocol = entry.protocol ?? 'TCP';
    if (typeof protocol !== 'string' || !PROTOCOL_SET.has(protocol)) {
      return report([...at, 'protocol'], 'error', 'net/protocol-invalid', l10n.t('protocol "{0}" is not TCP, UDP or SCTP', String(protocol)));
    }
    const rule = parsePort(entry, protocol as Protocol, at, report);
    if (rule) rules.push(rule);
  });
  return rules;
}

function parsePort(entry: Record<string, unknown>, protocol: Protocol, at: FieldPath, report: Report): PortRule | null {
  const { port, endPort } = entry;
  if (port === undefined || port === null) {
    if (endPort !== undefined && endPort !== null) {
      report([...at, 'endPort'], 'error', 'net/port-invalid', l10n.t('endPort requires a numeric port'));
      return null;
    }
    return { protocol, kind: 'all' };
  }
  if (typeof port === 'string') {
    if (!IANA_SVC_NAME.test(port)) {
      report([...at, 'port'], 'error', 'net/port-invalid', l10n.t("\"{0}\" is not a valid port name (IANA_SVC_NAME: at most 15 lowercase letters, digits and '-', with a letter)", port));
      return null;
    }
    if (endPort !== undefined && endPort !== null) {
      report([...at, 'endPort'], 'error', 'net/port-invalid', l10n.t('endPort cannot be used with a named port'));
      return null;
    }
    return { protocol, kind: 'named', name: port };
  }
  if (!isPortNumber(port)) {
    report([...at, 'port'], 'error', 'net/port-invalid', l10n.t('port {0} must be between 1 and 65535', JSON.stringify(port)));
    return null;
  }
  if (endPort === undefined || endPort === null) return { protocol, kind: 'range', from: port, to: port };
  if (!isPortNumber(endPort) || endPort < port) {
    report([...at, 'endPort'], 'error', 'net/port-invalid', l10n.t('endPort {0} must be a port number >= port ({1})', JSON.stringify(endPort), port));
    return null;
  }
  return { protocol, kind: 'range', from: port, to: endPort };
}

function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** `from` / `to`: missing / null / [] → null (every pod everywhere and every external IP). */
export function parsePeers(raw: unknown, path: FieldPath, report: Report): PeerRule[] | null {
  if (!Array.isArray(raw) || raw.length === 0) return null;
  return raw.map((entry, i) => parsePeer(entry, [...path, i], report));
}

function parsePeer(entry: unknown, at: FieldPath, report: Report): PeerRule {
  if (!isRecord(entry)) {
    report(at, 'error', 'net/peer-invalid', l10n.t('a peer must be an object'));
    return { kind: 'invalid', text: 'invalid peer' };
  }
  const hasPods = entry.podSelector !== undefined && entry.podSelector !== null;
  const hasNamespaces = entry.namespaceSelector !== undefined && entry.namespaceSelector !== null;
  const hasIpBlock = entry.ipBlock !== undefined && entry.ipBlock !== null;
  if (hasIpBlock && (hasPods || hasNamespaces)) {
    report(at, 'error', 'net/peer-invalid', l10n.t('ipBlock cannot be combined with podSelector or namespaceSelector in one peer'));
    return { kind: 'invalid', text: 'invalid peer' };
  }
  if (hasIpBlock) return parseIpBlock(entry.ipBlock, [...at, 'ipBlock'], report);
  if (!hasPods && !hasNamespaces) {
    report(at, 'error', 'net/peer-invalid', l10n.t('a peer needs podSelector, namespaceSelector or ipBlock'));
    return { kind: 'invalid', text: 'invalid peer' };
  }
  const compiled = (field: 'podSelector' | 'namespaceSelector') => {
    const selector = compileLabelSelector(entry[field]);
    if (selector.invalid) report([...at, field], 'error', 'net/selector-invalid', selector.invalid);
    return selector.matches;
  };
  const pods = hasPods ? `pods ${describeLabelSelector(entry.podSelector)}` : 'all pods';
  const namespaces = hasNamespaces ? `namespaces ${describeLabelSelector(entry.namespaceSelector)}` : 'the policy namespace';
  return {
    kind: 'selector',
    namespaceSelector: hasNamespaces ? compiled('namespaceSelector') : null,
    podSelector: hasPods ? compiled('podSelector') : null,
    text: `${pods} in ${namespaces}`,
  };
}

function parseIpBlock(raw: unknown, at: FieldPath, report: Report): PeerRule {
  const invalid: PeerRule = { kind: 'invalid', text: 'invalid ipBlock' };
  if (!isRecord(raw) || typeof raw.cidr !== 'string') {
    report(at, 'error', 'net/ipblock-invalid', l10n.t('ipBlock.cidr is required'));
    return invalid;
  }
  const parsed = parseCidr(raw.cidr);
  if (!parsed.ok) {
    report([...at, 'cidr'], 'error', 'net/ipblock-invalid', parsed.error);
    return invalid;
  }
  warnHostBits(parsed.range, [...at, 'cidr'], report);
  const except: CidrRange[] = [];
  (Array.isArray(raw.except) ? raw.except : []).forEach((text, i) => {
    const item = typeof text === 'string' ? parseCidr(text) : { ok: false as const, error: l10n.t('except entries must be CIDR strings') };
    if (!item.ok) return report([...at, 'except', i], 'error', 'net/ipblock-invalid', item.error);
    warnHostBits(item.range, [...at, 'except', i], report);
    if (!isStrictSubset(item.range, parsed.range)) {
      report([...at, 'except', i], 'error', 'net/ipblock-invalid', l10n.t('except {0} must be a strict subset of cidr {1}', item.range.text, parsed.range.text));
    }
    except.push(item.range);
  });
  const text = except.length > 0 ? `ipBlock ${parsed.range.text} except ${except.map((e) => e.text).join(', ')}` : `ipBlock ${parsed.range.text}`;
  return { kind: 'ipBlock', cidr: parsed.range, except, text };
}

function warnHostBits(range: CidrRange, at: FieldPath, report: Report): void {
  if (range.hostBits) {
    report(at, 'warning', 'net/ipblock-host-bits', l10n.t('{0} has host bits set: it is read as the network it belongs to (stricter API servers reject it)', range.text));
  }
}

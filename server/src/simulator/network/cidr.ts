/**
 * IPv4 / IPv6 addresses and CIDR blocks as BigInt ranges, for `ipBlock` matching and for splitting
 * the external address space into the disjoint ranges the matrix shows (netpol.md §8, §11).
 * A v4 block never matches a v6 address and vice versa (§12.15).
 */
export type Family = 4 | 6;

export interface IpAddress {
  family: Family;
  value: bigint;
}

export interface CidrRange {
  family: Family;
  start: bigint;
  end: bigint;
  prefix: number;
  /** As written. */
  text: string;
  /** The address had bits set beyond the prefix (`10.0.2.125/24`): masked to the network, warned about. */
  hostBits: boolean;
}

const BITS: Record<Family, number> = { 4: 32, 6: 128 };

export function parseIp(text: string): IpAddress | null {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === null ? null : { family: 6, value };
  }
  const value = parseIpv4(text);
  return value === null ? null : { family: 4, value };
}

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part.startsWith('0'))) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  let head = text;
  let tailV4: bigint | null = null;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tailV4 = parseIpv4(text.slice(lastColon + 1));
    if (tailV4 === null) return null;
    head = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): string[] | null => (part === '' ? [] : part.split(':'));
  const left = parse(halves[0]);
  const right = halves.length === 2 ? parse(halves[1]) : [];
  if (!left || !right) return null;
  const missing = 8 - left.length - right.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return null;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  }
  if (tailV4 !== null) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

/** The API server's words for a CIDR it cannot parse (`IsValidCIDR`, k8s.io/apimachinery/pkg/util/validation): verbatim in every language. */
export function invalidCidr(text: string): string {
  return `Invalid value: ${JSON.stringify(text)}: must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`;
}

export function parseCidr(text: string): { ok: true; range: CidrRange } | { ok: false; error: string } {
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, error: invalidCidr(text) };
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address) return { ok: false, error: invalidCidr(text) };
  const bits = BITS[address.family];
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return { ok: false, error: invalidCidr(text) };
  const prefix = Number(prefixText);
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const start = address.value & ~hostMask & ((1n << BigInt(bits)) - 1n);
  return { ok: true, range: { family: address.family, start, end: start | hostMask, prefix, text, hostBits: (address.value & hostMask) !== 0n } };
}

export function contains(range: CidrRange, ip: IpAddress): boolean {
  return range.family === ip.family && ip.value >= range.start && ip.value <= range.end;
}

/** `except` must be a strict subset of `cidr` (ValidateIPBlock: contained, longer prefix). */
export function isStrictSubset(inner: CidrRange, outer: CidrRange): boolean {
  return inner.family === outer.family && inner.prefix > outer.prefix && inner.start >= outer.start && inner.end <= outer.end;
}

export function formatIp(family: Family, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  // Longest run of zero groups (length ≥ 2) becomes "::".
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) { best = i; bestLength = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLength).join(':')}`;
}

/**
 * Splits the whole address space of a family at every boundary of the given ranges, giving disjoint
 * ranges in address order: within each, every ipBlock of every policy matches all addresses or none,
 * so one representative address stands for the range (netpol-analyzer's approach).
 */
export function disjointRanges(family: Family, ranges: readonly CidrRange[]): Array<{ start: bigint; end: bigint }> {
  const max = (1n << BigInt(BITS[family])) - 1n;
  const cuts = new Set<bigint>([0n]);
  for (const range of ranges) {
    if (range.family !== family) continue;
    cuts.add(range.start);
    if (range.end < max) cuts.add(range.end + 1n);
  }
  const starts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] - 1n : max }));
}

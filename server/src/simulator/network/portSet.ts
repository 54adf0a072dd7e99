import { PROTOCOLS, type Protocol } from './types';

/**
 * Sets of (protocol, port) as sorted, disjoint, inclusive intervals over 1–65535 per protocol: what
 * one direction allows between two endpoints is a union of such sets, and a matrix cell is the
 * intersection of the egress and the ingress set (netpol.md §11).
 *
 * Sets are interned in a `PortSetTable` (one per computation, never shared) so that equal sets share
 * an id and unions/intersections are memoised by id pair (a dense typed table for the first
 * `DENSE_IDS` ids, a map beyond): a matrix over thousands of pods then costs an array read per cell.
 * Ids 0 and 1 are always "no connections" and "all connections".
 */
export type Interval = readonly [number, number];
export type PortSet = Readonly<Record<Protocol, readonly Interval[]>>;

export const MIN_PORT = 1;
export const MAX_PORT = 65535;
export const NONE_ID = 0;
export const ALL_ID = 1;

const FULL: readonly Interval[] = [[MIN_PORT, MAX_PORT]];
export const NO_PORTS: PortSet = { TCP: [], UDP: [], SCTP: [] };
export const ALL_PORTS: PortSet = { TCP: FULL, UDP: FULL, SCTP: FULL };

export interface PortSetTable {
  sets: PortSet[];
  ids: Map<string, number>;
  unions: Map<number, number>;
  intersections: Map<number, number>;
  /** memo[a * DENSE_IDS + b] = result id + 1 (0 = not computed yet), for a, b < DENSE_IDS. */
  denseUnions: Int32Array;
  denseIntersections: Int32Array;
}

const DENSE_IDS = 512;

export function newPortSetTable(): PortSetTable {
  const table: PortSetTable = {
    sets: [], ids: new Map(), unions: new Map(), intersections: new Map(),
    denseUnions: new Int32Array(DENSE_IDS * DENSE_IDS), denseIntersections: new Int32Array(DENSE_IDS * DENSE_IDS),
  };
  intern(table, NO_PORTS);
  intern(table, ALL_PORTS);
  return table;
}

function keyOf(set: PortSet): string {
  return PROTOCOLS.map((p) => set[p].map(([a, b]) => `${a}-${b}`).join(',')).join('|');
}

export function intern(table: PortSetTable, set: PortSet): number {
  const key = keyOf(set);
  let id = table.ids.get(key);
  if (id === undefined) {
    id = table.sets.length;
    table.sets.push(set);
    table.ids.set(key, id);
  }
  return id;
}

/** A set holding one interval of one protocol. */
export function singleRange(protocol: Protocol, from: number, to: number): PortSet {
  return { ...NO_PORTS, [protocol]: [[Math.max(MIN_PORT, from), Math.min(MAX_PORT, to)]] };
}

export function unionSets(a: PortSet, b: PortSet): PortSet {
  return { TCP: unionIntervals(a.TCP, b.TCP), UDP: unionIntervals(a.UDP, b.UDP), SCTP: unionIntervals(a.SCTP, b.SCTP) };
}

function unionIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  if (a.length === 0) return [...b];
  if (b.length === 0) return [...a];
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of all) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (lo <= hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

const PAIR = 1 << 21;

export function unionIds(table: PortSetTable, a: number, b: number): number {
  if (a === b || b === NONE_ID || a === ALL_ID) return a;
  if (a === NONE_ID || b === ALL_ID) return b;
  if (a < DENSE_IDS && b < DENSE_IDS) {
    const slot = a < b ? a * DENSE_IDS + b : b * DENSE_IDS + a;
    const known = table.denseUnions[slot];
    if (known !== 0) return known - 1;
    const id = intern(table, unionSets(table.sets[a], table.sets[b]));
    table.denseUnions[slot] = id + 1;
    return id;
  }
  const key = a < b ? a * PAIR + b : b * PAIR + a;
  let id = table.unions.get(key);
  if (id === undefined) {
    id = intern(table, unionSets(table.sets[a], table.sets[b]));
    table.unions.set(key, id);
  }
  return id;
}

export function intersectIds(table: PortSetTable, a: number, b: number): number {
  if (a === b || b === ALL_ID) return a;
  if (a === ALL_ID) return b;
  if (a === NONE_ID || b === NONE_ID) return NONE_ID;
  if (a < DENSE_IDS && b < DENSE_IDS) {
    const slot = a < b ? a * DENSE_IDS + b : b * DENSE_IDS + a;
    const known = table.denseIntersections[slot];
    if (known !== 0) return known - 1;
    const id = intersectNew(table, a, b);
    table.denseIntersections[slot] = id + 1;
    return id;
  }
  const key = a < b ? a * PAIR + b : b * PAIR + a;
  let id = table.intersections.get(key);
  if (id === undefined) {
    id = intersectNew(table, a, b);
    table.intersections.set(key, id);
  }
  return id;
}

function intersectNew(table: PortSetTable, a: number, b: number): number {
  const x = table.sets[a];
  const y = table.sets[b];
  return intern(table, { TCP: intersectIntervals(x.TCP, y.TCP), UDP: intersectIntervals(x.UDP, y.UDP), SCTP: intersectIntervals(x.SCTP, y.SCTP) });
}

export function hasPort(set: PortSet, protocol: Protocol, port: number): boolean {
  return set[protocol].some(([lo, hi]) => port >= lo && port <= hi);
}

export function isEmpty(set: PortSet): boolean {
  return PROTOCOLS.every((p) => set[p].length === 0);
}

/** "All connections", "No connections", or e.g. "TCP 80,443;UDP 53" / "TCP 1-65535;UDP 53". */
export function formatPortSet(set: PortSet): string {
  if (keyOf(set) === keyOf(ALL_PORTS)) return 'All connections';
  if (isEmpty(set)) return 'No connections';
  return PROTOCOLS.filter((p) => set[p].length > 0)
    .map((p) => `${p} ${set[p].map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}-${hi}`)).join(',')}`)
    .join(';');
}

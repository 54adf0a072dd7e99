import type { Status } from '../types';

/**
 * Statuses numbered once per scheduler (part of its scratch), so that a pass keeps a number per
 * failed node rather than a pointer. Filters return a handful of constant statuses (and
 * NodeResourcesFit a few built per node, equal in content): numbers are given by content, so the
 * table stays small.
 */
export interface StatusTable {
  readonly statuses: Status[];
  readonly byObject: WeakMap<Status, number>;
  readonly byContent: Map<string, number>;
}

export function createStatusTable(): StatusTable {
  return { statuses: [], byObject: new WeakMap(), byContent: new Map() };
}

export function statusId(table: StatusTable, status: Status): number {
  let id = table.byObject.get(status);
  if (id !== undefined) return id;
  const key = `${status.plugin}\u0000${status.code}\u0000${status.reasons.join('\u0000')}`;
  id = table.byContent.get(key);
  if (id === undefined) {
    id = table.statuses.length;
    table.statuses.push(status);
    table.byContent.set(key, id);
  }
  table.byObject.set(status, id);
  return id;
}

import type { YPair } from '../yamlNode';
import { bail } from './common';

/**
 * Collects a mapping's pairs and its plain value (keys as strings, null values left out, as
 * `toPlainValue` does). Bails on what the fast path leaves to the full parser: duplicate keys (an
 * error there), keys that only collide as strings (`1` and "1"), `__proto__`, and merge keys `<<`.
 */
export class MapBuilder {
  readonly items: YPair[] = [];
  readonly value: Record<string, unknown> = {};
  private nullKeys: string[] | undefined;

  add(pair: YPair, key: string, value: unknown): void {
    if (Object.prototype.hasOwnProperty.call(this.value, key) || key === '__proto__' || key === '<<') bail();
    if (this.nullKeys !== undefined && this.nullKeys.includes(key)) bail();
    this.items.push(pair);
    if (value !== null) this.value[key] = value;
    else (this.nullKeys ??= []).push(key);
  }
}

import type { YPair } from '../yamlNode';
import * as commonModule from './common';
import * as scalarsModule from './scalars';

// Imports are read once (see scanner.ts).
const { bail } = commonModule;
const { keyString } = scalarsModule;

/** Up to this many keys, duplicates are found by comparing with each earlier key; past it, with a set. */
const SMALL = 16;

/**
 * Collects a mapping's pairs and its plain value (keys as strings, null values left out, as
 * `toPlainValue` does). Bails on what the fast path leaves to the full parser: duplicate keys (an
 * error there), keys that only collide as strings (`1` and "1"), `__proto__`, and merge keys `<<`.
 */
export class MapBuilder {
  readonly items: YPair[] = [];
  readonly value: Record<string, unknown> = {};
  private set: Set<string> | undefined;

  add(pair: YPair, key: string, value: unknown): void {
    const items = this.items;
    const n = items.length;
    if (n < SMALL) {
      for (let i = 0; i < n; i++) if (keyString(items[i].key.value) === key) bail();
    } else {
      if (this.set === undefined) this.set = new Set(items.map((item) => keyString(item.key.value)));
      if (this.set.has(key)) bail();
      this.set.add(key);
    }
    if (key === '__proto__' || key === '<<') bail();
    items.push(pair);
    if (value !== null) this.value[key] = value;
  }
}

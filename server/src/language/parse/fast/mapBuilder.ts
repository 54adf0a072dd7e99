import type { YPair } from '../yamlNode';
import * as commonModule from './common';

// Imports are read once (see scanner.ts).
const { bail } = commonModule;

/** Up to this many keys, duplicates are found by a linear scan; past it, with a set. */
const SMALL = 16;

/**
 * Collects a mapping's pairs and its plain value (keys as strings, null values left out, as
 * `toPlainValue` does). Bails on what the fast path leaves to the full parser: duplicate keys (an
 * error there), keys that only collide as strings (`1` and "1"), `__proto__`, and merge keys `<<`.
 */
export class MapBuilder {
  readonly items: YPair[] = [];
  readonly value: Record<string, unknown> = {};
  private readonly keys: string[] = [];
  private set: Set<string> | undefined;

  add(pair: YPair, key: string, value: unknown): void {
    const keys = this.keys;
    if (keys.length < SMALL) {
      for (let i = 0; i < keys.length; i++) if (keys[i] === key) bail();
    } else {
      this.set ??= new Set(keys);
      if (this.set.has(key)) bail();
      this.set.add(key);
    }
    if (key === '__proto__' || key === '<<') bail();
    keys.push(key);
    this.items.push(pair);
    if (value !== null) this.value[key] = value;
  }
}

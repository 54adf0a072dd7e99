import type { YPair } from '../yamlNode';
import * as commonModule from './common';

// Imports are read once (see scanner.ts).
const { bail } = commonModule;

/**
 * A stack that collections being parsed push their items on (nested ones above their parent's),
 * then take off as an array of the exact size: arrays grown by `push` keep spare capacity, and the
 * trees are kept in memory while documents are open.
 */
export class ItemStack<T> {
  private readonly items: T[] = [];
  private top = 0;

  get size(): number {
    return this.top;
  }

  push(item: T): void {
    this.items[this.top++] = item;
  }

  at(index: number): T {
    return this.items[index];
  }

  /** The items from `base` up, removed from the stack. */
  take(base: number): T[] {
    const out = this.items.slice(base, this.top);
    this.top = base;
    return out;
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Collects a mapping's pairs (on a shared `ItemStack`) and its plain value (keys as strings, null
 * values left out, as `toPlainValue` does). Bails on what the fast path leaves to the full parser:
 * duplicate keys (an error there), keys that only collide as strings (`1` and "1"), `__proto__`,
 * and merge keys `<<`.
 */
export class MapBuilder {
  readonly value: Record<string, unknown> = {};
  private readonly base: number;
  /** Keys whose value is null (not in `value`), for the duplicate check. */
  private nullKeys: string[] | undefined;

  /** `pairs`: where to collect the pairs; null when only the plain value is built. */
  constructor(private readonly pairs: ItemStack<YPair> | null) {
    this.base = pairs ? pairs.size : 0;
  }

  add(pair: YPair | null, key: string, value: unknown): void {
    if (hasOwn.call(this.value, key) || key === '__proto__' || key === '<<' || (this.nullKeys !== undefined && this.nullKeys.includes(key))) bail();
    if (this.pairs !== null && pair !== null) this.pairs.push(pair);
    if (value !== null) this.value[key] = value;
    else (this.nullKeys ??= []).push(key);
  }

  /** The pairs, in order. */
  finish(): YPair[] {
    return this.pairs ? this.pairs.take(this.base) : [];
  }
}

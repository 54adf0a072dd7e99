/**
 * `table[key]` when `key` is one of the table's own entries. A key read from a manifest or a command
 * line may name what every object inherits (`constructor`, `toString`, `__proto__`): a plain `table[key]`
 * would hand back a function instead of "no entry".
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Human-readable resource amounts (the model's units: cpu in millicores, memory in bytes). */

export function formatCpu(millicores: number): string {
  if (millicores < 1000 && millicores % 1000 !== 0) return `${trim(millicores)}m`;
  return `${trim(millicores / 1000)}`;
}

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${trim(value)} ${BINARY_UNITS[unit]}`;
}

/** Formats an amount of a named resource in its natural unit. */
export function formatAmount(resource: string, amount: number): string {
  if (resource === 'cpu') return formatCpu(amount);
  if (isBytes(resource)) return formatBytes(amount);
  return trim(amount);
}

const QUANTITY_SUFFIXES: Array<[suffix: string, bytes: number]> = [['Ti', 1024 ** 4], ['Gi', 1024 ** 3], ['Mi', 1024 ** 2], ['Ki', 1024]];

function isBytes(resource: string): boolean {
  return resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-');
}

/**
 * One unit for every amount of a resource shown side by side, picked from the largest: CPU in cores,
 * bytes in Kubernetes' binary suffixes (Gi, Mi…), anything else as a count.
 */
function sharedUnit(resource: string, largest: number): { suffix: string; divisor: number } {
  if (resource === 'cpu') return { suffix: 'CPU', divisor: 1000 };
  if (!isBytes(resource)) return { suffix: '', divisor: 1 };
  const found = QUANTITY_SUFFIXES.find(([, bytes]) => largest >= bytes);
  return found ? { suffix: found[0], divisor: found[1] } : { suffix: 'bytes', divisor: 1 };
}

/** Amounts of one resource in the same unit, e.g. ["0.65 CPU", "1.93 CPU"] or ["4.31 Gi", "14 Gi"]. */
export function formatInSharedUnit(resource: string, amounts: readonly number[]): string[] {
  const unit = sharedUnit(resource, Math.max(0, ...amounts));
  return amounts.map((amount) => (unit.suffix ? `${inUnit(amount, unit.divisor)} ${unit.suffix}` : inUnit(amount, unit.divisor)));
}

/** An amount in a shared unit: two decimals, or two significant digits when that would show a request as 0. */
function inUnit(amount: number, divisor: number): string {
  const value = amount / divisor;
  return value > 0 && value < 0.01 ? String(Number(value.toPrecision(2))) : trim(value);
}

/**
 * Requested against allocatable in one unit, named: "0.65 / 1.93 CPU", "4.31 / 14 Gi memory",
 * "3 / 110 pods", "1 / 1 nvidia.com/gpu".
 */
export function formatUsage(resource: string, requested: number, allocatable: number): string {
  const unit = sharedUnit(resource, Math.max(requested, allocatable));
  const pair = `${inUnit(requested, unit.divisor)} / ${inUnit(allocatable, unit.divisor)}`;
  return [pair, unit.suffix, resource === 'cpu' ? '' : resource].filter(Boolean).join(' ');
}

export function fraction(requested: number, allocatable: number): number {
  if (allocatable <= 0) return requested > 0 ? Infinity : 0;
  return requested / allocatable;
}

export function percent(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value * 100)}%` : '∞';
}

function trim(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** "namespace/name" — the key pods, services and deployments are addressed by. */
export function keyOf(item: { namespace: string; name: string }): string {
  return `${item.namespace}/${item.name}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

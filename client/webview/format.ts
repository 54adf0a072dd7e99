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
  if (resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) return formatBytes(amount);
  return trim(amount);
}

/** "1.5 of 4 cpu" style pair, sharing the unit of the larger number. */
export function formatUsage(resource: string, requested: number, allocatable: number): string {
  return `${formatAmount(resource, requested)} / ${formatAmount(resource, allocatable)}`;
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

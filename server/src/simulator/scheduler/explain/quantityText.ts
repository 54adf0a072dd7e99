import { CPU, EPHEMERAL_STORAGE, MEMORY } from '../../model/resources';

const KIB = 1024;
const MIB = KIB * 1024;
const GIB = MIB * 1024;

/**
 * A quantity as kubectl shows it: CPU in cores ("3.92", "4") or millicores under one core ("650m");
 * memory and storage in Gi / Mi / Ki (two decimals at most, rounded toward `round` so that "at most"
 * stays true); extended resources as counts.
 */
export function quantity(resource: string, amount: number, round: 'up' | 'down' = 'down'): string {
  if (resource === CPU) {
    const milli = Math.round(amount);
    const text = milli < 1000 && milli % 1000 !== 0 ? `${milli}m` : trim((milli / 1000).toFixed(3));
    return `${text} CPU`;
  }
  if (resource === MEMORY || resource === EPHEMERAL_STORAGE) return `${bytes(amount, round)} ${resource}`;
  return `${trim(amount.toFixed(3))} ${resource}`;
}

function bytes(amount: number, round: 'up' | 'down'): string {
  const unit = amount >= GIB ? { size: GIB, suffix: 'Gi' } : amount >= MIB ? { size: MIB, suffix: 'Mi' } : amount >= KIB ? { size: KIB, suffix: 'Ki' } : { size: 1, suffix: '' };
  const scaled = (amount / unit.size) * 100;
  const rounded = round === 'up' ? Math.ceil(scaled - 1e-9) : Math.floor(scaled + 1e-9);
  return `${trim((rounded / 100).toFixed(2))}${unit.suffix}`;
}

function trim(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/** The value at fraction `p` of the values in ascending order (0.5: the median, the upper one of an even count). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/**
 * Go's int64 arithmetic on JS numbers: `a * scale / b` with integer (truncating) division, exact
 * even when `a * scale` passes 2^53 (a node with more than ~90 TB of memory), via BigInt only then.
 */
export function mulDiv(a: number, scale: number, b: number): number {
  const product = a * scale;
  if (Number.isSafeInteger(product)) {
    const q = Math.trunc(product / b);
    // The float quotient can round across an integer boundary; step back if it did.
    if (q * b > product && product >= 0) return q - 1;
    return q;
  }
  return Number((BigInt(a) * BigInt(scale)) / BigInt(b));
}

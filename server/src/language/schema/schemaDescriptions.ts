/**
 * Puts the descriptions kept apart from a built bundle back into it, in place: `descriptions` is the
 * tree scripts/schemaDescriptions.mjs split off (the same shape as the bundle, only the objects on the
 * way to a `description` string, arrays keyed by index). A branch the bundle does not have is skipped.
 */
export function mergeDescriptions(target: unknown, descriptions: unknown): void {
  if (!isObject(target) || !isObject(descriptions)) return;
  for (const [key, child] of Object.entries(descriptions)) {
    if (key === 'description' && typeof child === 'string') target.description = child;
    else mergeDescriptions(target[key], child);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

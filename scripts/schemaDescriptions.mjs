// Splits a schema bundle's descriptions from the rest. Validation reads none of them (and ajv would copy
// every one into the compiled validators), and they are three quarters of a bundle: the built bundle
// (dist/schemas/k8s-<version>.json) goes without them, and dist/schemas/k8s-<version>.descriptions.json
// holds them, which server/src/language/schema/schemaDescriptions.ts merges back when hover or
// completion first needs them.

/**
 * `value` without its descriptions, and the descriptions as a tree of the same shape: only the objects
 * (arrays as objects keyed by index) on the way to a `description` string; undefined when there are none.
 * A property named `description` (a schema object, not a string) is kept like any other.
 */
export function splitDescriptions(value) {
  if (value === null || typeof value !== 'object') return { value, descriptions: undefined };
  const isArray = Array.isArray(value);
  const rest = isArray ? [] : {};
  let descriptions;
  for (const [key, child] of Object.entries(value)) {
    if (!isArray && key === 'description' && typeof child === 'string') {
      (descriptions ??= {}).description = child;
      continue;
    }
    const inner = splitDescriptions(child);
    if (isArray) rest.push(inner.value);
    else rest[key] = inner.value;
    if (inner.descriptions !== undefined) (descriptions ??= {})[key] = inner.descriptions;
  }
  return { value: rest, descriptions };
}

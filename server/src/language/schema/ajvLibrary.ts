import type AjvClass from 'ajv';

/**
 * The ajv class, loaded when first needed: the built-in schemas are validated by functions compiled
 * at build time, so ajv itself is loaded only to compile a CRD's schema or, when run from sources,
 * the built-in ones (Node caches the module).
 */
export function ajvClass(): typeof AjvClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate lazy load
  return (require('ajv') as { default: typeof AjvClass }).default;
}

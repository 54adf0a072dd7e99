import type { Options } from 'ajv';

/**
 * The ajv options of every built-in schema validator, compiled at build time
 * (scripts/buildValidators.mjs) or, when no compiled file is at hand (tests run from sources), at run
 * time: both read this object, so both report the same errors.
 * - `inlineRefs: false`: every definition is one function that others call (no copies of PodSpec in
 *   every workload), and an error's `schemaPath` is relative to the definition that reported it
 *   (schemaLocation.ts reads it that way).
 * - `verbose: false`: the failing value and schema are found from the paths (smaller, faster code).
 * - `messages: false`: findings are written from the keyword and its params (ajvErrorToFinding.ts),
 *   never from ajv's English text; the schemas use no keyword without its own wording there.
 */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: false,
  verbose: false,
  validateFormats: false,
  inlineRefs: false,
  messages: false,
} as const satisfies Options;

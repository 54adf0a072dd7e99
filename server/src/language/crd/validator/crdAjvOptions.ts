import type { Options } from 'ajv';

/**
 * How custom resources (and `.drydock.yaml`) are validated: every error, formats not checked (the API
 * server checks few, and not strictly), unknown keywords (`x-kubernetes-*`) allowed, and each error
 * carrying its schema and data (the messages read them). interpretSchema.ts gives ajv's errors under
 * exactly these options; ajv itself compiles only what the interpreter does not implement.
 */
export const CRD_AJV_OPTIONS: Options = { allErrors: true, strict: false, verbose: true, validateFormats: false };

import type { JsonSchema } from '../schema/schemaBundle';
import { SUPPORTED_VERSIONS } from '../../protocol/versions';

/** The names a `.drydock.yaml` may have, at the root of a repository (or of any folder above the files it applies to). */
export const DRYDOCK_CONFIG_NAMES: readonly string[] = ['.drydock.yaml', '.drydock.yml'];

/** A severity; `off` unquoted is YAML 1.1's false, and reads as `off`. */
const SEVERITY: JsonSchema = { type: ['string', 'boolean'], enum: ['off', 'error', 'warning', 'information', 'hint', false] };
const GLOBS: JsonSchema = { type: 'array', items: { type: 'string' } };

const RULES: JsonSchema = {
  type: 'object',
  additionalProperties: SEVERITY,
};

/**
 * The schema of `.drydock.yaml`: its keys are the `drydock.*` settings that describe the project
 * (not the machine), plus `ignore` and `overrides`. Completion, hover and validation of the file read
 * it; what hover and completion say of each key is configDescriptions.ts's.
 */
export const DRYDOCK_CONFIG_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kubernetesVersion: { type: 'string', enum: [...SUPPORTED_VERSIONS] },
    cluster: { type: 'string' },
    rules: RULES,
    bestPractices: {
      type: 'object',
      additionalProperties: false,
      properties: { enable: { type: 'boolean' } },
    },
    crdFolders: GLOBS,
    helm: {
      type: 'object',
      additionalProperties: false,
      properties: { valuesFiles: GLOBS },
    },
    ignore: GLOBS,
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: GLOBS,
          rules: RULES,
        },
      },
    },
  },
};

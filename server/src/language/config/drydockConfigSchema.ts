import type { JsonSchema } from '../schema/schemaBundle';
import { SUPPORTED_VERSIONS } from '../../protocol/versions';

/** The names a `.drydock.yaml` may have, at the root of a repository (or of any folder above the files it applies to). */
export const DRYDOCK_CONFIG_NAMES: readonly string[] = ['.drydock.yaml', '.drydock.yml'];

/** A severity; `off` unquoted is YAML 1.1's false, and reads as `off`. */
const SEVERITY: JsonSchema = { type: ['string', 'boolean'], enum: ['off', 'error', 'warning', 'information', 'hint', false] };
const GLOBS: JsonSchema = { type: 'array', items: { type: 'string' } };

const RULES: JsonSchema = {
  type: 'object',
  description: 'Rule code → severity (`off`, `error`, `warning`, `information`, `hint`), as the `drydock.rules` setting. Wins over the setting, code by code.',
  additionalProperties: { ...SEVERITY, description: 'The severity of this code: `off` drops its findings.' },
};

/**
 * The schema of `.drydock.yaml`: its keys are the `drydock.*` settings that describe the project
 * (not the machine), plus `ignore` and `overrides`. Completion, hover and validation of the file read
 * it; the descriptions are what hover shows.
 */
export const DRYDOCK_CONFIG_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'Drydock\'s project configuration, read by the editor and by the `drydock` CLI. It wins over the VS Code settings; command-line flags win over it.',
  additionalProperties: false,
  properties: {
    kubernetesVersion: { type: 'string', enum: [...SUPPORTED_VERSIONS], description: 'The Kubernetes version whose schemas validate the manifests (as `drydock.kubernetesVersion`; `--k8s-version` wins in the CLI).' },
    cluster: { type: 'string', description: 'The cluster profile dry runs schedule onto: a file of Node (and other) manifests, relative to this file\'s folder (as `drydock.cluster`; `--cluster` wins in the CLI).' },
    rules: RULES,
    bestPractices: {
      type: 'object',
      description: 'The opt-in best-practice rules (`bp/*`).',
      additionalProperties: false,
      properties: { enable: { type: 'boolean', description: 'Run the best-practice rules at their default severity (as `drydock.bestPractices.enable`).' } },
    },
    crdFolders: { ...GLOBS, description: 'Folders (relative to this file\'s folder) whose CustomResourceDefinitions validate custom resources (as `drydock.crdFolders`).' },
    helm: {
      type: 'object',
      description: 'How charts are rendered. The helm program itself is a setting of each machine (`drydock.helm.path`, `DRYDOCK_HELM`), never of the repository.',
      additionalProperties: false,
      properties: { valuesFiles: { ...GLOBS, description: 'Values files every chart is rendered with, after its values.yaml (relative to the chart; as `drydock.helm.valuesFiles`).' } },
    },
    ignore: { ...GLOBS, description: 'Files Drydock reports nothing on (the editor does not validate them, the CLI does not read them): globs relative to this file\'s folder (`*`, `?`, `**`; a pattern without `/` matches a name at any depth; a folder matches everything under it).' },
    overrides: {
      type: 'array',
      description: 'Rule severities for some files only; a later override wins over an earlier one, all win over `rules`.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: { ...GLOBS, description: 'The files this override applies to: globs relative to this file\'s folder.' },
          rules: RULES,
        },
      },
    },
  },
};

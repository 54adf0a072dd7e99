import { readRuleSeverities, type RuleSettings } from './language/rules/ruleSettings';
import { DEFAULT_VERSION, isSupportedVersion } from './protocol/versions';
import type { RolloutBaselineSetting } from './protocol/rolloutBaseline';
import { readBaselineSetting } from './workspace/baselineChoice';

/**
 * The extension's settings: the one source of truth for their names and defaults. A test checks
 * this table against `contributes.configuration` in package.json.
 */
export const SETTINGS = {
  'drydock.kubernetesVersion': { default: DEFAULT_VERSION as string },
  'drydock.validate.enable': { default: true },
  'drydock.trace.server': { default: 'off' as string },
  'drydock.rules': { default: {} as Record<string, string> },
  'drydock.bestPractices.enable': { default: false as boolean },
  'drydock.crdFolders': { default: [] as string[] },
  'drydock.crdCatalog.enable': { default: true as boolean },
  'drydock.cluster': { default: '.drydock/cluster.yaml' as string },
  'drydock.rollout.baseline': { default: 'auto' as string },
  'drydock.helm.path': { default: '' as string },
  'drydock.helm.valuesFiles': { default: [] as string[] },
  'drydock.kustomize.command': { default: '' as string },
  'drydock.whatif.singleNodeFailure': { default: false as boolean },
} as const;

export interface ServerSettings {
  kubernetesVersion: string;
  validateEnable: boolean;
  /** `drydock.rules` and `drydock.bestPractices.enable`. */
  rules: RuleSettings;
  /** Folders (absolute, or relative to the workspace) scanned for CustomResourceDefinitions. */
  crdFolders: string[];
  /** Whether custom resources no workspace CRD defines are validated against the bundled CRD catalog. */
  crdCatalogEnable: boolean;
  /** The cluster profile file (absolute, or relative to the first workspace folder). */
  cluster: string;
  /** What a Deployment is rolled out from in the editor (unless the preview picked another for the document): `auto`, git HEAD or the saved file. */
  rolloutBaseline: RolloutBaselineSetting;
  /** The helm to render charts with (empty: `DRYDOCK_HELM`, else `helm` on PATH). */
  helmPath: string;
  /** Values files (absolute, or relative to the chart) every chart is rendered with, after its values.yaml. */
  helmValuesFiles: string[];
  /** The command that builds an overlay, given its directory (empty: `DRYDOCK_KUSTOMIZE`, else `kustomize build` or `kubectl kustomize` on PATH). */
  kustomizeCommand: string;
  /** `drydock.whatif.singleNodeFailure`: the dry run also reports workloads whose ready pods all run on one node. */
  whatIfSingleNodeFailure: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  kubernetesVersion: SETTINGS['drydock.kubernetesVersion'].default,
  validateEnable: SETTINGS['drydock.validate.enable'].default,
  rules: { severities: {}, bestPractices: SETTINGS['drydock.bestPractices.enable'].default },
  crdFolders: [],
  crdCatalogEnable: SETTINGS['drydock.crdCatalog.enable'].default,
  cluster: SETTINGS['drydock.cluster'].default,
  rolloutBaseline: 'auto',
  helmPath: '',
  helmValuesFiles: [],
  kustomizeCommand: '',
  whatIfSingleNodeFailure: SETTINGS['drydock.whatif.singleNodeFailure'].default,
};

/** Reads the `drydock` configuration section as the client sends it, falling back to defaults. */
export function readSettings(section: unknown): { settings: ServerSettings; problems: string[] } {
  const problems: string[] = [];
  const raw = (section && typeof section === 'object' ? section : {}) as Record<string, unknown>;
  let kubernetesVersion = DEFAULT_SETTINGS.kubernetesVersion;
  if (typeof raw.kubernetesVersion === 'string' && raw.kubernetesVersion !== '') {
    const wanted = raw.kubernetesVersion.replace(/^v/, '').split('.').slice(0, 2).join('.');
    if (isSupportedVersion(wanted)) kubernetesVersion = wanted;
    else problems.push(`Drydock has no schemas for Kubernetes ${raw.kubernetesVersion}; validating against ${kubernetesVersion}.`);
  }
  const validate = raw.validate as Record<string, unknown> | undefined;
  const validateEnable = typeof validate?.enable === 'boolean' ? validate.enable : DEFAULT_SETTINGS.validateEnable;
  const rules = readRuleSeverities(raw.rules);
  problems.push(...rules.problems);
  const bestPractices = raw.bestPractices as Record<string, unknown> | undefined;
  const bestPracticesEnable = typeof bestPractices?.enable === 'boolean' ? bestPractices.enable : DEFAULT_SETTINGS.rules.bestPractices;
  const crdFolders = Array.isArray(raw.crdFolders) ? raw.crdFolders.filter((f): f is string => typeof f === 'string' && f !== '') : [];
  const crdCatalog = raw.crdCatalog as Record<string, unknown> | undefined;
  const crdCatalogEnable = typeof crdCatalog?.enable === 'boolean' ? crdCatalog.enable : DEFAULT_SETTINGS.crdCatalogEnable;
  const cluster = typeof raw.cluster === 'string' && raw.cluster.trim() !== '' ? raw.cluster.trim() : DEFAULT_SETTINGS.cluster;
  const rollout = raw.rollout as Record<string, unknown> | undefined;
  const rolloutBaseline = readBaselineSetting(rollout?.baseline);
  const helm = raw.helm as Record<string, unknown> | undefined;
  const kustomize = raw.kustomize as Record<string, unknown> | undefined;
  const helmPath = typeof helm?.path === 'string' ? helm.path.trim() : '';
  const helmValuesFiles = Array.isArray(helm?.valuesFiles) ? helm.valuesFiles.filter((f): f is string => typeof f === 'string' && f !== '') : [];
  const kustomizeCommand = typeof kustomize?.command === 'string' ? kustomize.command.trim() : '';
  const whatIf = raw.whatif as Record<string, unknown> | undefined;
  const whatIfSingleNodeFailure = typeof whatIf?.singleNodeFailure === 'boolean' ? whatIf.singleNodeFailure : DEFAULT_SETTINGS.whatIfSingleNodeFailure;
  return {
    settings: { kubernetesVersion, validateEnable, rules: { severities: rules.severities, bestPractices: bestPracticesEnable }, crdFolders, crdCatalogEnable, cluster, rolloutBaseline, helmPath, helmValuesFiles, kustomizeCommand, whatIfSingleNodeFailure },
    problems,
  };
}

import { isPlainObject } from '../manifests';
import type { RuleSeverity } from '../rules/ruleTypes';
import { anyGlobMatches } from './globMatch';

/**
 * A `.drydock.yaml`, as read (drydockConfigSchema.ts says what is allowed; what is not is left out
 * here and reported by validateDrydockConfig). Paths are as written: relative to the file's folder.
 */
export interface DrydockConfig {
  kubernetesVersion?: string;
  cluster?: string;
  rules: Readonly<Record<string, RuleSeverity>>;
  bestPracticesEnable?: boolean;
  crdFolders?: readonly string[];
  helmValuesFiles?: readonly string[];
  ignore: readonly string[];
  overrides: ReadonlyArray<{ files: readonly string[]; rules: Readonly<Record<string, RuleSeverity>> }>;
}

export const EMPTY_CONFIG: DrydockConfig = { rules: {}, ignore: [], overrides: [] };

const SEVERITIES: ReadonlySet<string> = new Set(['off', 'error', 'warning', 'information', 'hint']);

/** Reads the parsed value of a `.drydock.yaml`, keeping the well-formed parts only. */
export function readDrydockConfig(value: unknown): DrydockConfig {
  if (!isPlainObject(value)) return EMPTY_CONFIG;
  const bestPractices = isPlainObject(value.bestPractices) ? value.bestPractices : {};
  const helm = isPlainObject(value.helm) ? value.helm : {};
  const overrides = Array.isArray(value.overrides) ? value.overrides.filter(isPlainObject) : [];
  return {
    ...(typeof value.kubernetesVersion === 'string' && value.kubernetesVersion !== '' ? { kubernetesVersion: value.kubernetesVersion } : {}),
    ...(typeof value.cluster === 'string' && value.cluster.trim() !== '' ? { cluster: value.cluster.trim() } : {}),
    rules: severities(value.rules),
    ...(typeof bestPractices.enable === 'boolean' ? { bestPracticesEnable: bestPractices.enable } : {}),
    ...(Array.isArray(value.crdFolders) ? { crdFolders: strings(value.crdFolders) } : {}),
    ...(Array.isArray(helm.valuesFiles) ? { helmValuesFiles: strings(helm.valuesFiles) } : {}),
    ignore: Array.isArray(value.ignore) ? strings(value.ignore) : [],
    overrides: overrides.map((override) => ({ files: Array.isArray(override.files) ? strings(override.files) : [], rules: severities(override.rules) })),
  };
}

/** Whether `.drydock.yaml`'s `ignore` leaves out the file at `path` (relative to the configuration's folder). */
export function isIgnoredByConfig(config: DrydockConfig, path: string): boolean {
  return !isOutside(path) && anyGlobMatches(config.ignore, path);
}

/** The rule severities of the file at `path` (relative to the configuration's folder): `rules`, then each matching override in order. */
export function ruleSeveritiesFor(config: DrydockConfig, path: string): Record<string, RuleSeverity> {
  const result: Record<string, RuleSeverity> = { ...config.rules };
  if (isOutside(path)) return result;
  for (const override of config.overrides) if (anyGlobMatches(override.files, path)) Object.assign(result, override.rules);
  return result;
}

function isOutside(path: string): boolean {
  return path === '' || path.startsWith('../') || path === '..' || path.startsWith('/');
}

function strings(values: readonly unknown[]): string[] {
  return values.filter((v): v is string => typeof v === 'string' && v !== '');
}

function severities(raw: unknown): Record<string, RuleSeverity> {
  const result: Record<string, RuleSeverity> = {};
  if (!isPlainObject(raw)) return result;
  for (const [code, severity] of Object.entries(raw)) {
    // `off` unquoted is YAML 1.1's false.
    if (severity === false) result[code] = 'off';
    else if (typeof severity === 'string' && SEVERITIES.has(severity)) result[code] = severity as RuleSeverity;
  }
  return result;
}

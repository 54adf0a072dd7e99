import { DEFAULT_VERSION, isSupportedVersion } from './language/schema/schemaBundle';

/**
 * The extension's settings: the one source of truth for their names and defaults. A test checks
 * this table against `contributes.configuration` in package.json.
 */
export const SETTINGS = {
  'drydock.kubernetesVersion': { default: DEFAULT_VERSION as string },
  'drydock.validate.enable': { default: true },
  'drydock.trace.server': { default: 'off' as string },
} as const;

export interface ServerSettings {
  kubernetesVersion: string;
  validateEnable: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  kubernetesVersion: SETTINGS['drydock.kubernetesVersion'].default,
  validateEnable: SETTINGS['drydock.validate.enable'].default,
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
  return { settings: { kubernetesVersion, validateEnable }, problems };
}

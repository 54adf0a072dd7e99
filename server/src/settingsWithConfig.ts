import { isAbsolute, join, relative } from 'node:path';
import { isIgnoredByConfig, ruleSeveritiesFor, type DrydockConfig } from './language/config/drydockConfig';
import type { FileConfig } from './language/config/fileFindings';
import { isSupportedVersion } from './protocol/versions';
import type { ServerSettings } from './settings';

/** A `.drydock.yaml` as read, and the folder it applies to (absolute path): its relative paths are from there. */
export interface FolderConfig {
  folder: string;
  config: DrydockConfig;
}

/**
 * The settings in force where `.drydock.yaml` applies: each key it sets wins over the VS Code
 * setting of the same name (`rules` code by code); what it leaves out keeps the setting (or its
 * default). Paths it gives are made absolute from its folder. Command-line flags win over both (the
 * CLI applies them after). Pure.
 */
export function settingsWithConfig(settings: ServerSettings, folderConfig: FolderConfig | undefined): ServerSettings {
  if (!folderConfig) return settings;
  const { folder, config } = folderConfig;
  const fromFolder = (path: string): string => (isAbsolute(path) ? path : join(folder, path));
  return {
    ...settings,
    ...(config.kubernetesVersion && isSupportedVersion(config.kubernetesVersion) ? { kubernetesVersion: config.kubernetesVersion } : {}),
    ...(config.cluster ? { cluster: fromFolder(config.cluster) } : {}),
    rules: { severities: { ...settings.rules.severities, ...config.rules }, bestPractices: config.bestPracticesEnable ?? settings.rules.bestPractices },
    ...(config.crdFolders ? { crdFolders: config.crdFolders.map(fromFolder) } : {}),
    ...(config.helmValuesFiles ? { helmValuesFiles: [...config.helmValuesFiles] } : {}),
  };
}

/**
 * The settings a file is validated with: the `overrides` and rules of its own folder's `.drydock.yaml`
 * over the workspace's settings; an ignored file is not validated (its other findings are dropped
 * where they are published). Pure.
 */
export function settingsForFile(settings: ServerSettings, folderConfig: FolderConfig | undefined, path: string): ServerSettings {
  if (!folderConfig) return settings;
  const fileConfig = fileConfigOf(folderConfig, path);
  const severities = { ...settings.rules.severities, ...fileConfig.severities };
  return { ...settings, validateEnable: settings.validateEnable && !fileConfig.ignored, rules: { severities, bestPractices: folderConfig.config.bestPracticesEnable ?? settings.rules.bestPractices } };
}

/** What `.drydock.yaml` says of the file at `path` (absolute): ignored or not, and its severities (`overrides` included). */
export function fileConfigOf(folderConfig: FolderConfig | undefined, path: string): FileConfig {
  if (!folderConfig) return { ignored: false, severities: {} };
  const inFolder = relative(folderConfig.folder, path).replace(/\\/g, '/');
  return { ignored: isIgnoredByConfig(folderConfig.config, inFolder), severities: ruleSeveritiesFor(folderConfig.config, inFolder) };
}

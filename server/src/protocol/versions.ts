/**
 * The Kubernetes versions Drydock has schemas for (schemas/generated/k8s-<minor>.json), newest first;
 * the first is the default. Read by the server (settings, validation, hover), the CLI (`--k8s-version`)
 * and the extension client (the status-bar picker); package.json's `drydock.kubernetesVersion` enum
 * lists the same (a test checks it). No imports: any side can import this file.
 */
export const SUPPORTED_VERSIONS = ['1.36', '1.34', '1.32'] as const;

export const DEFAULT_VERSION = SUPPORTED_VERSIONS[0];

export function isSupportedVersion(version: string): boolean {
  return (SUPPORTED_VERSIONS as readonly string[]).includes(version);
}

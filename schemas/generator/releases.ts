// The client releases installed side by side (npm aliases in package.json), one per bundled
// Kubernetes minor version. Adding a version = adding an alias there and a line here.
export interface ClientRelease {
  /** Kubernetes minor version the release's models were generated from, e.g. "1.36". */
  kubernetesVersion: string;
  /** Folder name under node_modules. */
  packageAlias: string;
}

export const CLIENT_RELEASES: readonly ClientRelease[] = [
  { kubernetesVersion: '1.32', packageAlias: 'k8s-client-1.32' },
  { kubernetesVersion: '1.34', packageAlias: 'k8s-client-1.34' },
  { kubernetesVersion: '1.36', packageAlias: 'k8s-client-1.36' },
];

/** Where a release's output goes, relative to the repository root. */
export function outputPath(kubernetesVersion: string): string {
  return `schemas/generated/k8s-${kubernetesVersion}.json`;
}

import type { Manifest } from '../simulator/model/source';

/** A Deployment to roll out: from the version running (null: none, a first rollout) to the new one. */
export interface DeploymentChange {
  old: Manifest | null;
  new: Manifest;
  /** The spec did not change: this is a preview of `kubectl rollout restart`. */
  restartOnly: boolean;
}

/** `kubectl rollout restart` sets this annotation on the pod template. */
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/**
 * Deployments present in both versions (same namespace and name) whose spec changed, in the new
 * version's order; with `includeUnchanged`, unchanged ones too, as a restart (the template gets the
 * `restartedAt` annotation, so every pod is replaced, as `kubectl rollout restart` does).
 */
export function changedDeployments(baseline: readonly Manifest[], current: readonly Manifest[], includeUnchanged: boolean): DeploymentChange[] {
  const before = new Map<string, Manifest>();
  for (const manifest of baseline) if (isDeployment(manifest)) before.set(key(manifest), manifest);
  const changes: DeploymentChange[] = [];
  for (const manifest of current) {
    if (!isDeployment(manifest)) continue;
    const old = before.get(key(manifest));
    if (!old) continue;
    if (old.object.spec !== manifest.object.spec && JSON.stringify(old.object.spec) !== JSON.stringify(manifest.object.spec)) changes.push({ old, new: manifest, restartOnly: false });
    else if (includeUnchanged) changes.push({ old, new: restarted(manifest), restartOnly: true });
  }
  return changes;
}

/**
 * Every Deployment of `current` that `baseline` has is unchanged from it (and there is at least one):
 * what the preview rolls out is only a restart, which it says plainly.
 */
export function everyDeploymentUnchanged(baseline: readonly Manifest[], current: readonly Manifest[]): boolean {
  const changes = changedDeployments(baseline, current, true);
  return changes.length > 0 && changes.every((change) => change.restartOnly);
}

function isDeployment(manifest: Manifest): boolean {
  return manifest.object.kind === 'Deployment' && typeof manifest.object.apiVersion === 'string' && manifest.object.apiVersion.startsWith('apps/');
}

function key(manifest: Manifest): string {
  return `${manifest.object.metadata?.namespace ?? 'default'}/${manifest.object.metadata?.name ?? ''}`;
}

/** The same Deployment with its template marked restarted (a fixed timestamp: the simulation is deterministic). */
function restarted(manifest: Manifest): Manifest {
  const object = structuredClone(manifest.object) as Manifest['object'] & { spec?: { template?: { metadata?: { annotations?: Record<string, string> } } } };
  const template = (object.spec ??= {}).template ?? (object.spec.template = {});
  const metadata = (template.metadata ??= {});
  metadata.annotations = { ...(metadata.annotations ?? {}), [RESTARTED_AT]: 'preview' };
  return { source: manifest.source, object };
}

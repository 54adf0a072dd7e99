import type { Manifest } from '../../../../../server/src/simulator/model/source';

/** A Deployment manifest; every field defaults to the smallest valid apps/v1 Deployment. */
export interface DeploymentOptions {
  name?: string;
  namespace?: string;
  replicas?: number;
  image?: string;
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  strategy?: 'RollingUpdate' | 'Recreate';
  minReadySeconds?: number;
  paused?: boolean;
  revisionHistoryLimit?: number;
  labels?: Record<string, string>;
  selector?: Record<string, string>;
  podSpec?: Record<string, unknown>;
}

export function deployment(options: DeploymentOptions = {}): Manifest {
  const labels = options.labels ?? { app: 'web' };
  const rollingUpdate: Record<string, unknown> = {};
  if (options.maxSurge !== undefined) rollingUpdate.maxSurge = options.maxSurge;
  if (options.maxUnavailable !== undefined) rollingUpdate.maxUnavailable = options.maxUnavailable;
  const strategy: Record<string, unknown> = { type: options.strategy ?? 'RollingUpdate' };
  if (Object.keys(rollingUpdate).length > 0) strategy.rollingUpdate = rollingUpdate;
  const spec: Record<string, unknown> = {
    replicas: options.replicas ?? 3,
    selector: { matchLabels: options.selector ?? labels },
    strategy,
    template: {
      metadata: { labels },
      spec: { containers: [{ name: 'web', image: options.image ?? 'nginx:1.25' }], ...(options.podSpec ?? {}) },
    },
  };
  if (options.minReadySeconds !== undefined) spec.minReadySeconds = options.minReadySeconds;
  if (options.paused !== undefined) spec.paused = options.paused;
  if (options.revisionHistoryLimit !== undefined) spec.revisionHistoryLimit = options.revisionHistoryLimit;
  return {
    source: { file: 'web.yaml', document: 0, path: [] },
    object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: options.name ?? 'web', namespace: options.namespace ?? 'default' }, spec },
  };
}

/** The same Deployment with a new image (a template change). */
export function withImage(manifest: Manifest, image: string): Manifest {
  const copy = structuredClone(manifest);
  const spec = copy.object.spec as { template: { spec: { containers: Array<{ image: string }> } } };
  spec.template.spec.containers[0].image = image;
  return copy;
}

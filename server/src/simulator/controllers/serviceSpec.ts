import type { Manifest } from '../model/source';
import { isRecord } from '../model/labelSelector';

/**
 * A Service as the endpoints controllers see it after API defaulting: port protocol TCP, targetPort
 * = port, `selector: {}` indistinguishable from no selector (it never means "everything").
 */
export interface ServicePortSpec {
  index: number;
  name: string;
  port: number;
  protocol: string;
  targetPort: number | string;
  appProtocol: string | null;
}

export interface ServiceModel {
  manifest: Manifest;
  namespace: string;
  name: string;
  type: string;
  /** null = not managed by the endpoints controller (no or empty selector, or ExternalName). */
  selector: Record<string, string> | null;
  headless: boolean;
  publishNotReadyAddresses: boolean;
  sessionAffinity: string;
  ports: ServicePortSpec[];
}

export function readService(manifest: Manifest): ServiceModel {
  const object = manifest.object;
  const spec = isRecord(object.spec) ? object.spec : {};
  const type = typeof spec.type === 'string' ? spec.type : 'ClusterIP';
  const rawSelector = isRecord(spec.selector) ? spec.selector : {};
  const selector = type === 'ExternalName' || Object.keys(rawSelector).length === 0
    ? null
    : Object.fromEntries(Object.entries(rawSelector).map(([k, v]) => [k, String(v)]));
  const ports = (Array.isArray(spec.ports) ? spec.ports : []).flatMap((raw, index): ServicePortSpec[] => {
    if (!isRecord(raw) || typeof raw.port !== 'number') return [];
    const target = raw.targetPort;
    return [{
      index,
      name: typeof raw.name === 'string' ? raw.name : '',
      port: raw.port,
      protocol: typeof raw.protocol === 'string' ? raw.protocol : 'TCP',
      targetPort: typeof target === 'number' || (typeof target === 'string' && target !== '') ? target : raw.port,
      appProtocol: typeof raw.appProtocol === 'string' ? raw.appProtocol : null,
    }];
  });
  return {
    manifest,
    namespace: object.metadata?.namespace || 'default',
    name: object.metadata?.name ?? '',
    type,
    selector,
    headless: spec.clusterIP === 'None',
    publishNotReadyAddresses: spec.publishNotReadyAddresses === true,
    sessionAffinity: typeof spec.sessionAffinity === 'string' ? spec.sessionAffinity : 'None',
    ports,
  };
}

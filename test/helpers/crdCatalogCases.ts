import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CATALOG_FIXTURES = join(__dirname, '..', 'fixtures', 'crd-catalog');

/**
 * One custom resource per project of the CRD catalog (test/fixtures/crd-catalog/<file>, valid, after
 * the projects' documentation) and one error planted in it: `from` (a whole line's text) becomes `to`,
 * which the catalog's schema reports as `code` on that line.
 */
export interface CatalogCase {
  project: string;
  file: string;
  from: string;
  to: string;
  code: string;
}

export const CATALOG_CASES: CatalogCase[] = [
  { project: 'Argo CD', file: 'argo-cd.yaml', from: '      selfHeal: true', to: '      selfHeel: true', code: 'schema/unknown-field' },
  { project: 'Argo Rollouts', file: 'argo-rollouts.yaml', from: '  replicas: 5', to: '  replicas: five', code: 'schema/type' },
  { project: 'cert-manager', file: 'cert-manager.yaml', from: '  renewBefore: 360h', to: '  renewBefor: 360h', code: 'schema/unknown-field' },
  { project: 'Gateway API', file: 'gateway-api.yaml', from: '          port: 8080', to: '          port: http', code: 'schema/type' },
  { project: 'Istio', file: 'istio.yaml', from: '          weight: 100', to: '          weight: all', code: 'schema/type' },
  { project: 'KEDA', file: 'keda.yaml', from: '  cooldownPeriod: 300', to: '  cooldownPeriods: 300', code: 'schema/unknown-field' },
  { project: 'Knative', file: 'knative.yaml', from: '      containerConcurrency: 50', to: '      containerConcurrency: fifty', code: 'schema/type' },
  { project: 'Prometheus Operator', file: 'prometheus-operator.yaml', from: '      interval: 30s', to: '      intervall: 30s', code: 'schema/unknown-field' },
  { project: 'Flux', file: 'flux.yaml', from: '  releaseName: podinfo', to: '  releaseName: [podinfo]', code: 'schema/type' },
  { project: 'External Secrets Operator', file: 'external-secrets.yaml', from: '    creationPolicy: Owner', to: '    creationPolicy: Owned', code: 'schema/enum' },
  { project: 'Sealed Secrets', file: 'sealed-secrets.yaml', from: '    type: Opaque', to: '    typ: Opaque', code: 'schema/unknown-field' },
  { project: 'Traefik', file: 'traefik.yaml', from: '      priority: 10', to: '      priority: high', code: 'schema/type' },
  { project: 'Karpenter', file: 'karpenter.yaml', from: '    consolidationPolicy: WhenEmptyOrUnderutilized', to: '    consolidationPolicy: WhenIdle', code: 'schema/enum' },
];

export function validText(c: CatalogCase): string {
  return readFileSync(join(CATALOG_FIXTURES, c.file), 'utf8');
}

/** The fixture with the error planted, and the 0-based line it is on. */
export function plantedError(c: CatalogCase): { text: string; line: number } {
  const lines = validText(c).split('\n');
  const line = lines.indexOf(c.from);
  if (line === -1 || lines.lastIndexOf(c.from) !== line) throw new Error(`${c.file}: \`${c.from}\` is not one line of the fixture`);
  lines[line] = c.to;
  return { text: lines.join('\n'), line };
}

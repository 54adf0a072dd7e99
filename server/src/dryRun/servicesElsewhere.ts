import type { PreviewModel } from '../protocol/preview';
import type { WorkspaceIndex } from '../language/rules/workspace/workspaceIndex';
import type { ServiceEndpoints } from '../simulator/controllers';
import { selectorFromSet } from '../simulator/model/labelSelector';

/**
 * A file-scope preview dry-runs one file: a Service there whose pods another file defines has no
 * endpoints in that run, while the Problems panel (which knows the workspace) rightly says nothing.
 * Each such Service of the model gets `podsElsewhere`: the workloads of other files its selector
 * picks (`Kind ns/name`), so the view says where its pods are instead of "No endpoints".
 */
export function markServicesWithPodsElsewhere(model: PreviewModel, services: readonly ServiceEndpoints[], runFile: string, index: WorkspaceIndex): PreviewModel {
  const byName = new Map(services.map((service) => [`${service.namespace}/${service.name}`, service]));
  const marked = model.simulation.services.map((service) => {
    const endpoints = byName.get(`${service.namespace}/${service.name}`);
    if (!endpoints?.managed || !endpoints.selector || endpoints.selectedPods.length > 0) return service;
    const elsewhere = index
      .pods()
      .selected(service.namespace, selectorFromSet(endpoints.selector))
      .filter(({ manifest }) => manifest.source.file !== runFile)
      .map(({ manifest, kind }) => `${kind} ${service.namespace}/${String(manifest.object.metadata?.name ?? '?')}`);
    return elsewhere.length > 0 ? { ...service, podsElsewhere: [...new Set(elsewhere)].sort() } : service;
  });
  return { ...model, simulation: { ...model.simulation, services: marked } };
}

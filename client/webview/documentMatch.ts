import type { DeploymentRollout, PreviewModel } from '../../server/src/protocol/preview';
import type { PreviewView, WorkloadRef } from '../../server/src/protocol/webviewMessages';

/** What a CodeLens asked to see: a view and the object of one document. */
export interface AskedObject {
  view: PreviewView;
  workload: WorkloadRef & { source: NonNullable<WorkloadRef['source']> };
}

/** The CodeLens's request when it names its document (a request without one is matched by name, as before). */
export function askedObject(view: PreviewView, workload: WorkloadRef | undefined): AskedObject | null {
  return workload?.source ? { view, workload: { ...workload, source: workload.source } } : null;
}

/**
 * The rollout of the Deployment that the asked document defines: same file, same document, same
 * namespace and name. Null when this model rolls out no Deployment of that document (another file's
 * copy is simulated, it has no baseline, or the model is of another file still).
 */
export function rolloutOfDocument(model: PreviewModel, asked: AskedObject): DeploymentRollout | null {
  const { workload } = asked;
  if (workload.kind !== 'Deployment') return null;
  return model.rollout?.deployments.find((d) =>
    d.source?.uri === workload.source.uri && d.source.document === workload.source.document && d.namespace === workload.namespace && d.name === workload.name,
  ) ?? null;
}

import type { PreviewView, WorkloadRef } from '../../../server/src/protocol/webviewMessages';

/** The command that opens (or reveals) the cluster preview. */
export const PREVIEW_COMMAND = 'drydock.previewCluster';

/** The webview panel type; also the `onWebviewPanel:` activation event and the serializer's key. */
export const PREVIEW_VIEW_TYPE = 'drydock.preview';

/** What the preview should show when opened: from a CodeLens, a document and a workload, or a chart (a template's CodeLens). */
export interface ShowPreviewRequest {
  uri?: string;
  /** The chart's folder (file URI): preview what it renders to (scope `project`). */
  project?: string;
  view?: PreviewView;
  workload?: WorkloadRef;
}

const VIEWS: ReadonlySet<string> = new Set<PreviewView>(['nodes', 'pending', 'rollout', 'services', 'network', 'routes']);

/**
 * Reads the command's argument: a CodeLens passes a `ShowPreviewRequest`; the palette passes nothing.
 * (The editor-title button passes a `vscode.Uri`, which the caller converts first.) Anything else is ignored.
 */
export function parseShowPreviewRequest(arg: unknown): ShowPreviewRequest {
  if (typeof arg !== 'object' || arg === null) return {};
  const raw = arg as Record<string, unknown>;
  const request: ShowPreviewRequest = {};
  if (typeof raw.uri === 'string') request.uri = raw.uri;
  if (typeof raw.project === 'string' && raw.project.startsWith('file:')) request.project = raw.project;
  if (typeof raw.view === 'string' && VIEWS.has(raw.view)) request.view = raw.view as PreviewView;
  const workload = raw.workload as Record<string, unknown> | undefined;
  if (workload && typeof workload.kind === 'string' && typeof workload.name === 'string' && typeof workload.namespace === 'string') {
    request.workload = { kind: workload.kind, name: workload.name, namespace: workload.namespace };
    const source = workload.source as Record<string, unknown> | undefined;
    if (source && typeof source.uri === 'string' && Number.isInteger(source.document) && (source.document as number) >= 0) {
      request.workload.source = { uri: source.uri, document: source.document as number };
    }
  }
  return request;
}

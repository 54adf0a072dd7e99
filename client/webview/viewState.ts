import type { PreviewScope } from '../../server/src/protocol/preview';
import type { PersistedPreviewState, PreviewView, WorkloadRef } from '../../server/src/protocol/webviewMessages';
import { parseWhatIfEvents } from '../../server/src/protocol/whatIf';

export const VIEWS: readonly PreviewView[] = ['nodes', 'pending', 'rollout', 'services', 'network', 'routes', 'whatif'];

export function initialState(): PersistedPreviewState {
  return { uri: null, scope: 'file', project: null, neverReady: false, view: 'nodes', selectedPod: null, deployment: null, rolloutStep: 0, workload: null };
}

/** Reads what `getState` returned (written by an older build, maybe): every field is checked. */
export function restoreState(saved: unknown): PersistedPreviewState {
  const state = initialState();
  if (typeof saved !== 'object' || saved === null) return state;
  const s = saved as Record<string, unknown>;
  if (typeof s.uri === 'string') state.uri = s.uri;
  if (typeof s.project === 'string') state.project = s.project;
  if (s.scope === 'file' || s.scope === 'folder' || s.scope === 'workspace' || (s.scope === 'project' && state.project !== null)) state.scope = s.scope as PreviewScope;
  if (typeof s.neverReady === 'boolean') state.neverReady = s.neverReady;
  if (VIEWS.includes(s.view as PreviewView)) state.view = s.view as PreviewView;
  if (typeof s.selectedPod === 'string') state.selectedPod = s.selectedPod;
  if (typeof s.deployment === 'string') state.deployment = s.deployment;
  if (typeof s.rolloutStep === 'number' && Number.isInteger(s.rolloutStep) && s.rolloutStep >= 0) state.rolloutStep = s.rolloutStep;
  if (isWorkload(s.workload)) state.workload = s.workload;
  const whatIf = parseWhatIfEvents(s.whatIf);
  if (whatIf) state.whatIf = whatIf;
  if (typeof s.whatIfMoment === 'number' && Number.isInteger(s.whatIfMoment) && s.whatIfMoment >= 0) state.whatIfMoment = s.whatIfMoment;
  return state;
}

function isWorkload(value: unknown): value is WorkloadRef {
  if (typeof value !== 'object' || value === null) return false;
  const w = value as Record<string, unknown>;
  return typeof w.kind === 'string' && typeof w.namespace === 'string' && typeof w.name === 'string';
}

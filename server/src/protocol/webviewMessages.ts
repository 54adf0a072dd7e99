import type { PodDetails, PreviewConnectionExplanation, PreviewModel, PreviewRouteQueryResult, PreviewScope, SourceLocation } from './preview';
import type { PreviewWhatIf, WhatIfNodeEvent } from './whatIf';
import type { SetRolloutBaselineMessage } from './rolloutBaseline';
import type { l10nJsonFormat } from '@vscode/l10n';

/**
 * The messages between the VS Code host (client/src/preview) and the preview webview (client/webview),
 * both ways, and the state the webview persists. Types only: the webview imports this file, so it
 * imports nothing but the (type-only) model and `@vscode/l10n`'s bundle type.
 *
 *   webview ──WebviewToHost──▶ host ──drydock/preview, drydock/podDetails──▶ language server
 *   webview ◀──HostToWebview── host ◀──PreviewModel, PodDetails, drydock/previewChanged──
 */

/** The tabs of the preview. */
export type PreviewView = 'nodes' | 'pending' | 'rollout' | 'services' | 'network' | 'routes' | 'whatif';

/** A workload as a CodeLens names it. */
export interface WorkloadRef {
  kind: string;
  namespace: string;
  name: string;
  /** The document that defines it (0-based, as the server splits files): a CodeLens's object is matched by it, never by namespace and name alone. */
  source?: { uri: string; document: number };
}

/** Host → webview. */
export type HostToWebview =
  /**
   * A new simulation result replaces the old one. The first after each `ready` carries `l10n`, the display
   * language's bundle (`vscode.l10n.bundle`; absent in English): the page configures `@vscode/l10n` with it.
   * `locale` (`vscode.env.language`, e.g. `ko`) goes with it: the page's `lang` (else the webview's own language).
   */
  | { type: 'update'; model: PreviewModel; l10n?: l10nJsonFormat; locale?: string }
  /** Progress or a problem, shown in the status line; `model` stays as it was. */
  | { type: 'status'; state: 'loading' | 'idle' | 'error' | 'empty'; message: string }
  /** Select a pod ("namespace/name") and show why it is where it is. */
  | { type: 'selectPod'; pod: string }
  /** Switch tab and, for a CodeLens, focus a workload (its pods, or its rollout). */
  | { type: 'showView'; view: PreviewView; workload?: WorkloadRef }
  /** The answer to a `podDetails` message; `details` null when the pod is gone (or the server is not running). */
  | { type: 'podDetails'; pod: string; details: PodDetails | null }
  /** The answer to an `explainConnection` message; `explanation` null when the endpoints are gone (or the server is not running). */
  | { type: 'connectionExplanation'; from: string; to: string; explanation: PreviewConnectionExplanation | null }
  /** The answer to a `routeQuery` message; `result` null when the server could not answer (not running, no preview). */
  | { type: 'routeAnswer'; url: string; result: PreviewRouteQueryResult | null }
  /** The command palette's what-if: show the What-if tab and ask for these events (as the node card's buttons do). */
  | { type: 'askWhatIf'; events: WhatIfNodeEvent[] }
  /** The answer to a `whatIf` message; `result` null when the server could not answer (not running, no preview). */
  | { type: 'whatIfAnswer'; events: WhatIfNodeEvent[]; result: PreviewWhatIf | null };

/** Webview → host. The host validates each one (`client/src/preview/messages.ts`) before acting. */
export type WebviewToHost =
  /** The script has loaded and listens: send the latest model. */
  | { type: 'ready' }
  /** Open the manifest at this location in the editor. Refused outside the workspace. */
  | { type: 'revealSource'; location: SourceLocation }
  /** Preview another source; with scope `project`, `project` is the chart's or overlay's folder URI (a `PreviewProject.uri`). */
  | { type: 'setScope'; scope: PreviewScope; project?: string }
  | { type: 'setNeverReady'; neverReady: boolean }
  /** Simulate on this cluster file of the workspace (null: the built-in cluster): sets `drydock.cluster`. */
  | { type: 'setCluster'; uri: string | null }
  /** The filters and scores of a pod whose model entry has `detailsOmitted`. */
  | { type: 'podDetails'; pod: string }
  /** Why a cell of the reachability matrix has its verdict: the row's and the column's labels, each at most 1,024 characters. */
  | { type: 'explainConnection'; from: string; to: string }
  /** Which Ingress path, Service and pods answer this URL (the Routes tab's box); at most 2,048 characters. */
  | { type: 'routeQuery'; url: string }
  /** What happens when these nodes fail, are drained or cordoned (the node card's "What if" buttons, the What-if tab). */
  | { type: 'whatIf'; events: WhatIfNodeEvent[] }
  /** The rollout view's baseline picker: roll the followed document out from HEAD, the saved file, or a file the host asks for. */
  | SetRolloutBaselineMessage;

/**
 * What the webview keeps with `setState` (and VS Code hands back to the serializer after a window
 * reload): enough for the host to ask for the same preview again and the webview to restore its view.
 */
export interface PersistedPreviewState {
  uri: string | null;
  scope: PreviewScope;
  /** The chart or overlay previewed with scope `project` (its folder URI); the last one chosen otherwise. */
  project: string | null;
  neverReady: boolean;
  view: PreviewView;
  selectedPod: string | null;
  /** "namespace/name" of the Deployment shown in the rollout tab. */
  deployment: string | null;
  rolloutStep: number;
  /** Pods of this workload are highlighted in the nodes view. */
  workload: WorkloadRef | null;
  /** The events of the What-if tab (none asked yet: absent) and the moment shown. */
  whatIf?: WhatIfNodeEvent[];
  whatIfMoment?: number;
}

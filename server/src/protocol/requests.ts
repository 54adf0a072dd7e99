import { NotificationType, RequestType } from 'vscode-jsonrpc/lib/common/messages';
import type { PodDetails, PreviewConnectionExplanation, PreviewModel, PreviewRouteQueryResult, PreviewScope } from './preview';
import type { PreviewWhatIf, WhatIfNodeEvent } from './whatIf';
import type { SetRolloutBaselineParams } from './rolloutBaseline';

/**
 * Drydock's own LSP messages, each a typed `RequestType` / `NotificationType`: the server registers its
 * handler with it (`connection.onRequest(PreviewRequest, …)`) and the client sends it, so both sides
 * agree on the params and the result at compile time.
 *
 *   webview ──▶ host (client/src/preview) ──drydock/preview, drydock/podDetails──▶ language server
 *                                         ◀──────────drydock/previewChanged──────────┘
 *
 * Imported by the language server and the extension host, never by the webview (the objects are runtime
 * values). `RequestType` and `NotificationType` come from vscode-jsonrpc's messages module alone (the
 * very classes vscode-languageserver and vscode-languageclient re-export), so the extension's entry
 * bundle, which loads vscode-languageclient lazily, carries those two classes and nothing else of it.
 */

/** The params of `drydock/preview`. */
export interface PreviewParams {
  /** The document the preview follows (with scope `folder`, the one whose folder is simulated; with scope `workspace`, the one that is active; with scope `project`, the chart's or overlay's folder). */
  uri: string;
  scope: PreviewScope;
  /** Pods of the new template never become ready: the rollout stalls (rollout.md §3.1, never-ready variant). */
  neverReady: boolean;
}

export const PREVIEW_REQUEST_METHOD = 'drydock/preview';

/**
 * Request `drydock/preview` (client → server): dry-run one document (or the workspace) for the preview.
 * Result: the `PreviewModel`, or null when the document is not an open manifest (or the run failed).
 */
export const PreviewRequest = new RequestType<PreviewParams, PreviewModel | null, void>(PREVIEW_REQUEST_METHOD);

/** The params of `drydock/podDetails`: those of the preview the pod belongs to, and the pod. */
export interface PodDetailsParams extends PreviewParams {
  /** "namespace/name" */
  pod: string;
}

export const POD_DETAILS_REQUEST_METHOD = 'drydock/podDetails';

/**
 * Request `drydock/podDetails` (client → server): the per-node filter verdicts and scores of one pod
 * of a preview, for models that left them out (`PreviewPod.detailsOmitted`). Answered from the same
 * dry run as the preview with the same params. Result: `PodDetails`, or null (no such pod now, or
 * malformed params).
 */
export const PodDetailsRequest = new RequestType<PodDetailsParams, PodDetails | null, void>(POD_DETAILS_REQUEST_METHOD);

/** The params of `drydock/routeQuery`: those of the preview the URL is asked of, and the URL. */
export interface RouteQueryParams extends PreviewParams {
  /** As typed: a scheme is optional (`shop.example.com/api`). */
  url: string;
}

export const ROUTE_QUERY_REQUEST_METHOD = 'drydock/routeQuery';

/**
 * Request `drydock/routeQuery` (client → server): which Ingress path, Service and pods of a preview
 * answer a URL (the Routes tab's box), from the same dry run as the preview with the same params.
 * Result: `PreviewRouteQueryResult`, or null (malformed params, or the document is not previewable).
 */
export const RouteQueryRequest = new RequestType<RouteQueryParams, PreviewRouteQueryResult | null, void>(ROUTE_QUERY_REQUEST_METHOD);

/** The params of `drydock/explainConnection`: those of the preview, and one cell of its reachability matrix. */
export interface ExplainConnectionParams extends PreviewParams {
  /** The row's and the column's endpoint labels (`ReachMatrixEndpoint.label`), or query endpoints ("ns/pod", an address). */
  from: string;
  to: string;
}

export const EXPLAIN_CONNECTION_REQUEST_METHOD = 'drydock/explainConnection';

/**
 * Request `drydock/explainConnection` (client → server): why a cell of the preview's reachability
 * matrix has its verdict, per direction and port, from the same dry run as the preview with the same
 * params. Result: `PreviewConnectionExplanation`, or null (no such endpoint now, or malformed params).
 */
export const ExplainConnectionRequest = new RequestType<ExplainConnectionParams, PreviewConnectionExplanation | null, void>(EXPLAIN_CONNECTION_REQUEST_METHOD);

/** The params of `drydock/whatIf`: those of the preview, and the events (`node-down:NODE@T`, `drain:NODE@T`, … as the CLI's `--event`). */
export interface WhatIfParams extends PreviewParams {
  events: WhatIfNodeEvent[];
}

export const WHAT_IF_REQUEST_METHOD = 'drydock/whatIf';

/**
 * Request `drydock/whatIf` (client → server): what happens to the preview's cluster when nodes fail,
 * are drained or cordoned (the node lifecycle timeline of `drydock whatif`), from the same dry run as
 * the preview with the same params. Result: `PreviewWhatIf`, or null (malformed params, or the
 * document is not previewable).
 */
export const WhatIfRequest = new RequestType<WhatIfParams, PreviewWhatIf | null, void>(WHAT_IF_REQUEST_METHOD);

export const SET_ROLLOUT_BASELINE_REQUEST_METHOD = 'drydock/setRolloutBaseline';

/**
 * Request `drydock/setRolloutBaseline` (client → server): roll one document out from git HEAD, the
 * saved file or another file (null: as `drydock.rollout.baseline` says), in its diagnostics and its
 * previews. Result: whether the choice was taken (false: malformed params).
 */
export const SetRolloutBaselineRequest = new RequestType<SetRolloutBaselineParams, boolean, void>(SET_ROLLOUT_BASELINE_REQUEST_METHOD);

/** The params of `drydock/previewChanged`. */
export interface PreviewChangedParams {
  /** Documents whose preview may differ; empty means "any". */
  uris: string[];
}

export const PREVIEW_CHANGED_NOTIFICATION = 'drydock/previewChanged';

/**
 * Notification `drydock/previewChanged` (server → client): the simulation inputs changed for reasons
 * the client cannot see (a file on disk, the cluster profile, settings, a dry run that finished). The
 * client asks `drydock/preview` again.
 */
export const PreviewChangedNotification = new NotificationType<PreviewChangedParams>(PREVIEW_CHANGED_NOTIFICATION);

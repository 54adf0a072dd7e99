import type { Disposable } from 'vscode';
import type { PodDetails, PreviewConnectionExplanation, PreviewModel, PreviewRouteQueryResult, PreviewScope } from '../../../server/src/protocol/preview';
import type { RequestType } from 'vscode-jsonrpc/lib/common/messages';
import { ExplainConnectionRequest, PodDetailsRequest, PreviewChangedNotification, PreviewRequest, RouteQueryRequest, WhatIfRequest, type PreviewChangedParams } from '../../../server/src/protocol/requests';
import type { PreviewWhatIf, WhatIfNodeEvent } from '../../../server/src/protocol/whatIf';

/** The part of `LanguageClient` the preview uses (a structural type, so tests can pass a fake). */
export interface PreviewConnection {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  onNotification(method: string, handler: (params: unknown) => void): Disposable;
}

export interface PreviewRequestOptions {
  neverReady: boolean;
}

/** The only place the host asks the language server for a preview (`drydock/preview`). */
export async function requestPreview(client: PreviewConnection, uri: string, scope: PreviewScope, options: PreviewRequestOptions): Promise<PreviewModel | null> {
  return send(client, PreviewRequest, { uri, scope, neverReady: options.neverReady });
}

/** The filters and scores of one pod of that preview (`drydock/podDetails`). */
export async function requestPodDetails(client: PreviewConnection, uri: string, scope: PreviewScope, options: PreviewRequestOptions, pod: string): Promise<PodDetails | null> {
  return send(client, PodDetailsRequest, { uri, scope, neverReady: options.neverReady, pod });
}

/** Which Ingress path, Service and pods of that preview answer a URL (`drydock/routeQuery`). */
export async function requestRouteQuery(client: PreviewConnection, uri: string, scope: PreviewScope, options: PreviewRequestOptions, url: string): Promise<PreviewRouteQueryResult | null> {
  return send(client, RouteQueryRequest, { uri, scope, neverReady: options.neverReady, url });
}

/** Why a cell of that preview's reachability matrix has its verdict (`drydock/explainConnection`). */
export async function requestConnectionExplanation(client: PreviewConnection, uri: string, scope: PreviewScope, options: PreviewRequestOptions, from: string, to: string): Promise<PreviewConnectionExplanation | null> {
  return send(client, ExplainConnectionRequest, { uri, scope, neverReady: options.neverReady, from, to });
}

/** What happens to that preview's cluster when nodes fail, are drained or cordoned (`drydock/whatIf`). */
export async function requestWhatIf(client: PreviewConnection, uri: string, scope: PreviewScope, options: PreviewRequestOptions, events: WhatIfNodeEvent[]): Promise<PreviewWhatIf | null> {
  return send(client, WhatIfRequest, { uri, scope, neverReady: options.neverReady, events });
}

/** Calls `onChange` with the URIs (empty = any) whenever the server says previews may have changed. */
export function onPreviewChanged(client: PreviewConnection, onChange: (uris: string[]) => void): Disposable {
  return client.onNotification(PreviewChangedNotification.method, (params) => {
    const uris = (params as Partial<PreviewChangedParams> | undefined)?.uris;
    onChange(Array.isArray(uris) ? uris.filter((uri): uri is string => typeof uri === 'string') : []);
  });
}

/**
 * Sends one of the protocol's typed requests: its params and result are checked against the
 * `RequestType` here; the connection sees only the method name (so a test's fake connection needs
 * no JSON-RPC types).
 */
function send<P, R>(client: PreviewConnection, type: RequestType<P, R, void>, params: P): Promise<R> {
  return client.sendRequest<R>(type.method, params);
}

import type { Disposable } from 'vscode';
import {
  POD_DETAILS_REQUEST_METHOD,
  PREVIEW_CHANGED_NOTIFICATION,
  PREVIEW_REQUEST_METHOD,
  type PodDetails,
  type PodDetailsParams,
  type PreviewChangedParams,
  type PreviewModel,
  type PreviewParams,
  type PreviewScope,
} from '../../../server/src/protocol/preview';

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
  const params: PreviewParams = { uri, scope, neverReady: options.neverReady };
  return client.sendRequest<PreviewModel | null>(PREVIEW_REQUEST_METHOD, params);
}

/** The filters and scores of one pod of that preview (`drydock/podDetails`). */
export async function requestPodDetails(client: PreviewConnection, uri: string, scope: PreviewScope, options: PreviewRequestOptions, pod: string): Promise<PodDetails | null> {
  const params: PodDetailsParams = { uri, scope, neverReady: options.neverReady, pod };
  return client.sendRequest<PodDetails | null>(POD_DETAILS_REQUEST_METHOD, params);
}

/** Calls `onChange` with the URIs (empty = any) whenever the server says previews may have changed. */
export function onPreviewChanged(client: PreviewConnection, onChange: (uris: string[]) => void): Disposable {
  return client.onNotification(PREVIEW_CHANGED_NOTIFICATION, (params) => {
    const uris = (params as Partial<PreviewChangedParams> | undefined)?.uris;
    onChange(Array.isArray(uris) ? uris.filter((uri): uri is string => typeof uri === 'string') : []);
  });
}

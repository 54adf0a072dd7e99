import type { HostToWebview, PersistedPreviewState, WebviewToHost } from '../../server/src/protocol/webviewMessages';

/** The object VS Code injects into webviews (once per page load). */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** Typed access to the host: every message that leaves or enters the webview goes through here. */
export class HostChannel {
  private readonly api: VsCodeApi = acquireVsCodeApi();

  post(message: WebviewToHost): void {
    this.api.postMessage(message);
  }

  /** The state saved before a reload (or a tab switch that destroyed the page), unvalidated. */
  savedState(): unknown {
    return this.api.getState();
  }

  save(state: PersistedPreviewState): void {
    this.api.setState(state);
  }

  /** Calls `handler` for every message from the host whose `type` is known. */
  listen(handler: (message: HostToWebview) => void): void {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (isHostMessage(event.data)) handler(event.data);
    });
  }
}

const HOST_MESSAGE_TYPES: ReadonlySet<string> = new Set<HostToWebview['type']>(['update', 'status', 'selectPod', 'showView', 'podDetails', 'connectionExplanation', 'routeAnswer', 'askWhatIf', 'whatIfAnswer']);

function isHostMessage(data: unknown): data is HostToWebview {
  return typeof data === 'object' && data !== null && HOST_MESSAGE_TYPES.has(String((data as { type?: unknown }).type));
}

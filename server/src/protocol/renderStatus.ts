import { NotificationType } from 'vscode-jsonrpc/lib/common/messages';

/** How each rendered chart or overlay fared, after a render that changed something (server → client). */
export interface RenderStatusParams {
  targets: Array<{
    /** The chart's or overlay's folder, as a file URI. */
    root: string;
    kind: 'helm' | 'kustomize';
    state: 'rendered' | 'failed' | 'no-tool' | 'untrusted' | 'remote';
    ms: number;
    objects: number;
    /** Why it was not rendered (the tool's own message when it failed); empty when rendered. */
    message: string;
  }>;
}

export const RenderStatusNotification = new NotificationType<RenderStatusParams>('drydock/renderStatus');

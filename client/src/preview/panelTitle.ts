import * as vscode from 'vscode';
import type { PreviewScope } from '../../../server/src/protocol/preview';

/** The preview panel's title, in the display language: what it previews (`previewed`: a document or a chart's folder). */
export function previewPanelTitle(scope: PreviewScope, previewed: string | null): string {
  if (scope === 'workspace') return vscode.l10n.t('Cluster preview: workspace');
  const name = previewed ? fileName(previewed) : '';
  if (!name) return vscode.l10n.t('Cluster preview');
  return scope === 'folder' ? vscode.l10n.t('Cluster preview: {0} and its folder', name) : vscode.l10n.t('Cluster preview: {0}', name);
}

/** The last segment of a URI, decoded when it can be. */
function fileName(uri: string): string {
  const last = uri.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

import * as l10n from '@vscode/l10n';
import type { PreviewView } from '../../server/src/protocol/webviewMessages';

/** The preview's tabs, in order. */
export const PREVIEW_VIEWS: readonly PreviewView[] = ['nodes', 'pending', 'rollout', 'services', 'network', 'routes', 'whatif'];

/** A tab's name in the page's language (computed when drawn: the language arrives with the first model). */
export function tabLabel(view: PreviewView): string {
  switch (view) {
    case 'nodes': return l10n.t('Nodes');
    case 'pending': return l10n.t('Pending');
    case 'rollout': return l10n.t('Rollout');
    case 'services': return l10n.t('Services');
    case 'network': return l10n.t('Network');
    case 'routes': return l10n.t('Routes');
    case 'whatif': return l10n.t('What if');
  }
}

/** "Nodes (6)", "Pending (3)": the tabs that count what they show. */
export function countedTabLabel(view: 'nodes' | 'pending', count: number): string {
  return view === 'nodes' ? l10n.t('Nodes ({0})', count) : l10n.t('Pending ({0})', count);
}

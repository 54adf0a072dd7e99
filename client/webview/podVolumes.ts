import type { PreviewPod, SourceLocation } from '../../server/src/protocol/preview';
import { button, el, type Child } from './dom';
import * as l10n from '@vscode/l10n';
import { claimCount } from './counts';

/**
 * The pod's claims and the PersistentVolume each got after the dry run, or why none (the PV
 * controller's or the scheduler's words, verbatim); each claim reveals where it is written when known.
 * Nothing for a pod without claims.
 */
export function renderPodVolumes(pod: PreviewPod, reveal: (location: SourceLocation) => void): HTMLElement | null {
  const volumes = pod.volumes ?? [];
  if (volumes.length === 0) return null;
  const omitted = pod.volumesOmitted ?? 0;
  const table = el('table', { class: 'data-table volumes-table' },
    el('caption', {}, l10n.t('Each claim of the pod and the PersistentVolume it is bound to after the dry run, or why none is')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, l10n.t('Claim')), el('th', { scope: 'col' }, 'PersistentVolume'))),
    el('tbody', {}, ...volumes.map((volume) => el('tr', { class: volume.pv === null ? 'volume-unbound' : false },
      el('th', { scope: 'row', class: 'volume-claim' }, claimCell(volume.claim, volume.source, reveal)),
      el('td', {}, volume.pv ?? el('span', {}, el('span', { class: 'muted' }, l10n.t('none:'), ' '), volume.reason ?? l10n.t('not bound'))),
    ))),
  );
  return el('section', { class: 'details-section' },
    el('h3', {}, l10n.t('Volumes: {0}', claimCount(volumes.length + omitted))),
    el('div', { class: 'table-scroll' }, table),
    omitted > 0 && el('p', { class: 'muted' }, omitted === 1 ? l10n.t('{0} more claim not listed.', omitted) : l10n.t('{0} more claims not listed.', omitted)),
  );
}

function claimCell(claim: string, source: SourceLocation | null | undefined, reveal: (location: SourceLocation) => void): Child {
  if (!source) return claim;
  return button(claim, { class: 'link', 'aria-label': l10n.t('Claim {0}: reveal it in the editor', claim), title: l10n.t('Reveal where the claim is written') }, () => reveal(source));
}

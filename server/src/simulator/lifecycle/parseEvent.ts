import * as l10n from '@vscode/l10n';
import type { WhatIfEvent, WhatIfEventKind } from './timeline';

const KINDS: readonly WhatIfEventKind[] = ['node-down', 'node-up', 'cordon', 'drain'];

/**
 * `KIND:NODE[@T]` → an event, or the reason it is not one. T is whole seconds from the start (0 when
 * left out); `node-up` needs it (the node must have been down first).
 */
export function parseWhatIfEvent(text: string): WhatIfEvent | { error: string } {
  const colon = text.indexOf(':');
  const kind = colon === -1 ? text : text.slice(0, colon);
  if (!(KINDS as readonly string[]).includes(kind)) return { error: l10n.t('event "{0}": the kind must be one of {1} (as KIND:NODE[@SECONDS])', text, KINDS.join(', ')) };
  const rest = colon === -1 ? '' : text.slice(colon + 1);
  const at = rest.lastIndexOf('@');
  const node = at === -1 ? rest : rest.slice(0, at);
  if (node === '') return { error: l10n.t('event "{0}" names no node ({1}:NODE[@SECONDS])', text, kind) };
  if (at === -1 && kind === 'node-up') return { error: l10n.t('event "{0}": node-up needs a time (node-up:NODE@SECONDS)', text) };
  const seconds = at === -1 ? '0' : rest.slice(at + 1);
  if (!/^\d{1,9}$/.test(seconds)) return { error: l10n.t('event "{0}": the time must be whole seconds (e.g. {1}:{2}@60)', text, kind, node) };
  return { kind: kind as WhatIfEventKind, node, at: Number(seconds) };
}

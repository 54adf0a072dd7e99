import type { PreviewModel, PreviewScope } from '../../server/src/protocol/preview';
import { el, replaceChildren } from './dom';
import { plural } from './format';

export type StatusState = 'loading' | 'idle' | 'error' | 'empty';

/**
 * The top bar: what is previewed (file or workspace, with a switch), the Kubernetes version, the
 * simulator's problem count and a status line announced to screen readers.
 */
export class Header {
  readonly element: HTMLElement;
  private readonly title = el('h1', { class: 'title' }, 'Cluster preview');
  private readonly facts = el('span', { class: 'muted header-facts' });
  private readonly status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly radios: Record<PreviewScope, HTMLInputElement>;

  constructor(onScope: (scope: PreviewScope) => void) {
    const radio = (scope: PreviewScope, label: string) => {
      const input = el('input', { type: 'radio', name: 'scope', value: scope, id: `scope-${scope}` });
      input.addEventListener('change', () => {
        if (input.checked) onScope(scope);
      });
      return { input, label: el('label', { for: `scope-${scope}` }, label) };
    };
    const file = radio('file', 'This file');
    const workspace = radio('workspace', 'Workspace');
    this.radios = { file: file.input, workspace: workspace.input };
    this.element = el('header', { class: 'header' },
      this.title,
      el('fieldset', { class: 'scope' }, el('legend', { class: 'visually-hidden' }, 'Manifests to simulate'), file.input, file.label, workspace.input, workspace.label),
      this.facts,
      this.status,
    );
  }

  setScope(scope: PreviewScope): void {
    this.radios[scope].checked = true;
  }

  showModel(model: PreviewModel): void {
    const name = model.source.scope === 'workspace' ? 'Workspace manifests' : fileName(model.source.uri);
    this.title.textContent = `Cluster preview — ${name}`;
    const diagnostics = model.simulation.diagnostics;
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    replaceChildren(this.facts,
      `Kubernetes ${model.kubernetesVersion}`,
      diagnostics.length > 0 && el('span', { title: diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n') },
        ' · ', el('span', { class: errors ? 'error-text' : 'warning-icon', 'aria-hidden': 'true' }, errors ? '⊗ ' : '⚠ '),
        `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`),
    );
  }

  setStatus(state: StatusState, message: string): void {
    this.status.textContent = message;
    this.status.className = `status status-${state}`;
    document.body.setAttribute('aria-busy', String(state === 'loading'));
  }
}

function fileName(uri: string | null): string {
  if (!uri) return 'no manifest';
  const last = uri.split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

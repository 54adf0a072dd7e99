import type { PreviewCluster, PreviewModel, PreviewProject, PreviewScope } from '../../server/src/protocol/preview';
import { el, replaceChildren } from './dom';
import * as l10n from '@vscode/l10n';
import { errorCount, nodeCount, warningCount } from './counts';

export type StatusState = 'loading' | 'idle' | 'error' | 'empty';

/**
 * The top bar: what is previewed (this file, its folder and below, the workspace, or one of the workspace's charts and
 * overlays as rendered, picked in a list beside its radio), the Kubernetes version, the simulator's
 * problem count and a status line announced to screen readers.
 */
export class Header {
  readonly element: HTMLElement;
  private readonly title = el('h1', { class: 'title' }, l10n.t('Cluster preview'));
  private readonly facts = el('span', { class: 'muted header-facts' });
  private readonly status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly radios: Record<PreviewScope, HTMLInputElement>;
  /** The charts and overlays (option value: the project's folder URI), with their radio; hidden when there are none. */
  private readonly projectSelect = el('select', { id: 'scope-project-choice', 'aria-label': l10n.t('Chart or overlay to simulate') });
  private readonly projectChoice: HTMLElement;
  private listedProjects = '';
  /** The simulated cluster, and the workspace's cluster files to switch to (option value: the file URI; '' the built-in cluster). */
  private readonly clusterSelect = el('select', { id: 'cluster-choice', 'aria-label': l10n.t('Simulated cluster (sets {0})', 'drydock.cluster') });
  private readonly clusterChoice = el('span', { class: 'cluster-chip' }, el('label', { for: 'cluster-choice' }, l10n.t('Cluster:'), ' '), this.clusterSelect);
  private listedClusters = '';

  constructor(onScope: (scope: PreviewScope, project?: string) => void, onCluster: (uri: string | null) => void = () => undefined) {
    this.clusterSelect.addEventListener('change', () => onCluster(this.clusterSelect.value === '' ? null : this.clusterSelect.value));
    const radio = (scope: PreviewScope, label: string) => {
      const input = el('input', { type: 'radio', name: 'scope', value: scope, id: `scope-${scope}` });
      input.addEventListener('change', () => {
        if (input.checked) onScope(scope);
      });
      return { input, label: el('label', { for: `scope-${scope}` }, label) };
    };
    const file = radio('file', l10n.t('This file'));
    const folder = radio('folder', l10n.t('This folder'));
    const workspace = radio('workspace', l10n.t('Workspace'));
    const project = el('input', { type: 'radio', name: 'scope', value: 'project', id: 'scope-project' });
    project.addEventListener('change', () => {
      if (project.checked && this.projectSelect.value) onScope('project', this.projectSelect.value);
    });
    this.projectSelect.addEventListener('change', () => {
      project.checked = true;
      onScope('project', this.projectSelect.value);
    });
    this.projectChoice = el('span', { class: 'scope', hidden: true }, project, el('label', { for: 'scope-project' }, l10n.t('Chart or overlay')), this.projectSelect);
    this.radios = { file: file.input, folder: folder.input, workspace: workspace.input, project };
    this.element = el('header', { class: 'header' },
      this.title,
      el('fieldset', { class: 'scope' }, el('legend', { class: 'visually-hidden' }, l10n.t('Manifests to simulate')), file.input, file.label, folder.input, folder.label, workspace.input, workspace.label, this.projectChoice),
      this.clusterChoice,
      this.facts,
      this.status,
    );
  }

  /** The cluster chip: "built-in (6 nodes)" or the profile file, and the workspace's other cluster files. */
  setCluster(cluster: PreviewCluster | undefined): void {
    this.clusterChoice.hidden = cluster === undefined;
    if (!cluster) return;
    const options: Array<{ value: string; text: string }> = [{ value: '', text: cluster.file === null ? l10n.t('built-in ({0})', nodeCount(cluster.nodes)) : l10n.t('built-in') }];
    for (const choice of cluster.choices) options.push({ value: choice.uri, text: `${choice.label} (${nodeCount(choice.uri === cluster.file ? cluster.nodes : choice.nodes)})` });
    if (cluster.file !== null && !cluster.choices.some((choice) => choice.uri === cluster.file)) options.push({ value: cluster.file, text: `${cluster.label} (${nodeCount(cluster.nodes)})` });
    const listed = JSON.stringify(options);
    if (listed !== this.listedClusters) {
      this.listedClusters = listed;
      replaceChildren(this.clusterSelect, ...options.map((option) => el('option', { value: option.value }, option.text)));
    }
    this.clusterSelect.value = cluster.file ?? '';
  }

  setScope(scope: PreviewScope): void {
    this.radios[scope].checked = true;
  }

  /** The charts and overlays to offer, `current` selected (the one previewed, or last chosen). */
  setProjects(projects: readonly PreviewProject[], current: string | null): void {
    const listed = JSON.stringify(projects);
    if (listed !== this.listedProjects) {
      this.listedProjects = listed;
      replaceChildren(this.projectSelect, ...projects.map((p) => el('option', { value: p.uri }, projectLabel(p))));
    }
    this.projectChoice.hidden = projects.length === 0;
    if (current && projects.some((p) => p.uri === current)) this.projectSelect.value = current;
  }

  showModel(model: PreviewModel): void {
    const project = model.source.scope === 'project' ? model.projects?.find((p) => p.uri === model.source.uri) : undefined;
    const name = model.source.scope === 'workspace' ? l10n.t('Workspace manifests') : model.source.scope === 'folder' ? l10n.t('folder {0}', folderName(model.source.uri)) : project ? projectLabel(project) : fileName(model.source.uri);
    this.title.textContent = l10n.t('Cluster preview — {0}', name);
    const diagnostics = model.simulation.diagnostics;
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    replaceChildren(this.facts,
      `Kubernetes ${model.kubernetesVersion}`,
      diagnostics.length > 0 && el('span', { title: diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n') },
        ' · ', el('span', { class: errors ? 'error-text' : 'warning-icon', 'aria-hidden': 'true' }, errors ? '⊗ ' : '⚠ '),
        `${errorCount(errors)}, ${warningCount(warnings)}`),
    );
  }

  setStatus(state: StatusState, message: string): void {
    this.status.textContent = message;
    this.status.className = `status status-${state}`;
    document.body.setAttribute('aria-busy', String(state === 'loading'));
  }
}

/** "chart charts/platform (values.yaml)", "overlay overlays/prod (not rendered)". */
function projectLabel(project: PreviewProject): string {
  const values = project.valuesFiles && project.valuesFiles.length > 0 ? ` (${project.valuesFiles.join(', ')})` : '';
  const named = project.kind === 'helm' ? l10n.t('chart {0}', project.label) : l10n.t('overlay {0}', project.label);
  return `${named}${values}${project.problem ? ` (${l10n.t('not rendered')})` : ''}`;
}

/** The folder of the previewed document, by its own name ("new" for …/rollout/new/api.yaml). */
function folderName(uri: string | null): string {
  if (!uri) return l10n.t('no manifest');
  return fileName(uri.slice(0, Math.max(0, uri.lastIndexOf('/'))));
}

function fileName(uri: string | null): string {
  if (!uri) return l10n.t('no manifest');
  const last = uri.split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

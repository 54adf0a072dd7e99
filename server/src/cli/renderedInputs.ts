import * as l10n from '@vscode/l10n';
import { basename, dirname, relative, resolve } from 'node:path';
import { manifestsOf } from '../language/manifests';
import { renderedManifests } from '../language/render/renderedManifests';
import { normalizePath } from '../language/projects/projectLayout';
import { feedsTarget } from '../language/projects/renderTargets';
import type { RenderedProject } from '../language/render/renderedProject';
import type { Manifest } from '../simulator/model/source';
import type { ParsedArgs } from './args';
import { inputLayout } from './inputLayout';
import type { InputFile, Inputs } from './inputs';
import { renderInputs, type TargetRender } from './renderInputs';

/** A chart or overlay rendered for a dry run: its objects stand for its source files. */
export interface RenderedInput {
  /** The path the rendered objects carry (`<chart dir>#rendered`): findings on it are placed in the sources. */
  path: string;
  project: RenderedProject;
}

export interface DryRunProjects {
  /** The inputs without the files a rendered chart or overlay is made of, plus one file per render. */
  inputs: Inputs;
  rendered: RenderedInput[];
  /** Projects that could not be rendered: `path: why`, for stderr. */
  problems: string[];
}

/**
 * The dry-run commands' inputs with their charts and overlays rendered (`simulate`, `reach`,
 * `rollout`): the files that make a rendered project are replaced by what it renders to, a Helm chart's
 * test hooks (`helm.sh/hook: test…`, run only by `helm test`) left out. A project that cannot be
 * rendered keeps its files as they are, and is named in `problems`.
 */
export async function withRenderedProjects(inputs: Inputs, args: Extract<ParsedArgs, { ok: true }>, cwd: string): Promise<DryRunProjects> {
  const layout = await inputLayout(inputs.files, cwd);
  // A chart's values file named as an input (`rollout --from chart/values.yaml --to chart/values-prod.yaml`) renders its chart with it.
  const moreValues = inputs.files.map((file) => normalizePath(resolve(cwd, file.path))).filter((path) => isChartValuesFile(path, layout.chartRoots));
  const renders: TargetRender[] = await renderInputs(layout, args, cwd, moreValues);
  const rendered: RenderedInput[] = [];
  const problems: string[] = [];
  let files = inputs.files;
  for (const { target, outcome } of renders) {
    const shown = displayPath(target.root, cwd);
    if (outcome.kind !== 'rendered') {
      const why = outcome.kind === 'failed' ? outcome.message : outcome.kind === 'no-tool' ? l10n.t('no {0} found: pass --{1}', target.kind === 'helm' ? 'helm' : 'kustomize', target.kind === 'helm' ? 'helm PATH' : 'kustomize "CMD"') : outcome.kind;
      problems.push(l10n.t('{0}: not rendered ({1}); its files are used as they are', shown, why));
      continue;
    }
    files = files.filter((file) => !feedsTarget(normalizePath(resolve(cwd, file.path)), target));
    const path = `${shown}#rendered`;
    rendered.push({ path, project: outcome.project });
    files.push(renderedFile(path, outcome.project));
  }
  return { inputs: { files, errors: inputs.errors }, rendered, problems };
}

/** `values*.yaml` beside a `Chart.yaml` (the chart's own values.yaml is read by helm anyway). */
function isChartValuesFile(path: string, chartRoots: ReadonlySet<string>): boolean {
  const name = basename(path);
  return chartRoots.has(dirname(path)) && /^values.*\.ya?ml$/.test(name) && name !== 'values.yaml';
}

function renderedFile(path: string, project: RenderedProject): InputFile {
  return { path, text: project.parsed.text, parsed: project.parsed, isManifest: true };
}

/** The manifests of the inputs, a chart's test hooks left out of a rendered project. */
export function dryRunManifests(inputs: Inputs, rendered: readonly RenderedInput[]): Manifest[] {
  const projects = new Map(rendered.map((r) => [r.path, r.project]));
  return inputs.files.flatMap((file) => {
    const project = projects.get(file.path);
    return project ? renderedManifests(file.path, project) : manifestsOf(file.path, file.parsed);
  });
}

function displayPath(full: string, cwd: string): string {
  const rel = relative(cwd, full);
  return rel === '' ? '.' : rel.startsWith('..') ? full : rel;
}

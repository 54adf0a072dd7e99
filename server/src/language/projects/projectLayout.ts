import { posix } from 'node:path';
import { DRYDOCK_CONFIG_NAMES } from '../config/drydockConfigSchema';
import type { KustomizationInputs } from './kustomizationRefs';

/**
 * Where Helm charts and Kustomize roots are, as the owner of the language service knows it (the
 * server from its workspace scan, the CLI from its input walk). The language service reads no files:
 * it decides what a file is from its path and this layout. Paths are absolute or relative to one
 * working directory, but the same kind throughout; `normalizePath` makes them comparable.
 */
export interface ProjectLayout {
  /** The directories that hold a `Chart.yaml`. */
  readonly chartRoots: ReadonlySet<string>;
  /** The files a kustomization lists as patches (`patches[].path`, `patchesStrategicMerge`). */
  readonly patchFiles: ReadonlySet<string>;
  /** The files a kustomization lists as `resources`: inputs to its build, completed by its transformers. */
  readonly resourceFiles: ReadonlySet<string>;
  /** The directories that hold a kustomization, with what each builds on. */
  readonly kustomizeRoots: ReadonlyMap<string, KustomizationInputs>;
}

export const EMPTY_LAYOUT: ProjectLayout = { chartRoots: new Set(), patchFiles: new Set(), resourceFiles: new Set(), kustomizeRoots: new Map() };

/** A layout's content as one string: two layouts with the same key give every file the same role (and render the same projects). */
export function layoutKey(layout: ProjectLayout): string {
  const roots = [...layout.kustomizeRoots].map(([dir, inputs]) => [dir, inputs.kind, inputs.local, inputs.remote]).sort();
  return JSON.stringify([[...layout.chartRoots].sort(), [...layout.patchFiles].sort(), [...layout.resourceFiles].sort(), roots]);
}

/**
 * What a file is to Drydock:
 * - `manifest`: Kubernetes objects, validated as such (also a chart's `crds/`);
 * - `chart-metadata`: a chart's `Chart.yaml` (not a Kubernetes object; only the not-rendered note);
 * - `chart-source`: any other file of a chart (values, templates, subcharts): not validated;
 * - `kustomization`: validated against the Kustomization schema;
 * - `patch`: a partial object, validated with no field required;
 * - `resource`: a kustomization's resource: objects, validated as manifests except that a required
 *   field may be left to the build's transformers (a selector that `labels` adds); the built output is
 *   where a still-missing field is reported;
 * - `drydock-config`: a `.drydock.yaml`, validated against its own schema (language/config/).
 */
export type FileRole = 'manifest' | 'chart-metadata' | 'chart-source' | 'kustomization' | 'patch' | 'resource' | 'drydock-config';

/** The names kustomize reads a kustomization from, in the order it tries them. */
export const KUSTOMIZATION_FILE_NAMES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const KUSTOMIZATION_NAMES: ReadonlySet<string> = new Set(KUSTOMIZATION_FILE_NAMES);

export function isKustomizationFile(path: string): boolean {
  return KUSTOMIZATION_NAMES.has(posix.basename(normalizePath(path)));
}

export function isDrydockConfigFile(path: string): boolean {
  return DRYDOCK_CONFIG_NAMES.includes(posix.basename(normalizePath(path)));
}

export function isChartFile(path: string): boolean {
  return posix.basename(normalizePath(path)) === 'Chart.yaml';
}

/** Forward slashes, no `.` or `..` segments, no trailing slash. */
export function normalizePath(path: string): string {
  const normalized = posix.normalize(path.replace(/\\/g, '/'));
  return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

/** The role of the file at `path` (see FileRole). The outermost chart around a file decides: a subchart is a chart's source. */
export function fileRole(path: string, layout: ProjectLayout): FileRole {
  const file = normalizePath(path);
  if (isDrydockConfigFile(file)) return 'drydock-config';
  const chart = outermostChart(file, layout.chartRoots);
  if (chart !== undefined) {
    const inside = chart === '.' ? file : file.slice(chart.length + 1);
    if (inside === 'Chart.yaml') return 'chart-metadata';
    if (inside.startsWith('crds/')) return 'manifest';
    return 'chart-source';
  }
  // Named so, a file is a chart's metadata even before its owner knows the chart (a file opened outside any workspace).
  if (isChartFile(file)) return 'chart-metadata';
  if (isKustomizationFile(file)) return 'kustomization';
  if (layout.patchFiles.has(file)) return 'patch';
  if (layout.resourceFiles.has(file)) return 'resource';
  return 'manifest';
}

function outermostChart(file: string, chartRoots: ReadonlySet<string>): string | undefined {
  let found: string | undefined;
  let dir = posix.dirname(file);
  for (;;) {
    if (chartRoots.has(dir)) found = dir;
    const parent = posix.dirname(dir);
    if (parent === dir) return found;
    dir = parent;
  }
}

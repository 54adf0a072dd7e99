import * as l10n from '@vscode/l10n';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { shadowCopy } from './shadowCopy';
import { helmRendered } from '../../language/render/helmOutput';
import { kustomizeRendered } from '../../language/render/kustomizeOutput';
import type { RenderOutcome } from '../../language/render/renderOutcome';
import { runTool, type ToolResult } from './runTool';
import type { RenderToolCommands, ToolCommand } from './toolCommands';

export interface RenderJob {
  kind: 'helm' | 'kustomize';
  /** The chart's or the kustomization's directory, absolute. */
  root: string;
  /** Helm: values files beyond the chart's own values.yaml, absolute, in order. */
  valuesFiles: readonly string[];
  tools: RenderToolCommands;
  timeoutMs?: number;
  /**
   * The editor's unsaved texts (absolute path → text). When one is under `copyRoot` (the chart, or the
   * folder around all of an overlay's kustomizations), the project is rendered from a temporary copy
   * with them in it (shadowCopy.ts); the findings still name the user's files.
   */
  unsaved?: ReadonlyMap<string, string>;
  copyRoot?: string;
}

export const RENDER_TIMEOUT_MS = 20_000;
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/**
 * Renders a chart with `helm template` or an overlay with kustomize. Helm renders the chart as
 * `helm install` would (no `--dependency-update`: subcharts come from `charts/` only). Kustomize builds
 * through a wrapper kustomization in a temporary folder that names the overlay as its one resource and
 * asks for origin and transformer annotations: the user's files are never written. Never throws.
 */
export async function renderProject(job: RenderJob): Promise<RenderOutcome> {
  const copyRoot = job.copyRoot ?? job.root;
  const unsaved = new Map([...(job.unsaved ?? [])].filter(([path]) => isUnder(path, copyRoot)));
  if (unsaved.size === 0) return renderAt(job, job.root);
  const shadow = await shadowCopy(copyRoot, unsaved);
  if (!shadow) return renderAt(job, job.root);
  try {
    const outcome = await renderAt(job, join(shadow.root, relative(copyRoot, job.root)));
    return fromShadow(outcome, shadow.root, copyRoot);
  } finally {
    await shadow.dispose();
  }
}

/** Renders the project whose files are at `at` (its own folder, or a shadow copy of it); origins name `job.root`'s files. */
async function renderAt(job: RenderJob, at: string): Promise<RenderOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const tool = job.kind === 'helm' ? job.tools.helm : job.tools.kustomize;
  if (!tool) return { kind: 'no-tool', tool: job.kind };
  const timeoutMs = job.timeoutMs ?? RENDER_TIMEOUT_MS;
  if (job.kind === 'helm') {
    const args = ['template', at, ...job.valuesFiles.flatMap((file) => ['--values', file])];
    const result = await run(tool, args, at, timeoutMs);
    if (result.kind !== 'ok') return failure(result, 'helm', elapsed());
    return { kind: 'rendered', project: helmRendered(job.root, [join(job.root, 'values.yaml'), ...job.valuesFiles], result.stdout), ms: elapsed() };
  }
  let wrapper: string | undefined;
  try {
    wrapper = await mkdtemp(join(tmpdir(), 'drydock-kustomize-'));
    const target = relative(wrapper, at).split('\\').join('/');
    const kustomization = [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      `- ${JSON.stringify(target)}`,
      'buildMetadata: [originAnnotations, transformerAnnotations]',
      '',
    ].join('\n');
    await writeFile(join(wrapper, 'kustomization.yaml'), kustomization);
    const result = await run(tool, [wrapper], at, timeoutMs);
    if (result.kind !== 'ok') return failure(result, 'kustomize', elapsed(), wrapper, at);
    return { kind: 'rendered', project: kustomizeRendered(job.root, wrapper, result.stdout), ms: elapsed() };
  } catch (error) {
    return { kind: 'failed', message: l10n.t('could not run kustomize: {0}', (error as Error).message), ms: elapsed() };
  } finally {
    if (wrapper) await rm(wrapper, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** An outcome rendered from a shadow copy, told in the user's paths. */
function fromShadow(outcome: RenderOutcome, shadowRoot: string, realRoot: string): RenderOutcome {
  const real = (path: string): string => (isUnder(path, shadowRoot) ? join(realRoot, relative(shadowRoot, path)).split('\\').join('/') : path);
  if (outcome.kind === 'failed') return { ...outcome, message: outcome.message.split(shadowRoot).join(realRoot) };
  if (outcome.kind !== 'rendered') return outcome;
  const origins = outcome.project.origins.map((origin) => ({ ...origin, file: origin.file === undefined ? undefined : real(origin.file), configuredIn: origin.configuredIn.map(real) }));
  return { ...outcome, project: { ...outcome.project, origins } };
}

function isUnder(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function run(tool: ToolCommand, args: readonly string[], cwd: string, timeoutMs: number): Promise<ToolResult> {
  return runTool({ command: tool.command, args: [...tool.args, ...args], cwd, timeoutMs, maxOutputBytes: MAX_OUTPUT_BYTES });
}

function failure(result: Exclude<ToolResult, { kind: 'ok' }>, tool: 'helm' | 'kustomize', ms: number, wrapper?: string, root?: string): RenderOutcome {
  switch (result.kind) {
    case 'not-found':
      return { kind: 'no-tool', tool, command: result.command };
    case 'timeout':
      return { kind: 'failed', message: l10n.t('{0} did not finish within {1} s and was stopped', tool, result.seconds), ms };
    case 'too-large':
      return { kind: 'failed', message: l10n.t('{0} printed more than {1} MB and was stopped', tool, MAX_OUTPUT_BYTES / 1024 / 1024), ms };
    case 'failed': {
      let message = toolMessage(result.stderr) || `${tool} exited with code ${String(result.exitCode)}`;
      // The wrapper's paths mean nothing to the user: say them from the overlay.
      if (wrapper && root) message = message.split(wrapper).join('<build>').split(`${relative(wrapper, root)}`).join(root);
      return { kind: 'failed', message, ms };
    }
  }
}

/** The error a tool printed, without its `Error:` prefix and usage chatter. */
export function toolMessage(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  const error = lines.find((line) => /^error:/i.test(line)) ?? lines[lines.length - 1] ?? '';
  return error.replace(/^error:\s*/i, '');
}

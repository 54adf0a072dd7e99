import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { normalizePath, type ProjectLayout } from '../language/projects/projectLayout';
import { renderTargets, type RenderTarget } from '../language/projects/renderTargets';
import type { RenderOutcome } from '../language/render/renderOutcome';
import { renderProject } from '../workspace/render/renderProject';
import { renderToolCommands } from '../workspace/render/toolCommands';
import type { ParsedArgs } from './args';
import type { InputFile } from './inputs';
import { CliConfigs } from './cliConfigs';

/** The options every command that reads charts and overlays takes. */
export const RENDER_OPTIONS = { helm: 'string', kustomize: 'string', values: 'repeat' } as const;
export const RENDER_USAGE = '[--helm PATH] [--kustomize "CMD"] [--values FILE]...';

export interface TargetRender {
  target: RenderTarget;
  outcome: RenderOutcome;
}

/**
 * Renders the charts and overlays of a run's inputs (renderTargets.ts decides which), one after the
 * other: `helm template` with the chart's values.yaml and every `--values FILE`, kustomize through a
 * wrapper that asks for origins. The tools are the flags', else DRYDOCK_HELM / DRYDOCK_KUSTOMIZE,
 * else found on PATH; a run with none gets the `render/not-rendered` note instead.
 */
export async function renderInputs(layout: ProjectLayout, args: Extract<ParsedArgs, { ok: true }>, cwd: string, moreValues: readonly string[] = []): Promise<TargetRender[]> {
  const tools = renderToolCommands({ helmPath: args.options.helm, kustomizeCommand: args.options.kustomize });
  const valuesFiles = [...(args.repeated.values ?? []), ...moreValues].map((file) => normalizePath(resolve(cwd, file)));
  // `.drydock.yaml`'s helm.valuesFiles, relative to each chart, unless --values names some (its problems were told by the command).
  const configs = args.repeated.values?.length ? undefined : new CliConfigs(cwd, () => undefined, 'checks');
  const renders: TargetRender[] = [];
  for (const target of renderTargets(layout)) {
    if (target.remote.length > 0) {
      renders.push({ target, outcome: { kind: 'remote', refs: target.remote } });
      continue;
    }
    renders.push({ target, outcome: await renderProject({ kind: target.kind, root: target.root, valuesFiles: target.kind === 'helm' ? [...valuesFiles, ...(configs?.helmValuesOf(target.root) ?? []).map(normalizePath)] : [], tools }) });
  }
  return renders;
}

/** A source file's text for mapping findings: the input's when it is one, else read from disk (undefined when unreadable). */
export function sourceReader(files: readonly InputFile[], cwd: string): (file: string) => string | undefined {
  const inputs = new Map(files.map((file) => [normalizePath(resolve(cwd, file.path)), file.text]));
  const read = new Map<string, string | undefined>();
  return (file) => {
    const path = normalizePath(file);
    if (inputs.has(path)) return inputs.get(path);
    if (!read.has(path)) {
      try {
        read.set(path, readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
      } catch {
        read.set(path, undefined);
      }
    }
    return read.get(path);
  };
}

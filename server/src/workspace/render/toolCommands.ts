import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A program and the arguments that come before Drydock's own (`kubectl` + `kustomize`). */
export interface ToolCommand {
  command: string;
  args: readonly string[];
}

/** What the user named, if anything: a setting (editor) or a flag (CLI). */
export interface RenderToolChoice {
  /** `drydock.helm.path` / `--helm PATH`. */
  helmPath?: string;
  /** `drydock.kustomize.command` / `--kustomize "CMD"`, e.g. `kustomize build` or `kubectl kustomize`. */
  kustomizeCommand?: string;
}

export interface RenderToolCommands {
  helm?: ToolCommand;
  kustomize?: ToolCommand;
}

/**
 * The helm and kustomize to run: what the user named (setting or flag), else `DRYDOCK_HELM` /
 * `DRYDOCK_KUSTOMIZE`, else found on PATH (`helm`; `kustomize build`, or `kubectl kustomize` when only
 * kubectl is installed). A named one is used as given, so a wrong path fails loudly (as "not found").
 */
export function renderToolCommands(choice: RenderToolChoice, env: NodeJS.ProcessEnv = process.env): RenderToolCommands {
  const helmPath = nonEmpty(choice.helmPath) ?? nonEmpty(env.DRYDOCK_HELM);
  const kustomizeNamed = nonEmpty(choice.kustomizeCommand) ?? nonEmpty(env.DRYDOCK_KUSTOMIZE);
  const result: RenderToolCommands = {};
  const helm = helmPath ?? onPath('helm', env);
  if (helm) result.helm = { command: helm, args: [] };
  if (kustomizeNamed) result.kustomize = splitCommand(kustomizeNamed);
  else {
    const kustomize = onPath('kustomize', env);
    const kubectl = kustomize ? undefined : onPath('kubectl', env);
    if (kustomize) result.kustomize = { command: kustomize, args: ['build'] };
    else if (kubectl) result.kustomize = { command: kubectl, args: ['kustomize'] };
  }
  return result;
}

/** `kubectl kustomize`, `"/opt/my tools/kustomize" build`: words split on spaces, double or single quotes group. */
export function splitCommand(text: string): ToolCommand {
  const words = [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  return { command: words[0] ?? '', args: words.slice(1) };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const names = process.platform === 'win32' ? [`${name}.exe`, `${name}.cmd`] : [name];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const file of names) {
      const path = join(dir, file);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

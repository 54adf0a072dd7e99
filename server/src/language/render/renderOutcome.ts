import { posix } from 'node:path';
import type { Finding, Range } from '../findings';
import type { LanguageService, ValidationSettings } from '../languageService';
import { applyRuleSettings } from '../rules/ruleSettings';
import { RULE_CATALOG } from '../rules/ruleCatalog';
import type { RenderTarget } from '../projects/renderTargets';
import { projectMainFile, renderedFindings, type FindingsByFile } from './renderedFindings';
import type { RenderedProject } from './renderedProject';
import { helmErrorPlace, kustomizeErrorPlace } from './toolErrorPlace';

/** What became of rendering one chart or overlay. */
export type RenderOutcome =
  | { kind: 'rendered'; project: RenderedProject; ms: number }
  /** The tool ran and refused: its own message. */
  | { kind: 'failed'; message: string; ms: number }
  /** No helm / kustomize to run (none installed, or the one named is missing). */
  | { kind: 'no-tool'; tool: 'helm' | 'kustomize'; command?: string }
  /** Drydock runs no program in an untrusted workspace. */
  | { kind: 'untrusted' }
  /** The overlay builds on remote resources, which Drydock does not fetch. */
  | { kind: 'remote'; refs: readonly string[] };

/** Where to say how to get a tool: the editor's settings or the CLI's flags. */
export type ToolHint = 'editor' | 'cli';

/**
 * The findings of one render target, by source file: the rendered objects' problems on the lines that
 * made them, or the one note or error that says why nothing was rendered (`render/not-rendered`,
 * `render/failed`, `render/remote-resource`).
 */
export function renderTargetFindings(
  service: LanguageService,
  target: RenderTarget,
  outcome: RenderOutcome,
  settings: ValidationSettings,
  readText: (file: string) => string | undefined,
  hint: ToolHint,
): FindingsByFile {
  const result: FindingsByFile = new Map();
  const what = target.kind === 'helm' ? 'Helm chart' : 'Kustomize overlay';
  const mainFile = projectMainFile({ kind: target.kind, root: target.root } as RenderedProject, readText);
  const put = (file: string, finding: Finding): void => {
    const [applied] = applyRuleSettings([finding], settings.rules, RULE_CATALOG);
    if (applied) result.set(file, [...(result.get(file) ?? []), applied]);
  };
  switch (outcome.kind) {
    case 'rendered':
      return renderedFindings(service, outcome.project, settings, readText);
    case 'untrusted':
      put(mainFile, note('render/not-rendered', `${what}: not rendered, so what it renders to is not checked — Drydock runs ${tool(target)} only in a trusted workspace (its files are still checked on their own).`));
      return result;
    case 'no-tool': {
      const how = target.kind === 'helm' ? (hint === 'editor' ? 'install helm or set drydock.helm.path' : 'install helm, or pass --helm PATH or set DRYDOCK_HELM') : hint === 'editor' ? 'install kustomize or kubectl, or set drydock.kustomize.command' : 'install kustomize or kubectl, or pass --kustomize "CMD" or set DRYDOCK_KUSTOMIZE';
      const missing = outcome.command ? `${outcome.command} was not found` : `no ${tool(target)} was found`;
      put(mainFile, note('render/not-rendered', `${what}: not rendered, so what it renders to is not checked — ${missing} (${how}; its files are still checked on their own).`));
      return result;
    }
    case 'remote': {
      const text = readText(mainFile) ?? '';
      for (const ref of outcome.refs) {
        const lines = text.split('\n');
        const line = Math.max(0, lines.findIndex((l) => l.includes(ref)));
        const character = Math.max(0, (lines[line] ?? '').indexOf(ref));
        put(mainFile, {
          ...note('render/remote-resource', `${what}: not built, because it uses the remote resource ${ref} and Drydock never fetches from the network. Its local files are still checked on their own.`),
          range: range(line, character, character + (lines.findIndex((l) => l.includes(ref)) >= 0 ? ref.length : 0)),
        });
      }
      return result;
    }
    case 'failed': {
      const place = target.kind === 'helm' ? helmErrorPlace(outcome.message, target.root) : kustomizeErrorPlace(outcome.message, mainFile, readText(mainFile));
      const file = place && readText(place.file) !== undefined ? place.file : mainFile;
      put(file, { range: place && file === place.file ? place.range : range(0, 0, 0), severity: 'error', code: 'render/failed', message: `${tool(target)} could not render this ${target.kind === 'helm' ? 'chart' : 'overlay'}: ${outcome.message}` });
      return result;
    }
  }
}

function tool(target: RenderTarget): string {
  return target.kind === 'helm' ? 'helm template' : 'kustomize build';
}

function note(code: string, message: string): Finding {
  return { range: range(0, 0, 0), severity: 'information', code, message };
}

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** A target's directory as the user should read it in a message. */
export function targetLabel(target: RenderTarget, base: string): string {
  const rel = posix.relative(base, target.root);
  return rel === '' ? '.' : rel.startsWith('..') ? target.root : rel;
}

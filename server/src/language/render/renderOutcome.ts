import * as l10n from '@vscode/l10n';
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
  const mainFile = projectMainFile({ kind: target.kind, root: target.root } as RenderedProject, readText);
  const put = (file: string, finding: Finding): void => {
    const [applied] = applyRuleSettings([finding], settings.rules, RULE_CATALOG);
    if (applied) result.set(file, [...(result.get(file) ?? []), applied]);
  };
  switch (outcome.kind) {
    case 'rendered':
      return renderedFindings(service, outcome.project, settings, readText);
    case 'untrusted':
      put(
        mainFile,
        note(
          'render/not-rendered',
          target.kind === 'helm'
            ? l10n.t('Helm chart: not rendered, so what it renders to is not checked - Drydock runs {0} only in a trusted workspace (its files are still checked on their own).', tool(target))
            : l10n.t('Kustomize overlay: not rendered, so what it renders to is not checked - Drydock runs {0} only in a trusted workspace (its files are still checked on their own).', tool(target)),
        ),
      );
      return result;
    case 'no-tool': {
      const how =
        target.kind === 'helm'
          ? hint === 'editor'
            ? l10n.t('install helm or set drydock.helm.path')
            : l10n.t('install helm, or pass --helm PATH or set DRYDOCK_HELM')
          : hint === 'editor'
            ? l10n.t('install kustomize or kubectl, or set drydock.kustomize.command')
            : l10n.t('install kustomize or kubectl, or pass --kustomize "CMD" or set DRYDOCK_KUSTOMIZE');
      const missing = outcome.command ? l10n.t('{0} was not found', outcome.command) : l10n.t('no {0} was found', tool(target));
      put(
        mainFile,
        note(
          'render/not-rendered',
          target.kind === 'helm'
            ? l10n.t('Helm chart: not rendered, so what it renders to is not checked - {0} ({1}; its files are still checked on their own).', missing, how)
            : l10n.t('Kustomize overlay: not rendered, so what it renders to is not checked - {0} ({1}; its files are still checked on their own).', missing, how),
        ),
      );
      return result;
    }
    case 'remote': {
      const text = readText(mainFile) ?? '';
      for (const ref of outcome.refs) {
        const lines = text.split('\n');
        const line = Math.max(0, lines.findIndex((l) => l.includes(ref)));
        const character = Math.max(0, (lines[line] ?? '').indexOf(ref));
        put(mainFile, {
          ...note(
            'render/remote-resource',
            target.kind === 'helm'
              ? l10n.t('Helm chart: not built, because it uses the remote resource {0} and Drydock never fetches from the network. Its local files are still checked on their own.', ref)
              : l10n.t('Kustomize overlay: not built, because it uses the remote resource {0} and Drydock never fetches from the network. Its local files are still checked on their own.', ref),
          ),
          range: range(line, character, character + (lines.findIndex((l) => l.includes(ref)) >= 0 ? ref.length : 0)),
        });
      }
      return result;
    }
    case 'failed': {
      const place = target.kind === 'helm' ? helmErrorPlace(outcome.message, target.root) : kustomizeErrorPlace(outcome.message, mainFile, readText(mainFile));
      const file = place && readText(place.file) !== undefined ? place.file : mainFile;
      put(file, { range: place && file === place.file ? place.range : range(0, 0, 0), severity: 'error', code: 'render/failed', message: target.kind === 'helm' ? l10n.t('{0} could not render this chart: {1}', tool(target), outcome.message) : l10n.t('{0} could not render this overlay: {1}', tool(target), outcome.message) });
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

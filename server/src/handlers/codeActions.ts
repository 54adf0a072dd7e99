import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import { codeActionsFor } from '../language/codeActions/codeActionsFor';
import { parsedFileOf, type FeatureDeps } from './featureDocument';

/** `textDocument/codeAction`: quick fixes from `codeActionsFor`; never throws (an empty list instead). */
export function codeActionHandler(deps: FeatureDeps): (params: CodeActionParams) => CodeAction[] {
  return (params) => {
    try {
      if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
      const file = parsedFileOf(deps, params.textDocument.uri);
      if (!file) return [];
      const bundle = deps.service.schemas(deps.settings().kubernetesVersion).bundle;
      const fixes = codeActionsFor({ parsed: file.parsed, range: params.range, diagnostics: params.context.diagnostics, bundle });
      return fixes.map((fix) => ({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        ...(fix.diagnostic ? { diagnostics: params.context.diagnostics.filter((d) => d === fix.diagnostic) } : {}),
        ...(fix.preferred ? { isPreferred: true } : {}),
        edit: { changes: { [params.textDocument.uri]: fix.edits } },
      }));
    } catch {
      return [];
    }
  };
}

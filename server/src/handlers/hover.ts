import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../language/hover/hoverAt';
import { SUPPORTED_VERSIONS } from '../protocol/versions';
import { documentAt } from '../language/parse/documentAt';
import { parsedFileOf, type FeatureDeps } from './featureDocument';
import { templateValuesAt, templateValuesHover } from './templateValues';

/** `textDocument/hover`: thin adapter over `hoverAt` (and, on a chart template's `.Values.x`, `valuesHover`); never throws (null instead). */
export function hoverHandler(deps: FeatureDeps): (params: HoverParams) => Hover | null | Promise<Hover | null> {
  return (params) => {
    try {
      const template = templateValuesAt(deps, params.textDocument.uri, params.position);
      if (template) {
        return templateValuesHover(deps, template).then((result) => ({ contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range }), () => null);
      }
      const file = parsedFileOf(deps, params.textDocument.uri);
      if (!file) return null;
      const located = documentAt(file.parsed.documents, file.document.offsetAt(params.position));
      if (!located) return null;
      const bundle = deps.service.schemas(deps.settings().kubernetesVersion).bundle;
      const allBundles = SUPPORTED_VERSIONS.map((version) => deps.service.schemas(version).bundle);
      const result = hoverAt({ doc: located.doc, offset: located.offset, bundle, crds: deps.service.customResources, allBundles });
      return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range } : null;
    } catch {
      return null;
    }
  };
}

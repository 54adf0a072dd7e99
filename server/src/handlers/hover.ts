import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hoverInTemplate } from '../language/helmTemplates/templateYamlFeatures';
import { hoverAt, type HoverResult } from '../language/hover/hoverAt';
import { hoverConfigAt } from '../language/config/configEditorFeatures';
import { isDrydockConfigFile } from '../language/projects/projectLayout';
import { SUPPORTED_VERSIONS } from '../protocol/versions';
import { documentAt } from '../language/parse/documentAt';
import { parsedFileOf, type FeatureDeps } from './featureDocument';
import { templateValuesAt, templateValuesHover } from './templateValues';
import { templateYamlOf } from './templateYaml';

/**
 * `textDocument/hover`: thin adapter over `hoverAt` (on a chart template's `.Values.x`, over `valuesHover`;
 * elsewhere in a template, over `hoverInTemplate`); never throws (null instead).
 */
export function hoverHandler(deps: FeatureDeps): (params: HoverParams) => Hover | null | Promise<Hover | null> {
  return (params) => {
    try {
      const template = templateValuesAt(deps, params.textDocument.uri, params.position);
      if (template) {
        return templateValuesHover(deps, template).then((result) => ({ contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range }), () => null);
      }
      const bundle = deps.service.schemas(deps.settings().kubernetesVersion).withDescriptions();
      const allBundles = SUPPORTED_VERSIONS.map((version) => deps.service.schemas(version).bundle);
      const crds = deps.service.customResources;
      // A chart template's YAML parts hover from the schema of the object it renders.
      const yaml = templateYamlOf(deps, params.textDocument.uri);
      if (yaml) return toHover(hoverInTemplate({ yaml, position: params.position, bundle, crds, allBundles }));
      const file = parsedFileOf(deps, params.textDocument.uri);
      if (!file) return null;
      const located = documentAt(file.parsed.documents, file.document.offsetAt(params.position));
      if (!located) return null;
      if (isDrydockConfigFile(params.textDocument.uri)) return toHover(hoverConfigAt(located.doc, located.offset));
      return toHover(hoverAt({ doc: located.doc, offset: located.offset, bundle, crds, allBundles }));
    } catch {
      return null;
    }
  };
}

function toHover(result: HoverResult | undefined): Hover | null {
  return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range } : null;
}

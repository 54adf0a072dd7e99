import type { Position } from 'vscode-languageserver/node';
import type { CompletionEntry } from '../language/completion/completionEntry';
import { valuesCompletions } from '../language/helmTemplates/valuesCompletions';
import { valuesHover } from '../language/helmTemplates/valuesHover';
import { valuesReferenceAt, type ValuesReference } from '../language/helmTemplates/valuesReference';
import type { HoverResult } from '../language/hover/hoverAt';
import { oversizeReason } from '../language/parse/limits';
import { parseFile } from '../language/parse/parseFile';
import type { ParsedDocument } from '../language/parse/parsedDocument';
import { normalizePath } from '../language/projects/projectLayout';
import { readChartValues } from '../workspace/chartValues';
import { toPath } from '../workspace/workspaceFiles';
import type { FeatureDeps } from './featureDocument';
import { chartSourceDocument } from './chartSourceDocument';

/** A `.Values` reference under the cursor in a chart's template, and where that chart's values are. */
export interface TemplateValuesAt {
  template: string;
  offset: number;
  reference: ValuesReference;
  chartRoot: string;
}

/**
 * The `.Values` reference under a position, when the document is a chart's source (projectLayout.ts
 * `fileRole`) in a chart the workspace layout knows; synchronous, so that other documents and other
 * places go on to the manifest features at once.
 */
export function templateValuesAt(deps: FeatureDeps, uri: string, position: Position): TemplateValuesAt | undefined {
  const source = chartSourceDocument(deps, uri);
  if (!source) return undefined;
  const { document, chartRoot } = source;
  const template = document.getText();
  const offset = document.offsetAt(position);
  const reference = valuesReferenceAt(template, offset);
  return reference && { template, offset, reference, chartRoot };
}

export async function templateValuesCompletions(deps: FeatureDeps, at: TemplateValuesAt): Promise<CompletionEntry[]> {
  const { parsed } = await chartValues(deps, at.chartRoot);
  return parsed ? valuesCompletions({ ...at, values: parsed }) : [];
}

export async function templateValuesHover(deps: FeatureDeps, at: TemplateValuesAt): Promise<HoverResult> {
  const { uri, parsed } = await chartValues(deps, at.chartRoot);
  return valuesHover({ template: at.template, reference: at.reference, values: parsed, valuesUri: uri });
}

/** The chart's values.yaml, parsed (its first document; none when it is missing, unreadable or over the input budget). */
async function chartValues(deps: FeatureDeps, chartRoot: string): Promise<{ uri: string; parsed: ParsedDocument | undefined }> {
  const read = await readChartValues(chartRoot, (path) => openText(deps, path));
  const parsed = read.text === undefined || oversizeReason(read.text) ? undefined : parseFile(read.text).documents[0];
  return { uri: read.uri, parsed };
}

/** The text of the open document at a path (URIs differ in spelling across clients: paths are compared). */
function openText(deps: FeatureDeps, path: string): string | undefined {
  const wanted = normalizePath(path);
  for (const document of deps.documents.all()) {
    const documentPath = toPath(document.uri);
    if (documentPath !== undefined && normalizePath(documentPath) === wanted) return document.getText();
  }
  return undefined;
}

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { chartRootOf } from '../language/helmTemplates/chartRootOf';
import { fileRole } from '../language/projects/projectLayout';
import { toPath } from '../workspace/workspaceFiles';
import type { FeatureDeps } from './featureDocument';

/** An open document that is a source file of a chart the workspace layout knows (a template, values…): its path and chart. */
export interface ChartSourceDocument {
  document: TextDocument;
  path: string;
  chartRoot: string;
}

export function chartSourceDocument(deps: FeatureDeps, uri: string): ChartSourceDocument | undefined {
  const document = deps.documents.get(uri);
  const path = toPath(uri);
  if (!document || !path) return undefined;
  const layout = deps.layout();
  if (fileRole(path, layout) !== 'chart-source') return undefined;
  const chartRoot = chartRootOf(path, layout);
  return chartRoot ? { document, path, chartRoot } : undefined;
}

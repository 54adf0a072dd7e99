import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripBom } from '../language/parse/stripBom';
import { readYamlFile } from './workspaceFiles';

/** A chart's values.yaml: where it is and its text. */
export interface ChartValuesText {
  uri: string;
  /** Undefined when the chart has no readable values.yaml (or it is over the size bound). */
  text: string | undefined;
}

/**
 * The values.yaml of the chart at `chartRoot` (a path): the open document's text (`openText`, by
 * path) when the editor has it open (unsaved edits count), otherwise the file on disk. Never throws.
 */
export async function readChartValues(chartRoot: string, openText: (path: string) => string | undefined): Promise<ChartValuesText> {
  const path = join(chartRoot, 'values.yaml');
  const uri = pathToFileURL(path).toString();
  const open = openText(path);
  if (open !== undefined) return { uri, text: stripBom(open) };
  const read = await readYamlFile(path);
  return { uri, text: read.kind === 'text' ? read.text : undefined };
}

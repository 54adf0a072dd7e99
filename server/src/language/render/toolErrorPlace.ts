import { posix } from 'node:path';
import type { Range } from '../findings';
import { normalizePath } from '../projects/projectLayout';

/** Where a tool's error message points, when it names a file of the project: the file (absolute) and a range. */
export interface ToolErrorPlace {
  file: string;
  range: Range;
}

// `template: web/templates/x.yaml:12:20: executing …`, `parse error at (web/templates/x.yaml:12): …`,
// `execution error at (web/templates/x.yaml:5:11): …` — paths start with the chart's name.
const HELM_TEMPLATE_PLACE = /(?:template: |error at \()([^\s:()]+\/templates\/[^\s:()]+):(\d+)(?::(\d+))?/;
// `YAML parse error on web/templates/x.yaml: … line 12: …` — the line is in the template's output.
const HELM_YAML_ERROR = /YAML parse error on ([^\s:]+\/templates\/[^\s:]+):.*?line (\d+)/;
// `failed to parse /abs/values-prod.yaml: … line 3: …`
const HELM_VALUES_ERROR = /failed to parse ([^\s:]+\.ya?ml):.*?line (\d+)/;

/** The place a `helm template` error names, or undefined. */
export function helmErrorPlace(message: string, chartRoot: string): ToolErrorPlace | undefined {
  const inChart = (chartPath: string): string => normalizePath(posix.join(chartRoot, chartPath.split('/').slice(1).join('/')));
  const template = HELM_TEMPLATE_PLACE.exec(message);
  if (template) return { file: inChart(template[1]), range: at(Number(template[2]) - 1, template[3] ? Number(template[3]) - 1 : 0) };
  const yaml = HELM_YAML_ERROR.exec(message);
  if (yaml) return { file: inChart(yaml[1]), range: at(Number(yaml[2]) - 1, 0) };
  const values = HELM_VALUES_ERROR.exec(message);
  if (values) return { file: normalizePath(posix.isAbsolute(values[1]) ? values[1] : posix.join(chartRoot, values[1])), range: at(Number(values[2]) - 1, 0) };
  return undefined;
}

/**
 * The place a kustomize error points at in the overlay's kustomization: the line that lists a name the
 * message quotes (a missing resource, a patch that does not apply), else its first line.
 */
export function kustomizeErrorPlace(message: string, kustomizationFile: string, kustomizationText: string | undefined): ToolErrorPlace {
  const lines = kustomizationText?.split('\n') ?? [];
  for (const quoted of message.matchAll(/'([^'\s]+)'|"([^"\s]+)"/g)) {
    const name = posix.basename(quoted[1] ?? quoted[2]);
    if (name.length < 2) continue;
    const line = lines.findIndex((text) => !text.trimStart().startsWith('#') && text.includes(name));
    if (line >= 0) return { file: kustomizationFile, range: at(line, lines[line].indexOf(name), name.length) };
  }
  return { file: kustomizationFile, range: at(0, 0) };
}

function at(line: number, character: number, length = 0): Range {
  const l = Math.max(0, line);
  const c = Math.max(0, character);
  return { start: { line: l, character: c }, end: { line: l, character: c + length } };
}

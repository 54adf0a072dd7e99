import { oversizeNote } from '../language/parse/limits';
import type { Finding } from '../language/findings';
import { simFindingToFinding } from '../language/simFindingToFinding';
import { DEFAULT_CLUSTER_FILE } from '../simulator/cluster/defaultCluster';
import type { SimFinding } from '../simulator/model/source';
import { displayPath, type InputFile } from './inputs';
import { placeRenderedFinding } from '../language/render/renderedFindings';
import type { RenderedInput } from './renderedInputs';

/**
 * The dry-run findings of the CLI's commands, placed in the files they came from. Every finding's
 * place is `simFindingToFinding`'s (the editor's too); two shapes print it:
 *   - `Diagnostic` (`drydock simulate`): the range, as `drydock check` prints its findings;
 *   - `LocatedFinding` (`drydock rollout`, `drydock reach`): a 1-based line and column.
 */

/** A finding with its file's path, as `drydock simulate` prints it. */
export interface Diagnostic extends Finding {
  path: string;
}

/** A simulator finding placed at its line and column in the files it came from (1:1 when it is in none). */
export interface LocatedFinding {
  file: string;
  line: number;
  column: number;
  severity: SimFinding['severity'];
  code: string;
  message: string;
}

/** `drydock simulate`: the note on each file over the input budget, then every finding in an input file (not the default cluster's), by place. */
export function toDiagnostics(findings: readonly SimFinding[], files: readonly InputFile[], rendered: RenderedPlaces = NO_RENDERS): Diagnostic[] {
  const result: Diagnostic[] = files.flatMap((f) => (f.oversize ? [{ path: f.path, ...oversizeNote(f.oversize) }] : []));
  for (const { sim, file, finding } of placed(findings, files, rendered)) {
    if (sim.source.file !== DEFAULT_CLUSTER_FILE && finding) result.push({ path: file, ...finding });
  }
  return result.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
}

/** `drydock rollout` and `drydock reach`: every finding at its 1-based line and column, sorted by place, then code. */
export function locateFindings(findings: readonly SimFinding[], files: readonly InputFile[], rendered: RenderedPlaces = NO_RENDERS): LocatedFinding[] {
  const located = placed(findings, files, rendered).map(({ sim, file, finding }) => ({
    file,
    line: finding ? finding.range.start.line + 1 : 1,
    column: finding ? finding.range.start.character + 1 : 1,
    severity: sim.severity,
    code: sim.code,
    message: sim.message,
  }));
  return located.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
}

/** `path:line:col: severity code message`, one per line, after an empty line (nothing when there are none). */
export function formatLocated(findings: readonly LocatedFinding[]): string {
  if (findings.length === 0) return '';
  return '\n' + findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${f.message}`).join('\n') + '\n';
}

/** The rendered charts and overlays of a run, and how to read their sources and show their paths. */
export interface RenderedPlaces {
  inputs: readonly RenderedInput[];
  readText(file: string): string | undefined;
  cwd: string;
}

const NO_RENDERS: RenderedPlaces = { inputs: [], readText: () => undefined, cwd: '.' };

/**
 * Each finding with its file and place: in the input file it names, or for an object of a rendered
 * chart or overlay, on the source line that made it; null when that file (or document) was not read.
 */
function placed(findings: readonly SimFinding[], files: readonly InputFile[], rendered: RenderedPlaces): Array<{ sim: SimFinding; file: string; finding: Finding | null }> {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const renders = new Map(rendered.inputs.map((input) => [input.path, input.project]));
  return findings.flatMap((sim) => {
    const project = renders.get(sim.source.file);
    if (project) {
      const finding: Finding = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: sim.severity, code: sim.code, message: sim.message };
      return placeRenderedFinding(project, sim.source.document, [...sim.source.path, ...sim.path], finding, rendered.readText)
        .slice(0, 1)
        .map((place) => ({ sim, file: displayPath(place.file, rendered.cwd), finding: place.finding }));
    }
    const doc = byPath.get(sim.source.file)?.parsed.documents[sim.source.document];
    return [{ sim, file: sim.source.file, finding: doc ? simFindingToFinding(sim, doc) : null }];
  });
}


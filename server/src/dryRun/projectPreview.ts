import { pathToFileURL } from 'node:url';
import type { Finding } from '../language/findings';
import { placeRenderedFinding } from '../language/render/renderedFindings';
import { renderedManifests } from '../language/render/renderedManifests';
import type { RenderedProject } from '../language/render/renderedProject';
import type { PreviewDiagnostic, PreviewModel, PreviewProject } from '../protocol/preview';
import type { Manifest, SimFinding } from '../simulator/model/source';
import type { Locator } from './previewModel';

/** What a `project` preview dry-runs and how its results find their way back to the sources. */
export interface ProjectPreviewInput {
  /** The rendered objects (a chart's test hooks left out), as manifests of the project's URI. */
  manifests: Manifest[];
  /** Where a rendered object was written: the template or resource line (other objects: null). */
  locate: Locator;
  /** The run's findings on the rendered objects, on the source lines they come from. */
  diagnostics(findings: readonly SimFinding[]): PreviewDiagnostic[];
}

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The preview input of a rendered chart or overlay: its objects carry `uri` (the project's folder) as
 * their file, and every location is mapped back with `placeRenderedFinding` (the first place it
 * gives: the template or resource file, before any values.yaml line). `readText` reads the sources.
 */
export function projectPreviewInput(uri: string, project: RenderedProject, readText: (file: string) => string | undefined): ProjectPreviewInput {
  const place = (document: number, path: SimFinding['path'], finding: Finding): { file: string; finding: Finding } | undefined =>
    placeRenderedFinding(project, document, path, finding, readText)[0];
  const places = new Map<string, ReturnType<Locator>>();
  return {
    manifests: renderedManifests(uri, project),
    locate: (source) => {
      if (!source || source.file !== uri) return null;
      const key = `${source.document}|${source.path.join('.')}`;
      if (!places.has(key)) {
        const placed = place(source.document, source.path, { range: ZERO, severity: 'information', code: '', message: '' });
        places.set(key, placed ? { uri: pathToFileURL(placed.file).toString(), line: placed.finding.range.start.line } : null);
      }
      return places.get(key) ?? null;
    },
    diagnostics: (findings) =>
      findings.flatMap((sim) => {
        if (sim.source.file !== uri) return [];
        const placed = place(sim.source.document, [...sim.source.path, ...sim.path], { range: ZERO, severity: sim.severity, code: sim.code, message: sim.message });
        return placed ? [{ range: placed.finding.range, severity: placed.finding.severity, code: placed.finding.code, message: placed.finding.message }] : [];
      }),
  };
}

/** The preview of a chart or overlay that has no render to simulate: nothing, and why. */
export function unrenderedPreview(uri: string, kubernetesVersion: string, notice: string, projects: PreviewProject[]): PreviewModel {
  return {
    source: { uri, scope: 'project' },
    kubernetesVersion,
    simulation: { nodes: [], pods: [], services: [], diagnostics: [] },
    projects,
    notice,
  };
}

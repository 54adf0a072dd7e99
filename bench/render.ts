import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dryRun } from '../server/src/dryRun/dryRun';
import { LanguageService, type ValidationSettings } from '../server/src/language/languageService';
import { manifestsOf } from '../server/src/language/manifests';
import type { RenderTarget } from '../server/src/language/projects/renderTargets';
import { renderTargetFindings, type RenderOutcome } from '../server/src/language/render/renderOutcome';
import { RENDERED_PATH } from '../server/src/language/render/renderedFindings';
import { schemaStoreFromFiles } from '../server/src/schemaFiles';
import { renderProject } from '../server/src/workspace/render/renderProject';
import { diskTextReader } from '../server/src/workspace/render/sourceTexts';
import type { RenderToolCommands } from '../server/src/workspace/render/toolCommands';
import { ensureRenderTools } from '../scripts/renderTools';
import { writeHelmChart } from './projects/helmChart';
import { writeKustomizeOverlay } from './projects/kustomizeOverlay';
import { median } from './stats';

const RUNS = 5;

/**
 * `npm run bench -- render`: a generated 40-template Helm chart and a generated three-level Kustomize
 * overlay over 200 resources, each rendered with the real tool (helm v4 / kubectl kustomize, from
 * scripts/renderTools.ts) and then checked as the editor and `drydock check` check them. Two numbers
 * each, apart: the tool's wall time (renderProject: spawning it, reading its output, parsing it) and
 * Drydock's own time on the result (validate the rendered objects and map every finding back to its
 * source line — renderTargetFindings — plus the dry run of the rendered objects on the default
 * cluster). Min and median of 5 runs after one warm-up; each run renders anew, so nothing is cached.
 * Both projects are valid: any finding fails the benchmark.
 */
export async function benchRender(): Promise<Record<string, number | string>> {
  const tools = ensureRenderTools();
  if ('skip' in tools) return { 'render: skipped': tools.skip };
  const commands: RenderToolCommands = { helm: { command: tools.helm, args: [] }, kustomize: { command: tools.kubectl, args: ['kustomize'] } };
  const service = new LanguageService(schemaStoreFromFiles());
  const settings: ValidationSettings = { kubernetesVersion: '1.34' };
  const dir = mkdtempSync(join(tmpdir(), 'drydock-bench-render-'));
  try {
    const chartRoot = join(dir, 'chart');
    const { templates } = writeHelmChart(chartRoot);
    const overlay = writeKustomizeOverlay(join(dir, 'kustomize'));
    const helm = await measure(service, settings, commands, { kind: 'helm', root: chartRoot, dirs: [chartRoot], remote: [] });
    const kustomize = await measure(service, settings, commands, {
      kind: 'kustomize',
      root: overlay.root,
      dirs: [overlay.root, join(dir, 'kustomize', 'overlays', 'middle'), join(dir, 'kustomize', 'base')],
      remote: [],
    });
    return {
      'render: helm chart templates': templates,
      'render: helm rendered objects': helm.objects,
      'render: helm findings (validation + dry run)': helm.findings,
      'render: helm template wall (min / median of 5), ms': span(helm.render),
      'render: helm Drydock validate + map + dry run (min / median of 5), ms': span(helm.drydock),
      'render: helm   of which validate + map (median), ms': round(median(helm.validate)),
      'render: helm   of which dry run (median), ms': round(median(helm.dryRun)),
      'render: kustomize base resources (3 levels)': overlay.baseResources,
      'render: kustomize rendered objects': kustomize.objects,
      'render: kustomize findings (validation + dry run)': kustomize.findings,
      'render: kustomize build wall (min / median of 5), ms': span(kustomize.render),
      'render: kustomize Drydock validate + map + dry run (min / median of 5), ms': span(kustomize.drydock),
      'render: kustomize   of which validate + map (median), ms': round(median(kustomize.validate)),
      'render: kustomize   of which dry run (median), ms': round(median(kustomize.dryRun)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Timings {
  objects: number;
  findings: number;
  render: number[];
  validate: number[];
  dryRun: number[];
  drydock: number[];
}

async function measure(service: LanguageService, settings: ValidationSettings, tools: RenderToolCommands, target: RenderTarget): Promise<Timings> {
  const timings: Timings = { objects: 0, findings: 0, render: [], validate: [], dryRun: [], drydock: [] };
  for (let run = 0; run <= RUNS; run++) {
    const renderStart = performance.now();
    const outcome: RenderOutcome = await renderProject({ kind: target.kind, root: target.root, valuesFiles: [], tools });
    const renderMs = performance.now() - renderStart;
    if (outcome.kind !== 'rendered') throw new Error(`render benchmark: ${target.kind} did not render: ${JSON.stringify(outcome)}`);

    const validateStart = performance.now();
    const byFile = renderTargetFindings(service, target, outcome, settings, diskTextReader(), 'cli');
    const dryRunStart = performance.now();
    const manifests = manifestsOf(RENDERED_PATH, outcome.project.parsed);
    const simulated = dryRun({ manifests, cluster: null, baseline: null });
    const end = performance.now();

    const findings = [...byFile].flatMap(([file, list]) => list.map((f) => `${file}:${f.range.start.line + 1}: ${f.code} ${f.message}`));
    findings.push(...simulated.findings.map((f) => `dry run: ${f.code} ${f.message} (document ${f.source.document})`));
    if (findings.length) throw new Error(`render benchmark: the generated ${target.kind} project should be valid, but has ${findings.length} finding(s):\n  ${findings.slice(0, 20).join('\n  ')}`);
    timings.objects = manifests.length;
    if (run === 0) continue; // warm-up
    timings.render.push(renderMs);
    timings.validate.push(dryRunStart - validateStart);
    timings.dryRun.push(end - dryRunStart);
    timings.drydock.push(end - validateStart);
  }
  return timings;
}

function round(ms: number): number {
  return ms < 10 ? Number(ms.toFixed(1)) : Math.round(ms);
}

function span(values: number[]): string {
  return `${round(Math.min(...values))} / ${round(median(values))}`;
}

import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { whatIfDryRun } from '../dryRun/whatIfDryRun';
import { parseWhatIfEvent } from '../simulator/lifecycle/parseEvent';
import type { TimelineEntry, WhatIfEvent } from '../simulator/lifecycle/timeline';
import type { WhatIfTimelineEntry } from '../protocol/whatIf';
import { parseArgs, type ArgSpec } from './args';
import { manifestsOfInputs, readInputs } from './inputs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { toDiagnostics } from './locatedFindings';
import { RENDER_OPTIONS, RENDER_USAGE, sourceReader } from './renderInputs';
import { dryRunManifests, withRenderedProjects } from './renderedInputs';
import { DEFAULT_PROFILE_PATH } from './simulate';
import { simulationJson } from './simulationJson';
import { whatIfText } from './whatifText';

const SPEC: ArgSpec = {
  options: { cluster: 'string', format: 'string', until: 'string', event: 'repeat', ...RENDER_OPTIONS },
  usage: `drydock whatif [--cluster FILE] [--format text|json] [--until SECONDS] --event EVENT... ${RENDER_USAGE} <file|dir>...\n  EVENT: node-down:NODE[@T] | drain:NODE[@T] | cordon:NODE[@T] | node-up:NODE@T (T in seconds, default 0)`,
};

/**
 * `drydock whatif`: the dry run of the manifests on the cluster (as `drydock simulate`), then what
 * happens when nodes fail, are drained or cordoned: the node lifecycle timeline, the cluster at the
 * end, a verdict per workload and Service. Exit 0, 1 with error-level findings, 2 on usage/IO problems.
 */
export async function runWhatIf(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, SPEC);
  if (!parsed.ok) return usage(io, parsed.error);
  const format = parsed.options.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(io, l10n.t('unknown format {0} (text or json)', format));
  const untilText = parsed.options.until;
  if (untilText !== undefined && !/^\d{1,9}$/.test(untilText)) return usage(io, l10n.t('--until takes whole seconds'));
  const until = untilText === undefined ? undefined : Number(untilText);
  const events: WhatIfEvent[] = [];
  for (const text of parsed.repeated.event ?? []) {
    const event = parseWhatIfEvent(text);
    if ('error' in event) return usage(io, event.error);
    events.push(event);
  }
  if (events.length === 0) return usage(io, l10n.t('no --event given'));
  if (parsed.positionals.length === 0) return usage(io, l10n.t('no file or directory given'));

  let clusterPath = parsed.options.cluster;
  if (clusterPath === undefined && existsSync(resolve(io.cwd, DEFAULT_PROFILE_PATH))) clusterPath = DEFAULT_PROFILE_PATH;
  const clusterInputs = clusterPath === undefined ? undefined : await readInputs([clusterPath], io.cwd);
  const inputs = await readInputs(parsed.positionals, io.cwd, { budget: true });
  const clusterFiles = clusterInputs?.files ?? [];
  const clusterFullPaths = new Set(clusterFiles.map((f) => resolve(io.cwd, f.path)));
  inputs.files = inputs.files.filter((f) => !clusterFullPaths.has(resolve(io.cwd, f.path)));
  const errors = [...(clusterInputs?.errors ?? []), ...inputs.errors];
  for (const error of errors) io.stderr(`drydock whatif: ${error}\n`);
  if (errors.length > 0) return EXIT_USAGE;

  const projects = await withRenderedProjects(inputs, parsed, io.cwd);
  for (const problem of projects.problems) io.stderr(`drydock whatif: ${problem}\n`);
  const run = whatIfDryRun({ manifests: dryRunManifests(projects.inputs, projects.rendered), cluster: clusterInputs ? manifestsOfInputs(clusterInputs) : null, events, until });
  if (run.unknownNodes.length > 0) return usage(io, l10n.t('no node {0} in the cluster ({1})', run.unknownNodes.join(', '), run.final.nodes.map((n) => n.node.name).join(', ')).slice(0, 2000));
  const diagnostics = toDiagnostics(run.start.findings, [...projects.inputs.files, ...clusterFiles], { inputs: projects.rendered, readText: sourceReader(inputs.files, io.cwd), cwd: io.cwd });
  const clusterName = clusterPath ?? 'default';
  if (format === 'json') {
    const final = simulationJson(run.final, run.finalServices, clusterName, diagnostics) as { pods: Array<Record<string, unknown>> };
    for (const pod of final.pods) if (run.terminating.has(`${String(pod.namespace)}/${String(pod.name)}`)) pod.status = 'Terminating';
    io.stdout(JSON.stringify({ timeline: run.whatIf.timeline.map(entryJson), final }) + '\n');
  } else {
    const asked = events.map((e) => l10n.t('{0} {1} at +{2}s', e.kind, e.node, e.at)).join(', ');
    const header = clusterName === 'default' ? l10n.t('What if: {0} — cluster embedded default cluster ({1} nodes)', asked, run.final.nodes.length) : l10n.t('What if: {0} — cluster {1} ({2} nodes)', asked, clusterName, run.final.nodes.length);
    io.stdout(whatIfText({
      header,
      timeline: run.whatIf.timeline,
      verdicts: run.verdicts,
      end: run.whatIf.end,
      retryingForever: run.whatIf.retryingForever,
      truncated: run.whatIf.truncated,
      diagnostics: diagnostics.map((d) => `${d.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}`),
    }));
  }
  return diagnostics.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

/** The contract's entry (protocol/whatIf.ts, as `drydock/whatIf` answers it): `at`, `type`, the type's fields; the teaching text stays out. */
function entryJson(entry: TimelineEntry): WhatIfTimelineEntry {
  const json: WhatIfTimelineEntry = { ...entry };
  delete json.why;
  return json;
}

function usage(io: CliIo, message: string): number {
  io.stderr(`drydock whatif: ${message}\n${l10n.t('usage: {0}', SPEC.usage)}\n`);
  return EXIT_USAGE;
}

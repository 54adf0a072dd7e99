import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { dryRun } from '../dryRun/dryRun';
import { oversizeNote } from '../language/parse/limits';
import { runWorkspaceRules } from '../language/rules/workspace/runWorkspaceRules';
import { parseRouteRequest, queryRoute, type IngressRoutes, type RouteAnswer, type RouteIssueKind, type RouteTarget } from '../simulator/ingress';
import { parseArgs, type ArgSpec } from './args';
import { manifestsOfInputs, readInputs } from './inputs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { formatLocated, locateFindings, type LocatedFinding } from './locatedFindings';
import { RENDER_OPTIONS, RENDER_USAGE, sourceReader } from './renderInputs';
import { dryRunManifests, withRenderedProjects } from './renderedInputs';
import { DEFAULT_PROFILE_PATH } from './simulate';

const SPEC: ArgSpec = {
  options: { query: 'repeat', format: 'string', cluster: 'string', ...RENDER_OPTIONS },
  usage: `drydock routes [--query URL]... [--format text|json] [--cluster FILE] ${RENDER_USAGE} <file|dir|chart|overlay>...`,
};

/** The cross-resource rules about routing, reported with the routes. */
const ROUTE_RULE_CODES: ReadonlySet<string> = new Set(['ref/ingress-service-missing', 'ref/ingress-port-missing', 'ingress/class-not-found', 'ingress/invalid-path', 'ingress/conflict', 'ingress/rule-shadowed']);

/**
 * `drydock routes`: Ingress → Service → ready pods over the dry run (the cluster profile as in
 * `drydock simulate`). With `--query URL`, which Ingress path of each class answers it. Exit 0, 1
 * with error-level diagnostics, 2 on usage or IO problems (a query that is not a URL).
 */
export async function runRoutes(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, SPEC);
  if (!parsed.ok) return usage(io, parsed.error);
  const format = parsed.options.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(io, l10n.t('unknown format {0} (text or json)', format));
  if (parsed.positionals.length === 0) return usage(io, l10n.t('no file or directory given'));
  const urls = parsed.repeated.query ?? [];
  for (const url of urls) {
    const request = parseRouteRequest(url);
    if (!request.ok) return usage(io, request.error);
  }

  let clusterPath = parsed.options.cluster;
  if (clusterPath === undefined && existsSync(resolve(io.cwd, DEFAULT_PROFILE_PATH))) clusterPath = DEFAULT_PROFILE_PATH;
  const clusterInputs = clusterPath === undefined ? undefined : await readInputs([clusterPath], io.cwd);
  const inputs = await readInputs(parsed.positionals, io.cwd, { budget: true });
  const clusterFullPaths = new Set((clusterInputs?.files ?? []).map((f) => resolve(io.cwd, f.path)));
  inputs.files = inputs.files.filter((f) => !clusterFullPaths.has(resolve(io.cwd, f.path)));
  const errors = [...(clusterInputs?.errors ?? []), ...inputs.errors];
  for (const error of errors) io.stderr(`drydock routes: ${error}\n`);
  if (errors.length > 0) return EXIT_USAGE;

  const projects = await withRenderedProjects(inputs, parsed, io.cwd);
  for (const problem of projects.problems) io.stderr(`drydock routes: ${problem}\n`);
  const manifests = dryRunManifests(projects.inputs, projects.rendered);
  const run = dryRun({ manifests, cluster: clusterInputs ? manifestsOfInputs(clusterInputs) : null, baseline: null });
  const { routes } = run;
  const answers = urls.flatMap((url) => {
    const result = queryRoute(routes.table, routes.lookup, url);
    return result.ok ? result.answers : [];
  });
  const rules = runWorkspaceRules(manifests).filter((f) => ROUTE_RULE_CODES.has(f.code));
  const notes = inputs.files.flatMap((file): LocatedFinding[] => {
    if (!file.oversize) return [];
    const { severity, code, message } = oversizeNote(file.oversize);
    return [{ file: file.path, line: 1, column: 1, severity, code, message }];
  });
  const diagnostics = [...notes, ...locateFindings([...routes.notes, ...rules, ...routes.findings], projects.inputs.files, { inputs: projects.rendered, readText: sourceReader(inputs.files, io.cwd), cwd: io.cwd })];

  if (format === 'json') {
    io.stdout(JSON.stringify({ ingresses: routes.ingresses.map(ingressJson), queries: answers.map(answerJson), diagnostics }) + '\n');
  } else {
    io.stdout(toText(routes.ingresses, urls, answers) + formatLocated(diagnostics));
  }
  return diagnostics.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

function targetJson(target: RouteTarget): { service: string | null; port: number | string | null; endpoints: string[] } {
  return { service: target.service, port: target.port, endpoints: target.endpoints };
}

function ingressJson(ingress: IngressRoutes): Record<string, unknown> {
  return {
    ingress: ingress.ingress,
    class: ingress.class,
    rules: ingress.rules.map((rule) => ({ host: rule.host, path: rule.path, pathType: rule.pathType, ...targetJson(rule.target) })),
    defaultBackend: ingress.defaultBackend ? targetJson(ingress.defaultBackend) : null,
  };
}

function answerJson(answer: RouteAnswer): Record<string, unknown> {
  return { url: answer.url, class: answer.class, ingress: answer.ingress, host: answer.host, path: answer.path, pathType: answer.pathType, ...targetJson(answer.target), reason: answer.reason };
}

const ISSUE_TEXT: Record<RouteIssueKind, () => string> = {
  conflict: () => l10n.t('never used: another Ingress keeps it'),
  shadowed: () => l10n.t('never used: shadowed'),
  'invalid-path': () => l10n.t('rejected by the API server'),
};

function targetText(target: RouteTarget): string {
  if (target.service === null) return target.reason ?? l10n.t('no backend');
  const head = `${target.service}:${target.port ?? '?'}`;
  return target.endpoints.length > 0 ? `${head} → ${target.endpoints.join(', ')}` : `${head} → ${l10n.t('no endpoints ({0})', target.reason ?? l10n.t('none ready'))}`;
}

function toText(ingresses: readonly IngressRoutes[], urls: readonly string[], answers: readonly RouteAnswer[]): string {
  const lines: string[] = [];
  if (urls.length === 0) {
    lines.push(ingresses.length === 0 ? l10n.t('No Ingress among the inputs.') : 'INGRESSES');
    for (const ingress of ingresses) {
      lines.push(`  ${ingress.ingress} (class ${ingress.class ?? 'none'})${ingress.served ? '' : ` — ${l10n.t('not served: no such IngressClass')}`}`);
      for (const rule of ingress.rules) lines.push(`    ${rule.host ?? '*'} ${rule.path || '(any)'} ${rule.pathType} → ${targetText(rule.target)}${rule.issue ? ` [${ISSUE_TEXT[rule.issue]()}]` : ''}`);
      if (ingress.defaultBackend) lines.push(`    default backend → ${targetText(ingress.defaultBackend)}${ingress.defaultBackendIssue ? ` [${ISSUE_TEXT[ingress.defaultBackendIssue]()}]` : ''}`);
    }
  }
  for (const url of urls) {
    lines.push(url);
    for (const answer of answers.filter((a) => a.url === url)) {
      if (answer.ingress === null) {
        lines.push(`  ${l10n.t('no route: {0}', answer.reason ?? '')}`);
        continue;
      }
      const rule = answer.pathType === null ? 'default backend' : `${answer.host ?? '*'} ${answer.path || '(any)'} ${answer.pathType}`;
      const target = answer.target.service === null ? (answer.target.reason ?? l10n.t('no backend')) : `${answer.target.service}:${answer.target.port ?? '?'} → ${answer.target.endpoints.length > 0 ? answer.target.endpoints.join(', ') : l10n.t('no endpoints')}`;
      lines.push(`  [class ${answer.class ?? 'none'}] ${answer.ingress}: ${rule} → ${target}`);
      if (answer.reason) lines.push(`    ${answer.reason}`);
    }
  }
  return lines.join('\n') + '\n';
}

function usage(io: CliIo, message: string): number {
  io.stderr(`drydock routes: ${message}\n${l10n.t('usage: {0}', SPEC.usage)}\n`);
  return EXIT_USAGE;
}

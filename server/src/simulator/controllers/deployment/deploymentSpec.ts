import * as l10n from '@vscode/l10n';
import { verbatim } from '../../../l10n/verbatim';
import type { KubeObject, Manifest, SimFinding, FieldPath } from '../../model/source';
import { compileLabelSelector, isRecord } from '../../model/labelSelector';
import { notPercent, parseIntOrPercent, type IntOrPercent } from './intOrPercent';
import type { Strategy } from './fenceposts';

/**
 * A Deployment as the controller sees it after API defaulting (apps/v1 `SetDefaults_Deployment`):
 * replicas 1, RollingUpdate with 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600,
 * minReadySeconds 0, paused false. Validation problems the API server would reject
 * (`ValidateDeploymentSpec`, `ValidateRollingUpdateDeployment`) come back as findings; a spec with
 * an error-level finding must not be simulated.
 */
export interface DeploymentModel {
  namespace: string;
  name: string;
  replicas: number;
  strategy: Strategy;
  minReadySeconds: number;
  paused: boolean;
  revisionHistoryLimit: number;
  progressDeadlineSeconds: number;
  selector: unknown;
  /** `spec.template` as written (labels, annotations, spec). */
  template: Record<string, unknown>;
  manifest: Manifest;
}

/** Above this many replicas the step simulation refuses (it models every pod). */
export const MAX_SIMULATED_REPLICAS = 10_000;

const DEFAULT_PERCENT: IntOrPercent = { kind: 'percent', value: 25 };
const INT32_MAX = 2_147_483_647;

export function readDeployment(manifest: Manifest): { deployment: DeploymentModel; findings: SimFinding[] } {
  const object = manifest.object;
  const findings: SimFinding[] = [];
  const report = (path: FieldPath, code: string, message: string, severity: SimFinding['severity'] = 'error') =>
    findings.push({ source: manifest.source, path, severity, code, message });

  const spec = isRecord(object.spec) ? object.spec : {};
  const replicas = readCount(spec.replicas, 1, ['spec', 'replicas'], report);
  const minReadySeconds = readCount(spec.minReadySeconds, 0, ['spec', 'minReadySeconds'], report);
  const revisionHistoryLimit = readCount(spec.revisionHistoryLimit, 10, ['spec', 'revisionHistoryLimit'], report);
  const progressDeadlineSeconds = readCount(spec.progressDeadlineSeconds, 600, ['spec', 'progressDeadlineSeconds'], report);
  if (spec.progressDeadlineSeconds !== undefined && progressDeadlineSeconds <= minReadySeconds) {
    report(['spec', 'progressDeadlineSeconds'], 'sim/deployment-progress-deadline', l10n.t('progressDeadlineSeconds ({0}) must be greater than minReadySeconds ({1})', progressDeadlineSeconds, minReadySeconds));
  }
  if (replicas > MAX_SIMULATED_REPLICAS) {
    report(['spec', 'replicas'], 'sim/rollout-too-large', l10n.t('{0} replicas is more than the {1} the rollout preview simulates pod by pod', replicas, MAX_SIMULATED_REPLICAS), 'warning');
  }

  const strategy = readStrategy(spec.strategy, report);
  const selector = spec.selector;
  if (selector === undefined || selector === null) {
    report(['spec'], 'sim/deployment-no-selector', l10n.t('spec.selector is required for apps/v1 Deployments'));
  } else {
    const invalid = compileLabelSelector(selector).invalid;
    if (invalid) report(['spec', 'selector'], 'sim/deployment-invalid-selector', invalid);
    if (isEmptySelector(selector)) {
      report(['spec', 'selector'], 'sim/deployment-empty-selector', l10n.t('an empty selector selects every pod; the Deployment controller ignores such a Deployment'));
    }
  }
  const template = isRecord(spec.template) ? spec.template : {};
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  return {
    deployment: {
      namespace: typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'default',
      name: typeof metadata.name === 'string' ? metadata.name : '',
      replicas,
      strategy,
      minReadySeconds,
      paused: spec.paused === true,
      revisionHistoryLimit,
      progressDeadlineSeconds,
      selector,
      template,
      manifest,
    },
    findings,
  };
}

type Report = (path: FieldPath, code: string, message: string, severity?: SimFinding['severity']) => void;

function readCount(raw: unknown, fallback: number, path: FieldPath, report: Report): number {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > INT32_MAX) {
    report(path, 'sim/deployment-invalid-count', l10n.t('{0} must be a non-negative 32-bit integer, not {1}', path[path.length - 1], JSON.stringify(raw)));
    return fallback;
  }
  return raw;
}

function readStrategy(raw: unknown, report: Report): Strategy {
  const strategy = isRecord(raw) ? raw : {};
  const type = strategy.type ?? 'RollingUpdate';
  if (type === 'Recreate') {
    if (strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
      report(['spec', 'strategy', 'rollingUpdate'], 'sim/deployment-recreate-with-rolling-update', verbatim("may not be specified when strategy `type` is 'Recreate'"));
    }
    return { type: 'Recreate' };
  }
  if (type !== 'RollingUpdate') {
    report(['spec', 'strategy', 'type'], 'sim/deployment-invalid-strategy', l10n.t('unsupported strategy type "{0}": must be RollingUpdate or Recreate', String(type)));
  }
  const rolling = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const maxSurge = readFencepost(rolling.maxSurge, 'maxSurge', report);
  const maxUnavailable = readFencepost(rolling.maxUnavailable, 'maxUnavailable', report);
  if (maxUnavailable.kind === 'percent' && maxUnavailable.value > 100) {
    report(['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], 'sim/deployment-max-unavailable-over-100', verbatim('must not be greater than 100%'));
  }
  if (maxSurge.value === 0 && maxUnavailable.value === 0) {
    report(['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], 'sim/deployment-both-zero', verbatim('may not be 0 when `maxSurge` is 0'));
  }
  return { type: 'RollingUpdate', maxSurge, maxUnavailable };
}

function readFencepost(raw: unknown, field: 'maxSurge' | 'maxUnavailable', report: Report): IntOrPercent {
  if (raw === undefined || raw === null) return DEFAULT_PERCENT;
  const path = ['spec', 'strategy', 'rollingUpdate', field];
  const parsed = parseIntOrPercent(raw);
  const refuse = (problem: string): IntOrPercent => {
    report(path, 'sim/deployment-invalid-int-or-percent', verbatim(`${field}: ${problem}`));
    return DEFAULT_PERCENT;
  };
  if (!parsed.ok) return refuse(parsed.error);
  // Resolution takes "+5%" and "-5%" (Atoi); validation does not (the percent pattern, non-negative integers).
  if (typeof raw === 'string' && !/^\d+%$/.test(raw)) return refuse(notPercent(raw));
  if (parsed.value.value < 0) return refuse(`Invalid value: ${parsed.value.value}: must be greater than or equal to 0`);
  return parsed.value;
}

function isEmptySelector(selector: unknown): boolean {
  if (!isRecord(selector)) return false;
  const labels = selector.matchLabels;
  const expressions = selector.matchExpressions;
  return (!isRecord(labels) || Object.keys(labels).length === 0) && (!Array.isArray(expressions) || expressions.length === 0);
}

/** Namespace/name key of a Deployment object, for pairing the old and new version. */
export function deploymentKey(object: KubeObject): string {
  const namespace = object.metadata?.namespace || 'default';
  return `${namespace}/${object.metadata?.name ?? ''}`;
}

import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { defineDocumentRule } from '../defineRule';

const REPLICATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet']);

/** One replica means downtime on every rollout, node drain and crash. */
export const singleReplica = defineDocumentRule(
  { code: 'bp/single-replica', defaultSeverity: 'information', category: 'best-practice', summary: 'Deployments and StatefulSets should run more than one replica.' },
  (target, report) => {
    const { object } = target;
    if (typeof object.kind !== 'string' || !REPLICATED_KINDS.has(object.kind) || !isPlainObject(object.spec)) return;
    const replicas = object.spec.replicas;
    if (replicas !== undefined && replicas !== 1) return; // 0 is deliberate; an HPA may manage it
    const message =
      replicas === undefined
        ? l10n.t('This {0} runs a single replica (the default): it is unavailable during rollouts, drains and crashes.', object.kind)
        : l10n.t('This {0} runs a single replica: it is unavailable during rollouts, drains and crashes.', object.kind);
    report(replicas === undefined ? ['spec'] : ['spec', 'replicas'], message, {
      target: replicas === undefined ? 'key' : 'value',
    });
  },
);

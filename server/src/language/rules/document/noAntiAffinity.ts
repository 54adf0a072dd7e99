import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { defineDocumentRule } from '../defineRule';
import { podSpecOf } from '../objects/podSpecs';

const REPLICATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet']);

/** Several replicas with no anti-affinity or topology spread may all land on one node. */
export const noAntiAffinity = defineDocumentRule(
  { code: 'bp/no-anti-affinity', defaultSeverity: 'information', category: 'best-practice', summary: 'Multi-replica Deployments and StatefulSets should spread their pods (pod anti-affinity or topologySpreadConstraints).' },
  (target, report) => {
    const { object } = target;
    if (typeof object.kind !== 'string' || !REPLICATED_KINDS.has(object.kind) || !isPlainObject(object.spec)) return;
    const replicas = object.spec.replicas;
    if (typeof replicas !== 'number' || replicas < 2) return;
    const pod = podSpecOf(object);
    if (!pod) return;
    const affinity = isPlainObject(pod.spec.affinity) ? pod.spec.affinity : {};
    const spread = Array.isArray(pod.spec.topologySpreadConstraints) && pod.spec.topologySpreadConstraints.length > 0;
    if (affinity.podAntiAffinity !== undefined || spread) return;
    report(['spec', 'replicas'], l10n.t('{0} replicas with no pod anti-affinity or topologySpreadConstraints: they may all run on one node.', replicas));
  },
);

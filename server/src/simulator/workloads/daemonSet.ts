import * as l10n from '@vscode/l10n';
import { isRecord, withLabels } from '../model/labelSelector';
import { requiredNodeAffinity } from '../model/nodeSelector';
import type { PodSpec } from '../model/pod';
import type { Manifest } from '../model/source';
import { findUntoleratedTaint, isDoNotScheduleTaint, parseTolerations } from '../model/taints';
import { makeReplica, nameOf, namespaceOf, readTemplate, type ExpansionContext, type WorkloadPods } from './context';
import { podTemplateHash } from './names';

/**
 * DaemonSet → one pod per eligible node, made the way the DaemonSet controller makes them:
 *   - the pod gets the daemon tolerations (not-ready and unreachable NoExecute; disk-, memory- and
 *     pid-pressure and unschedulable NoSchedule; network-unavailable too with hostNetwork);
 *   - a node is eligible when the template's nodeName (if any) is that node, its nodeSelector and
 *     required node affinity match, and every NoSchedule/NoExecute taint is tolerated
 *     (`NodeShouldRunDaemonPod`);
 *   - the pod's required node affinity is replaced by `matchFields metadata.name In [node]`, and
 *     it then goes through the default scheduler like any pod (so it can still be Pending, e.g.
 *     for lack of cpu).
 */
const DAEMON_TOLERATIONS: Array<[string, string]> = [
  ['node.kubernetes.io/not-ready', 'NoExecute'],
  ['node.kubernetes.io/unreachable', 'NoExecute'],
  ['node.kubernetes.io/disk-pressure', 'NoSchedule'],
  ['node.kubernetes.io/memory-pressure', 'NoSchedule'],
  ['node.kubernetes.io/pid-pressure', 'NoSchedule'],
  ['node.kubernetes.io/unschedulable', 'NoSchedule'],
];

export function expandDaemonSet(ctx: ExpansionContext, manifest: Manifest): WorkloadPods | undefined {
  const name = nameOf(manifest);
  const namespace = namespaceOf(manifest.object);
  const template = readTemplate(ctx, manifest);
  if (!template) return undefined;
  const base = withDaemonTolerations(template.spec);
  const required = requiredNodeAffinity(base);
  const tolerations = parseTolerations(base.tolerations);
  const wantedNode = typeof base.nodeName === 'string' ? base.nodeName : '';
  const labels = withLabels(template.labels, { 'controller-revision-hash': podTemplateHash(template.raw), 'pod-template-generation': '1' });
  const spec = isRecord(manifest.object.spec) ? manifest.object.spec : {};
  const ownerSelector = isRecord(spec.selector) ? (spec.selector as { matchLabels?: Record<string, string> }) : null;
  const pods = [];
  let skipped = 0;
  for (const node of ctx.nodes) {
    if (wantedNode !== '' && wantedNode !== node.name) continue;
    if (!required.matches(node)) continue;
    if (findUntoleratedTaint(node.taints, tolerations, isDoNotScheduleTaint)) continue;
    if (ctx.created >= ctx.maxPodsTotal) {
      skipped++;
      continue;
    }
    pods.push(
      makeReplica(ctx, manifest, {
        name: ctx.namer.generated(namespace, name, pods.length),
        namespace,
        labels,
        template,
        spec: pinnedTo(base, node.name),
        owner: { kind: 'DaemonSet', name },
        ownerSelector,
      }),
    );
  }
  if (skipped > 0) {
    ctx.findings.push({ source: manifest.source, path: ['kind'], severity: 'warning', code: 'sim/too-many-pods', message: l10n.t('This DaemonSet would run {0} pods; only {1} are simulated (limit: {2} pods in all).', pods.length + skipped, pods.length, ctx.maxPodsTotal) });
  }
  return { kind: 'DaemonSet', name, namespace, manifest, pods, orderedReady: false };
}

function withDaemonTolerations(spec: PodSpec): PodSpec {
  const existing = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  const wanted = spec.hostNetwork === true ? [...DAEMON_TOLERATIONS, ['node.kubernetes.io/network-unavailable', 'NoSchedule'] as [string, string]] : DAEMON_TOLERATIONS;
  const added = wanted
    .filter(([key, effect]) => !existing.some((t) => isRecord(t) && t.key === key && t.effect === effect && t.operator === 'Exists'))
    .map(([key, effect]) => ({ key, operator: 'Exists', effect }));
  return { ...spec, tolerations: [...existing, ...added] };
}

/** `ReplaceDaemonSetPodNodeNameNodeAffinity`: the required node terms become "this node, by name". */
function pinnedTo(spec: PodSpec, nodeName: string): PodSpec {
  const affinity = isRecord(spec.affinity) ? spec.affinity : {};
  const nodeAffinity = isRecord(affinity.nodeAffinity) ? affinity.nodeAffinity : {};
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] };
  return { ...spec, affinity: { ...affinity, nodeAffinity: { ...nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: required } } };
}

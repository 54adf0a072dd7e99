import * as l10n from '@vscode/l10n';
import type { PreviewModel, PreviewPod } from '../../server/src/protocol/preview';

/** The charts palette of the theme, one colour per namespace (media/nodes.css: `.ns-<colour>`). */
export const NAMESPACE_COLOURS = ['blue', 'green', 'purple', 'orange', 'yellow', 'red'] as const;

/** A namespace colour, `other` (namespaces past the palette) or `system` (the cluster's own pods). */
export type PodColour = (typeof NAMESPACE_COLOURS)[number] | 'other' | 'system';

/** Namespaces whose pods are the cluster's own, not the user's. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** One entry of the legend: a colour and what it stands for. */
export interface LegendEntry {
  /** Stable across models while the namespace is there: `namespace:<name>`, `other` or `system`. */
  key: string;
  colour: PodColour;
  /** The namespace, "other namespaces" or "system". */
  label: string;
  /** What the entry covers, in words, e.g. "kube-system and the cluster profile's pods". */
  covers: string;
  pods: number;
}

export interface PodColouring {
  colourOf(pod: PreviewPod): PodColour;
  legend: LegendEntry[];
}

/**
 * Colours the pods by namespace: the user's namespaces take the palette in name order, those past it
 * share `other`; the cluster's own pods (kube-system and friends, and the pods written in the cluster
 * profile, the file of the Nodes) are `system`, drawn without a fill.
 */
export function colourPods(model: PreviewModel): PodColouring {
  const profileFiles = new Set(model.simulation.nodes.flatMap((node) => (node.source ? [node.source.uri] : [])));
  const isSystem = (pod: PreviewPod): boolean => SYSTEM_NAMESPACES.has(pod.namespace) || (pod.source !== undefined && pod.source !== null && profileFiles.has(pod.source.uri));
  const counts = new Map<string, number>();
  let systemPods = 0;
  let profilePods = 0;
  for (const pod of model.simulation.pods) {
    if (isSystem(pod)) {
      systemPods++;
      if (!SYSTEM_NAMESPACES.has(pod.namespace)) profilePods++;
    } else {
      counts.set(pod.namespace, (counts.get(pod.namespace) ?? 0) + 1);
    }
  }
  const namespaces = [...counts.keys()].sort();
  const colourByNamespace = new Map<string, PodColour>(namespaces.map((ns, i) => [ns, NAMESPACE_COLOURS[i] ?? 'other']));
  const legend: LegendEntry[] = namespaces.slice(0, NAMESPACE_COLOURS.length).map((ns, i) => ({
    key: `namespace:${ns}`,
    colour: NAMESPACE_COLOURS[i],
    label: ns,
    covers: l10n.t('namespace {0}', ns),
    pods: counts.get(ns) ?? 0,
  }));
  const rest = namespaces.slice(NAMESPACE_COLOURS.length);
  if (rest.length > 0) {
    legend.push({ key: 'other', colour: 'other', label: l10n.t('other namespaces'), covers: l10n.t('namespaces {0}', rest.join(', ')), pods: rest.reduce((sum, ns) => sum + (counts.get(ns) ?? 0), 0) });
  }
  if (systemPods > 0) {
    const covers = profilePods === 0 ? l10n.t('kube-system pods') : profilePods === systemPods ? l10n.t("the cluster profile's pods") : l10n.t("kube-system and the cluster profile's pods");
    legend.push({ key: 'system', colour: 'system', label: l10n.t('system'), covers, pods: systemPods });
  }
  return {
    colourOf: (pod) => (isSystem(pod) ? 'system' : colourByNamespace.get(pod.namespace) ?? 'other'),
    legend,
  };
}

/** The colour's name as the legend says it. */
export function colourName(colour: PodColour): string {
  switch (colour) {
    case 'system': return l10n.t('no fill, dotted outline');
    case 'other': return l10n.t('grey');
    case 'blue': return l10n.t('blue');
    case 'green': return l10n.t('green');
    case 'purple': return l10n.t('purple');
    case 'orange': return l10n.t('orange');
    case 'yellow': return l10n.t('yellow');
    case 'red': return l10n.t('red');
  }
}

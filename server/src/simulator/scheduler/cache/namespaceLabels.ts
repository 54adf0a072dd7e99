import { namespaceLabels } from '../../model/clusterObjects';
import type { Labels } from '../../model/labelSelector';
import type { ClusterState } from './clusterState';

/** A namespace's labels; a namespace nobody declared still has `kubernetes.io/metadata.name`. */
export function namespaceLabelsOf(state: ClusterState, namespace: string): Labels {
  let labels = state.objects.namespaces.get(namespace);
  if (!labels) {
    labels = namespaceLabels(namespace, undefined);
    state.objects.namespaces.set(namespace, labels);
  }
  return labels;
}

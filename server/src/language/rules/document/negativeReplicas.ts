import { verbatim } from '../../messageLists';
import { isPlainObject } from '../../manifests';
import { defineDocumentRule } from '../defineRule';

/** The kinds whose `spec.replicas` the API server checks with ValidateNonnegativeField. */
const SCALED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/**
 * `spec.replicas` below 0: the API server rejects the object (`ValidateNonnegativeField` in the apps
 * and core validation), in its words `Invalid value: -1: must be greater than or equal to 0`. The rule
 * reads the object's value, so an item of a List, a flow mapping or a value merged from an anchor
 * (`<<: *defaults`) are checked alike. (The dry run simulates such a workload with no pods.)
 */
export const negativeReplicas = defineDocumentRule(
  {
    code: 'api/negative-replicas',
    defaultSeverity: 'error',
    category: 'api-server',
    summary: 'The replicas of a Deployment, ReplicaSet, StatefulSet or ReplicationController must be greater than or equal to 0.',
  },
  (target, report) => {
    const { object } = target;
    if (typeof object.kind !== 'string' || !SCALED_KINDS.has(object.kind) || !isPlainObject(object.spec)) return;
    const replicas = object.spec.replicas;
    if (typeof replicas === 'number' && replicas < 0) report(['spec', 'replicas'], verbatim(`Invalid value: ${replicas}: must be greater than or equal to 0`));
  },
);

import { cronSchedule } from './document/cronSchedule';
import { duplicateContainerName } from './document/duplicateContainerName';
import { duplicateContainerPort } from './document/duplicateContainerPort';
import { duplicateEnvName } from './document/duplicateEnvName';
import { duplicatePortDefinition } from './document/duplicatePortDefinition';
import { duplicateServicePort } from './document/duplicateServicePort';
import { duplicateVolumeName } from './document/duplicateVolumeName';
import { hostNetwork } from './document/hostNetwork';
import { hostPath } from './document/hostPath';
import { labelFormat } from './document/labelFormat';
import { latestTag } from './document/latestTag';
import { missingImage } from './document/missingImage';
import { missingMemoryLimit } from './document/missingMemoryLimit';
import { missingLivenessProbe, missingReadinessProbe } from './document/missingProbe';
import { missingRequests } from './document/missingRequests';
import { nameFormat } from './document/nameFormat';
import { nameRequired } from './document/nameRequired';
import { negativeReplicas } from './document/negativeReplicas';
import { noAntiAffinity } from './document/noAntiAffinity';
import { privileged } from './document/privileged';
import { privilegeEscalation } from './document/privilegeEscalation';
import { requestsExceedLimits } from './document/requestsExceedLimits';
import { runAsNonRoot } from './document/runAsNonRoot';
import { selectorMismatch } from './document/selectorMismatch';
import { selectorOperator } from './document/selectorOperator';
import { singleReplica } from './document/singleReplica';
import { unsupportedValue } from './document/unsupportedValue';
import type { DocumentRule } from './ruleTypes';

/**
 * The per-document rules beyond the schema, in the order they run: first what the API server would
 * reject, then the best-practice set. Appended to the document validators.
 */
export const DOCUMENT_RULES: readonly DocumentRule[] = [
  nameRequired,
  nameFormat,
  labelFormat,
  missingImage,
  duplicateContainerName,
  duplicateContainerPort,
  duplicatePortDefinition,
  duplicateEnvName,
  duplicateVolumeName,
  duplicateServicePort,
  negativeReplicas,
  selectorMismatch,
  selectorOperator,
  unsupportedValue,
  requestsExceedLimits,
  cronSchedule,
  latestTag,
  missingRequests,
  missingMemoryLimit,
  missingReadinessProbe,
  missingLivenessProbe,
  privileged,
  privilegeEscalation,
  hostPath,
  hostNetwork,
  runAsNonRoot,
  singleReplica,
  noAntiAffinity,
];

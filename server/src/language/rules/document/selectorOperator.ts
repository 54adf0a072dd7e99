import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { defineDocumentRule } from '../defineRule';
import { walkWithSchema, type FieldInterest } from '../objects/schemaWalk';
import type { FieldPath } from '../../../simulator/model/source';

/** Which owners of `matchExpressions` / `matchFields` take which operators with values. */
const REQUIREMENT_LISTS: Readonly<Record<string, 'label' | 'node'>> = {
  'LabelSelector.matchExpressions': 'label',
  'NodeSelectorTerm.matchExpressions': 'node',
  'NodeSelectorTerm.matchFields': 'node',
};

/** The requirement lists, and the pod's tolerations. */
const SELECTOR_FIELDS: FieldInterest = {
  id: 'api/selector-operator',
  wants: (owner, field) => REQUIREMENT_LISTS[`${owner}.${field}`] !== undefined || (owner === 'PodSpec' && field === 'tolerations'),
};

/**
 * `In`/`NotIn` need values, `Exists`/`DoesNotExist` must have none, node selectors' `Gt`/`Lt` take
 * exactly one integer; a toleration with `operator: Exists` must have no value.
 */
export const selectorOperator = defineDocumentRule(
  { code: 'api/selector-operator', defaultSeverity: 'error', category: 'api-server', summary: 'Selector operators must come with the values they need: In/NotIn some, Exists/DoesNotExist none, Gt/Lt one integer.' },
  (target, report, ctx) => {
    if (target.resolution?.status !== 'known') return;
    walkWithSchema(ctx.schemas, target.resolution.definition, target.object, SELECTOR_FIELDS, (field) => {
      if (!field.item || !isPlainObject(field.value)) return;
      if (field.owner === 'PodSpec') {
        if (field.field === 'tolerations' && field.value.operator === 'Exists' && typeof field.value.value === 'string' && field.value.value !== '') {
          report([...field.path, 'value'], l10n.t('A toleration with `operator: Exists` must not have a `value`.'));
        }
        return;
      }
      if (REQUIREMENT_LISTS[`${field.owner}.${field.field}`]) checkRequirement([...field.path], field.value, report);
    });
  },
);

function checkRequirement(path: FieldPath, requirement: Record<string, unknown>, report: (path: FieldPath, message: string) => void): void {
  const { operator } = requirement;
  const values = Array.isArray(requirement.values) ? requirement.values : [];
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) report([...path, 'operator'], l10n.t('Operator `{0}` needs at least one value in `values`.', operator));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) report([...path, 'values'], l10n.t('Operator `{0}` must not have `values`.', operator));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1 || !/^-?\d+$/.test(String(values[0]))) report([...path, requirement.values === undefined ? 'operator' : 'values'], l10n.t('Operator `{0}` needs exactly one integer value.', operator));
      break;
    default:
      break; // an unknown operator is api/unsupported-value
  }
}

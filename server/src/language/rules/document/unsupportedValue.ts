import * as l10n from '@vscode/l10n';
import { closestMatches } from '../../suggest';
import { enumValuesOf } from '../facts/enumValues';
import { defineDocumentRule } from '../defineRule';
import { walkWithSchema, type FieldInterest } from '../objects/schemaWalk';

const ENUMERATED_FIELDS: FieldInterest = { id: 'api/unsupported-value', wants: (owner, field) => enumValuesOf(owner, field) !== undefined };

/**
 * Enumerated fields (protocol, imagePullPolicy, restartPolicy, Service type, …) accept only their
 * listed values. The OpenAPI schemas no longer carry enums, so the values come from a facts table.
 */
export const unsupportedValue = defineDocumentRule(
  { code: 'api/unsupported-value', defaultSeverity: 'error', category: 'api-server', summary: 'Enumerated fields (protocol, imagePullPolicy, restartPolicy, Service type, ...) must have one of their supported values.' },
  (target, report, ctx) => {
    if (target.resolution?.status !== 'known') return;
    walkWithSchema(ctx.schemas, target.resolution.definition, target.object, ENUMERATED_FIELDS, (field) => {
      if (Array.isArray(field.value)) return;
      const allowed = enumValuesOf(field.owner, field.field);
      if (!allowed || typeof field.value !== 'string' || field.value === '' || allowed.includes(field.value)) return;
      const suggestions = closestMatches(field.value, allowed, 1);
            report([...field.path], suggestions.length
          ? l10n.t('Unsupported value `{0}`: supported values are {1} (did you mean `{2}`?).', field.value, allowed.map((v) => `\`${v}\``).join(', '), suggestions[0])
          : l10n.t('Unsupported value `{0}`: supported values are {1}.', field.value, allowed.map((v) => `\`${v}\``).join(', ')), { data: { suggestions, allowed } });
    });
  },
);

import * as l10n from '@vscode/l10n';
import { displayDefinitionName } from '../schema/schemaValidators';
import type { Range } from '../findings';
import { enumValuesOf } from '../rules/facts/enumValues';
import type { CompletionEntry } from './completionEntry';
import type { FieldSchema } from './schemaAtPath';

/** The values a field can take, when they are few: enumerated values and booleans. */
export function valueCompletions(field: FieldSchema, range: Range): CompletionEntry[] {
  const owner = field.ownerDefinition ? displayDefinitionName(field.ownerDefinition) : undefined;
  const fromTable = enumValuesOf(owner, field.name);
  const resolved = field.resolved;
  const fromSchema = Array.isArray(resolved.enum) ? resolved.enum.filter((v): v is string => typeof v === 'string') : undefined;
  const values = fromTable ?? fromSchema ?? (resolved.type === 'boolean' ? ['true', 'false'] : []);
  return values.map((value, index) => ({
    label: value,
    kind: 'enum' as const,
    detail: field.name ? l10n.t('{0} value', field.name) : undefined,
    insertText: value,
    snippet: false,
    range,
    sortText: String(index).padStart(3, '0'),
  }));
}

import * as l10n from '@vscode/l10n';
import { dataOf, type FixProvider } from './fixContext';

/** `schema/unknown-field`, `kustomize/unknown-field` → rename the key to each of the closest valid keys ("did you mean"). */
export const unknownFieldFix: FixProvider = ({ diagnostic }) => {
  const { field, suggestions } = dataOf(diagnostic);
  if (!Array.isArray(suggestions)) return [];
  return suggestions
    .filter((s): s is string => typeof s === 'string')
    .map((suggestion, index) => ({
      title: l10n.t('Change `{0}` to `{1}`', String(field), suggestion),
      edits: [{ range: diagnostic.range, newText: suggestion }],
      diagnostic,
      preferred: index === 0,
    }));
};

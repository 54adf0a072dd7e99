import { dataOf, type FixProvider } from './fixContext';

/** `schema/unknown-field`, `kustomize/unknown-field` → rename the key to each of the closest valid keys ("did you mean"). */
export const unknownFieldFix: FixProvider = ({ diagnostic }) => {
  const { field, suggestions } = dataOf(diagnostic);
  if (!Array.isArray(suggestions)) return [];
  return suggestions
    .filter((s): s is string => typeof s === 'string')
    .map((suggestion, index) => ({
      title: `Change \`${String(field)}\` to \`${suggestion}\``,
      edits: [{ range: diagnostic.range, newText: suggestion }],
      diagnostic,
      preferred: index === 0,
    }));
};

import * as l10n from '@vscode/l10n';
import { dataOf, type FixProvider } from './fixContext';

/** `api/unsupported-value` → the supported value closest to the one written (`udp` → `UDP`). */
export const unsupportedValueFix: FixProvider = ({ diagnostic }) => {
  const { suggestions } = dataOf(diagnostic);
  if (!Array.isArray(suggestions)) return [];
  return suggestions
    .filter((s): s is string => typeof s === 'string')
    .map((suggestion, index) => ({ title: l10n.t('Change to `{0}`', suggestion), edits: [{ range: diagnostic.range, newText: suggestion }], diagnostic, preferred: index === 0 }));
};

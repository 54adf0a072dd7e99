import * as l10n from '@vscode/l10n';
import { dataOf, type FixProvider } from './fixContext';

/** `schema/type` on a YAML 1.1 boolean or a number in a string field → quote it. */
export const quoteValueFix: FixProvider = ({ diagnostic }) => {
  const { quote } = dataOf(diagnostic);
  if (typeof quote !== 'string') return [];
  return [{ title: l10n.t('Quote `{0}` as a string', quote), edits: [{ range: diagnostic.range, newText: JSON.stringify(quote) }], diagnostic, preferred: true }];
};

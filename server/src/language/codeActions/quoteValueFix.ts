import { dataOf, type FixProvider } from './fixContext';

/** `schema/type` on a YAML 1.1 boolean or a number in a string field → quote it. */
export const quoteValueFix: FixProvider = ({ diagnostic }) => {
  const { quote } = dataOf(diagnostic);
  if (typeof quote !== 'string') return [];
  return [{ title: `Quote \`${quote}\` as a string`, edits: [{ range: diagnostic.range, newText: JSON.stringify(quote) }], diagnostic, preferred: true }];
};

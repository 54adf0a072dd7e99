import type { CompletionEntry } from '../completion/completionEntry';
import { LineIndex } from '../parse/lineIndex';
import type { ParsedDocument } from '../parse/parsedDocument';
import { commentAbove, isFieldName, mapAt, previewOf, sourceOf } from './valuesLookup';
import type { ValuesReference } from './valuesReference';

export interface ValuesCompletionRequest {
  /** The template's text, and the cursor's offset in it. */
  template: string;
  offset: number;
  /** The reference under the cursor (valuesReference.ts). */
  reference: ValuesReference;
  /** The chart's values.yaml, parsed (its first document). */
  values: ParsedDocument;
}

/**
 * The keys of values.yaml a `.Values.a.` reference can go on with: those of the mapping at the keys
 * before the cursor's, each with a preview of its value as detail and its source (and the comment
 * above it) as documentation. The cursor's key, typed so far, is what the chosen key replaces.
 */
export function valuesCompletions(request: ValuesCompletionRequest): CompletionEntry[] {
  const { reference, values } = request;
  const parent = reference.keys.slice(0, reference.cursor).map((key) => key.name);
  const map = mapAt(values, parent);
  if (!map) return [];
  const typed = reference.keys[reference.cursor];
  const lines = new LineIndex(request.template);
  const range = lines.range(typed.start, typed.end);
  return map.items
    .filter((pair) => isFieldName(String(pair.key.value)))
    .map((pair, index): CompletionEntry => {
      const key = String(pair.key.value);
      const comment = commentAbove(values, pair);
      const source = '```yaml\n' + sourceOf(values, pair) + '\n```';
      return {
        label: key,
        kind: 'property',
        detail: previewOf(values, pair.value),
        documentation: comment ? `${comment}\n\n${source}` : source,
        insertText: key,
        snippet: false,
        range,
        // values.yaml's order, which chart authors choose.
        sortText: String(index).padStart(4, '0'),
      };
    });
}

import * as l10n from '@vscode/l10n';
import type { HoverResult } from '../hover/hoverAt';
import { LineIndex } from '../parse/lineIndex';
import type { ParsedDocument } from '../parse/parsedDocument';
import { commentAbove, isFieldName, lineOf, mapAt, pairIn, sourceOf, typeOfValue } from './valuesLookup';
import type { ValuesReference } from './valuesReference';

export interface ValuesHoverRequest {
  template: string;
  reference: ValuesReference;
  /** The chart's values.yaml, parsed (its first document); undefined when the chart has none. */
  values: ParsedDocument | undefined;
  /** Where values.yaml is (a URI), for the link to its line. */
  valuesUri: string;
}

/**
 * Hover on `.Values.a.b` (up to the key under the cursor): the value's type and source as
 * values.yaml has it, the comment above its key, and a link to its line. A key values.yaml does not
 * set says so, with the keys its parent has.
 */
export function valuesHover(request: ValuesHoverRequest): HoverResult {
  const { reference, values } = request;
  const keys = reference.keys.slice(0, reference.cursor + 1);
  const path = keys.map((key) => key.name);
  const name = `\`.Values.${path.join('.')}\``;
  const lines = new LineIndex(request.template);
  const range = lines.range(keys[0].start - '.Values.'.length, keys[keys.length - 1].end);
  const parent = values && mapAt(values, path.slice(0, -1));
  const pair = parent && pairIn(parent, path[path.length - 1]);
  if (!values || !parent || !pair) return { markdown: notSet(name, request, parent), range };
  const line = lineOf(values, pair);
  const parts = [`${name} — ${typeOfValue(pair.value)}`];
  const comment = commentAbove(values, pair);
  if (comment) parts.push(comment);
  parts.push('```yaml\n' + sourceOf(values, pair) + '\n```', l10n.t('From [values.yaml, line {0}]({1}#L{0}).', line + 1, request.valuesUri));
  return { markdown: parts.join('\n\n'), range };
}

function notSet(name: string, request: ValuesHoverRequest, parent: ReturnType<typeof mapAt>): string {
  if (!request.values) return l10n.t('{0}: this chart has no values.yaml.', name);
  const known = parent?.items.map((pair) => String(pair.key.value)).filter(isFieldName) ?? [];
  const keys = known.map((key) => `\`${key}\``).join(', ');
  return known.length > 0 ? l10n.t('{0} is not set in [values.yaml]({1}). Keys there: {2}.', name, request.valuesUri, keys) : l10n.t('{0} is not set in [values.yaml]({1}).', name, request.valuesUri);
}

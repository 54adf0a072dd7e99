import * as l10n from '@vscode/l10n';
import type { CompletionEntry } from '../completion/completionEntry';
import { cursorContext, type CursorContext } from '../completion/cursorContext';
import { keyCompletions } from '../completion/keyCompletions';
import { schemaAtPath, shapeOf, typeLabel } from '../completion/schemaAtPath';
import type { SchemaSource } from '../completion/schemaSource';
import { valueCompletions } from '../completion/valueCompletions';
import { shiftRange, type Range } from '../findings';
import { RULE_CATALOG } from '../rules/ruleCatalog';
import type { HoverResult } from '../hover/hoverAt';
import { treePathAt } from '../hover/treePathAt';
import type { ParsedDocument } from '../parse/parsedDocument';
import { configDescription } from './configDescriptions';
import { DRYDOCK_CONFIG_SCHEMA } from './drydockConfigSchema';

/** `.drydock.yaml`'s schema as the completion and hover walkers read a schema (no references to follow). */
const CONFIG_SOURCE: SchemaSource = {
  root: DRYDOCK_CONFIG_SCHEMA,
  deref: (schema) => schema,
  refName: () => undefined,
  // Read only by the manifest hover's footer, which a configuration's hover does not use.
  origin: { type: 'crd', apiVersion: '', kind: '.drydock.yaml', crdName: '' },
};

/** Completion in a `.drydock.yaml`: its keys (with their descriptions) and the values of enumerated fields (versions, severities). */
export function completeConfigAt(doc: ParsedDocument, offset: number): CompletionEntry[] {
  const ctx = cursorContext(doc.chunk.text, offset);
  const range = shiftRange(doc.lines.range(ctx.replaceStart, ctx.replaceEnd), doc.chunk.line);
  const field = schemaAtPath(CONFIG_SOURCE, ctx.path);
  if (!field) return [];
  if (ctx.position === 'key' && ctx.path[ctx.path.length - 1] === 'rules') return ruleCodeCompletions(ctx, range);
  if (ctx.position === 'key') {
    if (ctx.itemStart && shapeOf(CONFIG_SOURCE, field.declared) !== 'map') return valueCompletions(field, range);
    return keyCompletions(CONFIG_SOURCE, field.resolved, undefined, ctx, range).map((entry) => {
      const documentation = configDescription([...ctx.path, entry.label]);
      return documentation ? { ...entry, documentation } : entry;
    });
  }
  return valueCompletions(field, range);
}

/** The codes of Drydock's rules, under `rules:` (a severity to choose after each). */
function ruleCodeCompletions(ctx: CursorContext, range: Range): CompletionEntry[] {
  return [...RULE_CATALOG.values()]
    .filter((meta) => !ctx.siblings.has(meta.code))
    .map((meta) => ({
      label: meta.code,
      kind: 'property' as const,
      detail: meta.category === 'best-practice' ? l10n.t('{0} (opt-in)', meta.defaultSeverity) : meta.defaultSeverity,
      documentation: meta.summary,
      insertText: ctx.hasColon ? meta.code : `${meta.code}: \${1|off,error,warning,information,hint|}`,
      snippet: !ctx.hasColon,
      range,
      filterText: meta.code,
    }));
}

/** Hover on a key or value of a `.drydock.yaml`: the field's type and description. */
export function hoverConfigAt(doc: ParsedDocument, offset: number): HoverResult | undefined {
  const hit = treePathAt(doc.root, offset);
  if (!hit || hit.path.length === 0) return undefined;
  const field = schemaAtPath(CONFIG_SOURCE, hit.path);
  if (!field) return undefined;
  const name = field.item ? `${field.name ?? ''}[${String(hit.path[hit.path.length - 1])}]` : (field.name ?? '');
  const lines = [`**${name}** \`${typeLabel(CONFIG_SOURCE, field.declared)}\``];
  const description = configDescription(hit.path);
  if (description) lines.push('', description);
  if (Array.isArray(field.resolved.enum)) lines.push('', l10n.t('Allowed values: {0}', field.resolved.enum.map((v) => `\`${String(v)}\``).join(', ')));
  lines.push('', l10n.t('`.drydock.yaml` · Drydock project configuration (docs/rules.md, README)'));
  return { markdown: lines.join('\n'), range: shiftRange(doc.lines.range(hit.range[0], hit.range[1]), doc.chunk.line) };
}

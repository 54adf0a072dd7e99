import * as l10n from '@vscode/l10n';
import type { CrdRegistry } from '../crd/crdRegistry';
import { shiftRange, type Range } from '../findings';
import type { ParsedDocument } from '../parse/parsedDocument';
import { displayDefinitionName } from '../schema/schemaValidators';
import type { SchemaBundle } from '../schema/schemaBundle';
import { enumValuesOf } from '../rules/facts/enumValues';
import { objectAtCursor } from '../completion/objectAtCursor';
import { descriptionOf, schemaAtPath, typeLabel } from '../completion/schemaAtPath';
import { builtinSource, type SchemaSource } from '../completion/schemaSource';
import { sourceFor } from '../completion/sourceFor';
import type { FieldPath } from '../../simulator/model/source';
import { apiReferenceUrl } from './apiReference';
import { treePathAt } from './treePathAt';

export interface HoverRequest {
  doc: ParsedDocument;
  offset: number;
  bundle: SchemaBundle;
  crds?: CrdRegistry;
  /** Every bundled version's schemas, to say which versions have the field (optional). */
  allBundles?: readonly SchemaBundle[];
}

export interface HoverResult {
  markdown: string;
  /** File coordinates. */
  range: Range;
}

/**
 * Hover on a key (or a scalar value) of a manifest: the field's type, whether it is required, its
 * description (falling back to its type's), the Kubernetes versions that have it, and a link to the
 * API reference. Custom resources are described from their CRD.
 */
export function hoverAt(request: HoverRequest): HoverResult | undefined {
  const { doc, offset, bundle, crds } = request;
  const hit = treePathAt(doc.root, offset);
  if (!hit || hit.path.length === 0) return undefined;
  const target = objectAtCursor(doc, hit.path);
  if (target.path.length === 0) return undefined;
  const source = sourceFor(bundle, crds, target.apiVersion, target.kind);
  if (!source) return undefined;
  if (hit.on === 'value' && target.path.length === 1 && (target.path[0] === 'kind' || target.path[0] === 'apiVersion')) return kindHover(source, request, hit.range);
  const field = schemaAtPath(source, target.path);
  if (!field) return undefined;
  const range = shiftRange(doc.lines.range(hit.range[0], hit.range[1]), doc.chunk.line);

  const lines: string[] = [];
  const name = field.item ? `${field.name ?? ''}[${String(target.path[target.path.length - 1])}]` : (field.name ?? '');
  lines.push(`**${name}** \`${typeLabel(source, field.declared)}\` — ${field.item ? l10n.t('list item') : field.required ? l10n.t('required') : l10n.t('optional')}`);
  const description = descriptionOf(field);
  if (description) lines.push('', description);
  const allowed = enumValuesOf(field.ownerDefinition ? displayDefinitionName(field.ownerDefinition) : undefined, field.name) ?? (Array.isArray(field.resolved.enum) ? field.resolved.enum.map(String) : undefined);
  if (allowed?.length) lines.push('', l10n.t('Allowed values: {0}', allowed.map((v) => `\`${v}\``).join(', ')));
  lines.push('', footer(source, field.ownerDefinition, target.path, request));
  return { markdown: lines.join('\n'), range };
}

/** Hover on the `kind` or `apiVersion` value: what the kind is, and where it is documented. */
function kindHover(source: SchemaSource, request: HoverRequest, offsets: [number, number]): HoverResult {
  const { doc } = request;
  const range = shiftRange(doc.lines.range(offsets[0], offsets[1]), doc.chunk.line);
  const origin = source.origin;
  const description = source.deref(source.root)?.description;
  const lines = [`**${origin.kind}** \`${origin.apiVersion}\``];
  if (description) lines.push('', description);
  if (origin.type === 'crd') lines.push('', l10n.t('From CustomResourceDefinition `{0}`', origin.crdName));
  else lines.push('', `${l10n.t('Kubernetes {0}', origin.kubernetesVersion)} · ${l10n.t('[API reference]({0})', apiReferenceUrl(request.bundle, origin.definition))}`);
  return { markdown: lines.join('\n'), range };
}

function footer(source: SchemaSource, owner: string | undefined, path: FieldPath, request: HoverRequest): string {
  const origin = source.origin;
  if (origin.type === 'crd') return l10n.t('`{0}` `{1}` · from CustomResourceDefinition `{2}`', origin.apiVersion, origin.kind, origin.crdName);
  const parts = [owner ? l10n.t('`{0}` in `{1}` `{2}`', displayDefinitionName(owner), origin.apiVersion, origin.kind) : `\`${origin.apiVersion}\` \`${origin.kind}\``];
  const versions = versionsWith(request.allBundles, origin.apiVersion, origin.kind, path);
  parts.push(l10n.t('Kubernetes {0}', versions && versions.length ? versions.join(', ') : origin.kubernetesVersion));
  parts.push(l10n.t('[API reference]({0})', apiReferenceUrl(request.bundle, owner ?? origin.definition)));
  return parts.join(' · ');
}

/** The bundled Kubernetes versions whose schema has this field of this kind, oldest first. */
function versionsWith(bundles: readonly SchemaBundle[] | undefined, apiVersion: string, kind: string, path: FieldPath): string[] | undefined {
  if (!bundles?.length) return undefined;
  const versions: string[] = [];
  for (const bundle of bundles) {
    const definition = bundle.kinds[`${apiVersion}/${kind}`];
    if (definition && schemaAtPath(builtinSource(bundle, apiVersion, kind, definition), path)) versions.push(bundle.kubernetesVersion);
  }
  return versions.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
}

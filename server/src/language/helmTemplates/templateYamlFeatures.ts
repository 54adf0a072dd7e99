import { completeAt } from '../completion/completeAt';
import type { CompletionEntry } from '../completion/completionEntry';
import type { CrdRegistry } from '../crd/crdRegistry';
import type { Position } from '../findings';
import { hoverAt, type HoverResult } from '../hover/hoverAt';
import type { SchemaBundle } from '../schema/schemaBundle';
import { fitsTemplate, showsPlaceholder, templateYamlAt, touchesAction, type TemplateYaml } from './templateYaml';

export interface TemplateYamlRequest {
  yaml: TemplateYaml;
  /** In the template (the same line and character in its neutralized text). */
  position: Position;
  bundle: SchemaBundle;
  crds?: CrdRegistry;
  /** Every bundled version's schemas, for hover (optional). */
  allBundles?: readonly SchemaBundle[];
}

/**
 * Schema completion on the YAML parts of a chart template: `completeAt` over the neutralized
 * template, the schema chosen by the object's literal `apiVersion`/`kind`. Nothing inside an action,
 * nothing whose edits would touch one, nothing that shows a placeholder.
 */
export function completeInTemplate(request: TemplateYamlRequest): CompletionEntry[] {
  const at = templateYamlAt(request.yaml, request.position);
  if (!at) return [];
  const entries = completeAt({ doc: at.doc, offset: at.offset, bundle: request.bundle, crds: request.crds });
  return entries.filter((entry) => fitsTemplate(request.yaml, entry));
}

/** Schema hover on the YAML parts of a chart template (see `completeInTemplate`); none on an action or a placeholder. */
export function hoverInTemplate(request: TemplateYamlRequest): HoverResult | undefined {
  const at = templateYamlAt(request.yaml, request.position);
  if (!at) return undefined;
  const result = hoverAt({ doc: at.doc, offset: at.offset, bundle: request.bundle, crds: request.crds, allBundles: request.allBundles });
  return result && !touchesAction(request.yaml, result.range) && !showsPlaceholder(request.yaml, result.markdown) ? result : undefined;
}

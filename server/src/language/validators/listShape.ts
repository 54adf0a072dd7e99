import * as l10n from '@vscode/l10n';
import { isListKind } from '../manifests';
import type { DocumentContext, DocumentValidator } from './types';

/** A `kind: List` holds its objects in `items`; each item is validated like a document of its own. */
export const listShape: DocumentValidator = {
  id: 'schema/list',
  validate(ctx: DocumentContext): void {
    const value = ctx.doc.value as Record<string, unknown> | undefined;
    if (!value || typeof value !== 'object' || Array.isArray(value) || !isListKind(value)) return;
    const items = value.items;
    if (items !== undefined && !Array.isArray(items)) {
      ctx.report(['items'], { severity: 'error', code: 'schema/type', message: l10n.t('The `items` of a List must be a list of Kubernetes objects.') });
      return;
    }
    (items ?? []).forEach((item: unknown, index: number) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        ctx.report(['items', index], { severity: 'error', code: 'schema/not-an-object', message: l10n.t('Each item of a List must be a Kubernetes object (a mapping with apiVersion and kind).') });
      }
    });
  },
};

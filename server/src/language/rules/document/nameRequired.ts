import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { defineDocumentRule } from '../defineRule';

/** `metadata.name` is optional in the OpenAPI schema, but the API server requires a name or a generateName. */
export const nameRequired = defineDocumentRule(
  { code: 'api/name-required', defaultSeverity: 'error', category: 'api-server', summary: 'Every object needs `metadata.name` (or `metadata.generateName`).' },
  (target, report) => {
    const { object } = target;
    // Only API objects: a config file with apiVersion/kind (Kustomization, AdmissionConfiguration) has no name.
    if (target.resolution?.status !== 'known') return;
    if (typeof object.kind === 'string' && object.kind.endsWith('Review')) return; // TokenReview, SubjectAccessReview…: created, never stored
    const metadata = object.metadata;
    // A name of the wrong type is the schema's to report; this rule is about a missing one.
    const given = (value: unknown): boolean => value !== undefined && value !== '';
    const named = isPlainObject(metadata) && (given(metadata.name) || given(metadata.generateName));
    if (named) return;
    report(isPlainObject(metadata) ? ['metadata'] : [], l10n.t('`{0}` needs a `metadata.name` (or `metadata.generateName`): the API server rejects objects without one.', String(object.kind)), {
      target: 'key',
      data: { field: 'name', insertAt: isPlainObject(metadata) ? 'metadata' : 'root' },
    });
  },
);

import { orList } from '../messageLists';
import * as l10n from '@vscode/l10n';
import type { DocumentContext, DocumentValidator } from './types';

/**
 * Every object must say what it is: a string `apiVersion` and `kind`, served by the chosen
 * Kubernetes version. Unknown kinds in a built-in group and unserved versions are errors (the API
 * server rejects them); an unknown group is a custom resource, noted at information level.
 */
export const manifestIdentity: DocumentValidator = {
  id: 'schema/identity',
  validate(ctx: DocumentContext): void {
    const value = ctx.doc.value;
    if (value === undefined || value === null) return; // did not parse (the YAML findings say why), or empty
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      ctx.report([], {
        severity: 'error',
        code: 'schema/not-an-object',
        message: Array.isArray(value)
          ? l10n.t('A Kubernetes manifest must be a mapping with apiVersion and kind, not a list.')
          : l10n.t('A Kubernetes manifest must be a mapping with apiVersion and kind, not a single value.'),
      });
      return;
    }
    for (const target of ctx.targets) {
      const { apiVersion, kind } = target.object;
      if (kind === undefined) {
        ctx.report(target.path, { severity: 'error', code: 'schema/missing-kind', message: l10n.t("Missing 'kind': every Kubernetes object needs one (e.g. `kind: Deployment`).") }, 'key');
      } else if (typeof kind !== 'string' || kind === '') {
        ctx.report([...target.path, 'kind'], { severity: 'error', code: 'schema/type', message: l10n.t('`{0}` must be a non-empty string.', 'kind') });
      }
      if (apiVersion === undefined) {
        ctx.report(target.path, { severity: 'error', code: 'schema/missing-api-version', message: l10n.t("Missing 'apiVersion': every Kubernetes object needs one (e.g. `apiVersion: apps/v1`).") }, 'key');
      } else if (typeof apiVersion !== 'string' || apiVersion === '') {
        ctx.report([...target.path, 'apiVersion'], { severity: 'error', code: 'schema/type', message: l10n.t('`{0}` must be a non-empty string.', 'apiVersion') });
      }
      const resolution = target.resolution;
      if (!resolution) continue;
      const version = ctx.kubernetesVersion;
      switch (resolution.status) {
        case 'known':
          break;
        case 'unknown-kind': {
          const hints: string[] = [];
          if (resolution.suggestions.length) hints.push(l10n.t('did you mean {0}?', orList(resolution.suggestions.map((s) => `\`${s}\``))));
          if (resolution.elsewhere.length) hints.push(l10n.t('`{0}` is served by {1}', String(kind), resolution.elsewhere.map((s) => `\`${s}\``).join(', ')));
          ctx.report([...target.path, 'kind'], {
            severity: 'error',
            code: 'schema/unknown-kind',
            message: hints.length
              ? l10n.t('Kind `{0}` is not served by `{1}` in Kubernetes {2} - {3}', String(kind), String(apiVersion), version, hints.join('; '))
              : l10n.t('Kind `{0}` is not served by `{1}` in Kubernetes {2}.', String(kind), String(apiVersion), version),
            data: { suggestions: resolution.suggestions },
          });
          break;
        }
        case 'unserved-version': {
          const removed = resolution.removedIn ? l10n.t(' (removed in Kubernetes {0})', resolution.removedIn) : '';
          const use = resolution.replacement
            ? l10n.t(' - use `{0}`', resolution.replacement)
            : resolution.replacement === null
              ? l10n.t(' - `{0}` no longer exists', String(kind))
              : resolution.servedAs.length
                ? l10n.t(' - `{0}` is served as {1}', String(kind), resolution.servedAs.map((s) => `\`${s}\``).join(', '))
                : '';
          ctx.report([...target.path, 'apiVersion'], {
            severity: 'error',
            code: 'schema/unknown-api-version',
            message: l10n.t('`{0}` `{1}` is not served by Kubernetes {2}{3}{4}.', String(apiVersion), String(kind), version, removed, use),
            data: { replacement: resolution.replacement ?? resolution.servedAs[0] ?? null },
          });
          break;
        }
        case 'custom':
          ctx.report([...target.path, 'kind'], {
            severity: 'information',
            code: 'schema/no-schema',
            message: l10n.t('No built-in schema for `{0}` `{1}` (a custom resource?): it is not validated.', String(apiVersion), String(kind)),
          });
          break;
      }
    }
  },
};

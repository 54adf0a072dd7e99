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
        message: `A Kubernetes manifest must be a mapping with apiVersion and kind, not ${Array.isArray(value) ? 'a list' : 'a single value'}.`,
      });
      return;
    }
    for (const target of ctx.targets) {
      const { apiVersion, kind } = target.object;
      if (kind === undefined) {
        ctx.report(target.path, { severity: 'error', code: 'schema/missing-kind', message: "Missing 'kind': every Kubernetes object needs one (e.g. `kind: Deployment`)." }, 'key');
      } else if (typeof kind !== 'string' || kind === '') {
        ctx.report([...target.path, 'kind'], { severity: 'error', code: 'schema/type', message: '`kind` must be a non-empty string.' });
      }
      if (apiVersion === undefined) {
        ctx.report(target.path, { severity: 'error', code: 'schema/missing-api-version', message: "Missing 'apiVersion': every Kubernetes object needs one (e.g. `apiVersion: apps/v1`)." }, 'key');
      } else if (typeof apiVersion !== 'string' || apiVersion === '') {
        ctx.report([...target.path, 'apiVersion'], { severity: 'error', code: 'schema/type', message: '`apiVersion` must be a non-empty string.' });
      }
      const resolution = target.resolution;
      if (!resolution) continue;
      const version = ctx.kubernetesVersion;
      switch (resolution.status) {
        case 'known':
          break;
        case 'unknown-kind': {
          const hints: string[] = [];
          if (resolution.suggestions.length) hints.push(`did you mean ${resolution.suggestions.map((s) => `\`${s}\``).join(' or ')}?`);
          if (resolution.elsewhere.length) hints.push(`\`${kind}\` is served by ${resolution.elsewhere.map((s) => `\`${s}\``).join(', ')}`);
          ctx.report([...target.path, 'kind'], {
            severity: 'error',
            code: 'schema/unknown-kind',
            message: `Kind \`${kind}\` is not served by \`${apiVersion}\` in Kubernetes ${version}${hints.length ? ` — ${hints.join('; ')}` : '.'}`,
            data: { suggestions: resolution.suggestions },
          });
          break;
        }
        case 'unserved-version': {
          const removed = resolution.removedIn ? ` (removed in Kubernetes ${resolution.removedIn})` : '';
          const use = resolution.replacement
            ? ` — use \`${resolution.replacement}\``
            : resolution.replacement === null
              ? ` — \`${kind}\` no longer exists`
              : resolution.servedAs.length
                ? ` — \`${kind}\` is served as ${resolution.servedAs.map((s) => `\`${s}\``).join(', ')}`
                : '';
          ctx.report([...target.path, 'apiVersion'], {
            severity: 'error',
            code: 'schema/unknown-api-version',
            message: `\`${apiVersion}\` \`${kind}\` is not served by Kubernetes ${version}${removed}${use}.`,
            data: { replacement: resolution.replacement ?? resolution.servedAs[0] ?? null },
          });
          break;
        }
        case 'custom':
          ctx.report([...target.path, 'kind'], {
            severity: 'information',
            code: 'schema/no-schema',
            message: `No built-in schema for \`${apiVersion}\` \`${kind}\` (a custom resource?): it is not validated.`,
          });
          break;
      }
    }
  },
};

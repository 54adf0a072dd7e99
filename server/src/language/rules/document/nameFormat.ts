import * as l10n from '@vscode/l10n';
import { dns1123Label, dns1123Subdomain, isTemplatePlaceholder, LABEL_NAMED_KINDS, PATH_SEGMENT_NAMED_KINDS } from '../facts/nameFormats';
import { defineDocumentRule } from '../defineRule';

/** CronJob names are suffixed with an 11-character timestamp for their Jobs, so they may be at most 52 characters. */
const CRONJOB_NAME_LIMIT = 52;

/** Reasons a name is invalid for a kind, as the API server words them. */
export function nameProblems(kind: string, name: string): string[] {
  if (PATH_SEGMENT_NAMED_KINDS.has(kind)) {
    if (name === '.' || name === '..') return [`may not be '${name}'`];
    if (/[/%]/.test(name)) return ["may not contain '/' or '%'"];
    return [];
  }
  const reasons = LABEL_NAMED_KINDS.has(kind) ? dns1123Label(name) : dns1123Subdomain(name);
  if (kind === 'CronJob' && name.length > CRONJOB_NAME_LIMIT) reasons.unshift(`must be no more than ${CRONJOB_NAME_LIMIT} characters`);
  return reasons;
}

/** Object names must be DNS-1123 subdomains (at most 253 characters), or labels (at most 63) for some kinds. */
export const nameFormat = defineDocumentRule(
  { code: 'api/name-format', defaultSeverity: 'error', category: 'api-server', summary: 'Object names must be lowercase RFC 1123 subdomains (or labels for Services, Namespaces and StatefulSets) of limited length.' },
  (target, report) => {
    const { object } = target;
    const name = object.metadata?.name;
    if (typeof object.kind !== 'string' || typeof name !== 'string' || name === '') return;
    const reasons = isTemplatePlaceholder(name) ? [] : nameProblems(object.kind, name);
    if (reasons.length) report(['metadata', 'name'], l10n.t('Invalid name `{0}` for a {1}: {2}.', shorten(name), object.kind, reasons.join('; ')));
    const generateName = object.metadata?.generateName;
    if (typeof generateName === 'string' && generateName !== '') {
      // The API server appends 5 random characters; the prefix itself may end in '-'.
      const prefixReasons = nameProblems(object.kind, `${generateName.replace(/-+$/, '')}a`.slice(0, 253));
      if (prefixReasons.length) report(['metadata', 'generateName'], l10n.t('Invalid generateName `{0}`: {1}.', shorten(generateName), prefixReasons.join('; ')));
    }
  },
);

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The name and label formats the API server enforces (apimachinery `validation.IsDNS1123Subdomain`,
 * `IsDNS1123Label`, `IsQualifiedName`, `IsValidLabelValue`). Each check returns the reasons a value
 * is invalid (empty when valid), worded like the API server's messages.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function dns1123Label(value: string): string[] {
  const reasons: string[] = [];
  if (value.length > 63) reasons.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(value)) reasons.push("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name')");
  return reasons;
}

export function dns1123Subdomain(value: string): string[] {
  const reasons: string[] = [];
  if (value.length > 253) reasons.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(value)) reasons.push("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')");
  return reasons;
}

/** The common case, checked with one expression: `[prefix/]name` with short, plain parts. */
const PLAIN_QUALIFIED_NAME = /^(?:[a-z0-9](?:[-a-z0-9.]{0,61}[a-z0-9])?\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/** A label or annotation key: an optional DNS subdomain prefix and `/`, then a name of at most 63 characters. */
export function qualifiedName(value: string): string[] {
  if (PLAIN_QUALIFIED_NAME.test(value) && !value.includes('..') && !/[.-]\.|\.[-.]/.test(value.split('/')[0] ?? '')) return [];
  const parts = value.split('/');
  if (parts.length > 2) return ["a qualified name must consist of an optional DNS subdomain prefix and '/', then a name (e.g. 'example.com/MyName')"];
  const reasons: string[] = [];
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    if (parts[0] === '') reasons.push('the prefix part must be non-empty');
    else for (const reason of dns1123Subdomain(parts[0])) reasons.push(`the prefix part: ${reason}`);
  }
  if (name === '') reasons.push('the name part must be non-empty');
  else {
    if (name.length > 63) reasons.push('the name part must be no more than 63 characters');
    if (!QUALIFIED_NAME_PART.test(name)) reasons.push("the name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', 'my.name' or '123-abc')");
  }
  return reasons;
}

export function labelValue(value: string): string[] {
  if (value.length <= 63 && LABEL_VALUE.test(value)) return [];
  const reasons: string[] = [];
  if (value.length > 63) reasons.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) reasons.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', 'my_value' or '12345')");
  return reasons;
}

/** A port name (IANA service name): at most 15 characters, lower case, at least one letter, no '--'. */
export function ianaServiceName(value: string): string[] {
  const reasons: string[] = [];
  if (value.length > 15) reasons.push('must be no more than 15 characters');
  if (!IANA_SVC_NAME.test(value)) reasons.push("must contain only lower case alphanumeric characters or '-', and start and end with an alphanumeric character");
  else if (value.includes('--')) reasons.push("must not contain consecutive hyphens ('--')");
  if (!/[a-z]/.test(value)) reasons.push('must contain at least one letter');
  return reasons;
}

/**
 * Kinds whose names must be DNS-1123 labels (they become DNS names or label values); every other
 * kind takes a DNS-1123 subdomain. RBAC kinds and a few others accept any path segment name.
 */
export const LABEL_NAMED_KINDS: ReadonlySet<string> = new Set(['Namespace', 'Service', 'StatefulSet']);
export const PATH_SEGMENT_NAMED_KINDS: ReadonlySet<string> = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'PriorityLevelConfiguration', 'FlowSchema']);

/**
 * A value that is a template placeholder rather than a name (`etcd-{{cell}}`, `job-$ITEM`, `${NAME}`):
 * the file is a template to be filled in, so format rules leave it alone.
 */
export function isTemplatePlaceholder(value: string): boolean {
  return value.includes('{{') || /\$\{?[A-Za-z_]/.test(value);
}

/**
 * The texts a scenario expects in another display language, read from the bundles a user's VS Code
 * loads (l10n/bundle.l10n.<locale>.json for `l10n.t`, package.nls.<locale>.json for contributed
 * titles) rather than written into the test: a retranslation does not break the scenario, a message
 * left in English does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './codeServer';

export type Formatter = (message: string, ...args: Array<string | number>) => string;

function readJson(path: string): Record<string, string> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
}

/** `{0}`, `{1}`… replaced as @vscode/l10n does. */
function format(template: string, args: ReadonlyArray<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

export interface LocaleTexts {
  /** The translation of an `l10n.t` message, formatted; throws when the bundle lacks it. */
  t: Formatter;
  /** The translation of an `l10n.t` message as regular-expression source, each placeholder matching any text (captured); not anchored. */
  pattern(message: string): string;
  /** A contributed title or description (a `%key%` of package.json); throws when the file lacks it. */
  nls(key: string): string;
  /** Messages, among `messages`, whose translation is the English text itself (not translated yet, or Kubernetes' words kept verbatim). */
  untranslated(messages: readonly string[]): string[];
}

export function localeTexts(locale: string): LocaleTexts {
  const bundle = readJson(join(REPO_ROOT, 'l10n', `bundle.l10n.${locale}.json`));
  const contributed = readJson(join(REPO_ROOT, `package.nls.${locale}.json`));
  const lookup = (table: Record<string, string>, key: string, file: string): string => {
    const text = table[key];
    if (typeof text !== 'string') throw new Error(`${file} has no ${JSON.stringify(key)}`);
    return text;
  };
  const translated = (message: string) => lookup(bundle, message, `bundle.l10n.${locale}.json`);
  return {
    t: (message, ...args) => format(translated(message), args),
    pattern(message) {
      const parts = translated(message).split(/\{\d+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return parts.join('(.+?)');
    },
    nls: (key) => lookup(contributed, key, `package.nls.${locale}.json`),
    untranslated: (messages) => messages.filter((message) => translated(message) === message),
  };
}

/** Markdown as a hover draws it: code spans and link targets gone, link texts kept. */
export function asRendered(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '');
}

/**
 * The languages Drydock speaks besides English, and how a process picks one. English is the source
 * language (the messages in the code); every other language has `l10n/bundle.l10n.<locale>.json`.
 * Pure: the environment is handed in.
 */
export const TRANSLATED_LOCALES = ['ko'] as const;
export type Locale = 'en' | (typeof TRANSLATED_LOCALES)[number];

/** A BCP 47 tag (`ko`, `ko-KR`, VS Code's `InitializeParams.locale`) or a POSIX locale (`ko_KR.UTF-8`) → the language Drydock uses for it. */
export function localeOf(tag: string | undefined | null): Locale {
  if (!tag) return 'en';
  const language = tag.toLowerCase().split(/[-_.@]/)[0];
  return (TRANSLATED_LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'en';
}

/**
 * The CLI's language: `--lang` when given, else the POSIX variables in their order of precedence
 * (`LC_ALL`, then `LC_MESSAGES`, then `LANG`; the first that is set and not empty decides, as
 * gettext does). `C` and `POSIX` are English.
 */
export function cliLocale(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Locale {
  if (flag) return localeOf(flag);
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return localeOf(value);
  }
  return 'en';
}

/** Whether `--lang` names a language the CLI knows (`en` or a translated one). */
export function isKnownLanguage(value: string): boolean {
  return value === 'en' || (TRANSLATED_LOCALES as readonly string[]).includes(value);
}

/**
 * The language ids whose documents the Drydock server reads: YAML, and Helm chart templates (the
 * `helm-template` language this extension contributes: YAML with Go template actions). The server
 * decides what a file is from its path (a chart's template gets no manifest diagnostics), never from
 * its language id. The cluster preview and its CodeLenses stay on `yaml`: a template is not dry-run.
 */
export const SERVED_LANGUAGES: readonly string[] = ['yaml', 'helm-template'];

export function isServedLanguage(languageId: string): boolean {
  return SERVED_LANGUAGES.includes(languageId);
}

/**
 * Text that is Kubernetes' own words (the API server's validation message, an event's message as
 * kube-scheduler or the eviction API prints it): the same in every language, so never a key of a
 * bundle. Marks a message as deliberately untranslated in the language service, the simulator and the
 * dry run (pure: the simulator may import it); the raw-message guards (test/helpers/rawMessages.ts) let
 * it through.
 */
export function verbatim(text: string): string {
  return text;
}

import { LanguageService } from '../../server/src/language/languageService';
import { schemaStoreFromFiles } from '../../server/src/schemaFiles';

/**
 * A language service on the repository's schemas (schemas/generated), read as the server and the CLI
 * read them: the language service itself does no IO, its owner hands it the schema store.
 */
export function newLanguageService(): LanguageService {
  return new LanguageService(schemaStoreFromFiles());
}

import type { ParsedFile } from '../language/parse/parseFile';
import type { Manifest } from '../simulator/model/source';

/** A file the dry run reads, parsed: an open document, the cluster profile, a baseline version. */
export interface LoadedFile {
  uri: string;
  parsed: ParsedFile;
  manifests: Manifest[];
}

import type { Finding } from '../language/findings';
import type { TemplateYaml } from '../language/helmTemplates/templateYaml';
import type { FindingCache } from '../language/languageService';
import { ChunkCache } from '../language/parse/chunkCache';
import type { ParsedFile } from '../language/parse/parseFile';

/** What the server keeps per open document, owned by the document store and dropped on close. */
export interface DocumentState {
  uri: string;
  version: number;
  chunks: ChunkCache;
  findings: FindingCache;
  parsed?: ParsedFile;
  /** A chart template's neutralized parse, for completion and hover on its YAML parts (validation keeps `parsed`). */
  templateYaml?: { version: number; yaml: TemplateYaml };
  /** The last published diagnostics (manifest checks only). */
  published: Finding[];
}

export class DocumentStates {
  private readonly states = new Map<string, DocumentState>();

  get(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { uri, version: -1, chunks: new ChunkCache(), findings: new WeakMap(), published: [] };
      this.states.set(uri, state);
    }
    return state;
  }

  delete(uri: string): void {
    this.states.delete(uri);
  }

  uris(): string[] {
    return [...this.states.keys()];
  }
}

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../language/findings';
import type { LanguageService } from '../language/languageService';
import { isManifestFile } from '../language/manifests';
import { parseFile } from '../language/parse/parseFile';
import { oversizeReason } from '../language/parse/limits';
import { stripBom } from '../cli/inputs';
import type { ServerSettings } from '../settings';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { DocumentStates } from './documentState';

/**
 * Validates open documents and publishes their diagnostics. Validation of a document is coalesced:
 * several changes that arrive before it runs are validated once, at the newest version.
 */
export class ValidationScheduler {
  private readonly queued = new Map<string, TextDocument>();
  private flushing = false;

  constructor(
    private readonly publisher: DiagnosticsPublisher,
    private readonly service: LanguageService,
    private readonly states: DocumentStates,
    private readonly settings: () => ServerSettings,
  ) {}

  schedule(document: TextDocument): void {
    this.queued.set(document.uri, document);
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => this.flush());
  }

  clear(uri: string): void {
    this.queued.delete(uri);
    this.states.delete(uri);
    this.publisher.clear(uri);
  }

  private flush(): void {
    this.flushing = false;
    const documents = [...this.queued.values()];
    this.queued.clear();
    for (const document of documents) this.validateNow(document);
  }

  validateNow(document: TextDocument): Finding[] {
    const state = this.states.get(document.uri);
    const settings = this.settings();
    let findings: Finding[] = [];
    try {
      const text = stripBom(document.getText());
      const oversize = settings.validateEnable ? oversizeReason(text) : undefined;
      if (oversize) {
        // Over the input budget: not parsed at all (a note instead), so the server stays responsive.
        state.chunks.clear();
        state.parsed = { text, documents: [] };
        state.version = document.version;
        findings = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'information', code: 'limits/file-too-large', message: oversize }];
      } else if (settings.validateEnable) {
        const parsed = parseFile(text, state.chunks);
        state.parsed = parsed;
        state.version = document.version;
        if (isManifestFile(parsed)) {
          findings = this.service.validateFile(parsed, { kubernetesVersion: settings.kubernetesVersion, rules: settings.rules }, state.findings);
        }
      }
    } catch (error) {
      findings = [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 'error',
          code: 'internal/validation-failed',
          message: `Drydock could not validate this file: ${(error as Error).message}. Please report it.`,
        },
      ];
    }
    state.published = findings;
    this.publisher.set(document.uri, 'validation', findings, document.version);
    return findings;
  }
}

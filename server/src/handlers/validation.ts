import * as l10n from '@vscode/l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../language/findings';
import type { LanguageService } from '../language/languageService';
import { projectFileSteps } from '../language/projects/projectFindings';
import { EMPTY_LAYOUT, type ProjectLayout } from '../language/projects/projectLayout';
import { toPath } from '../workspace/workspaceFiles';
import { parseFileSteps, runToEnd } from '../language/parse/parseFile';
import { oversizeNote, oversizeReason } from '../language/parse/limits';
import { stripBom } from '../language/parse/stripBom';
import type { ServerSettings } from '../settings';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { DocumentStates } from './documentState';
import { inSlices } from './inSlices';

/**
 * Validates open documents and publishes their diagnostics. Validation of a document is coalesced:
 * several changes that arrive before it runs are validated once, at the newest version. A big file is
 * parsed and validated in slices of about SLICE_MS (inSlices.ts), so other requests are answered in between; a
 * newer version of the document cancels the slices still to run for the older one.
 */
export class ValidationScheduler {
  private readonly queued = new Map<string, TextDocument>();
  private readonly running = new Map<string, { cancelled: boolean }>();
  private readonly settledWaiters = new Map<string, Array<() => void>>();
  private flushing = false;

  constructor(
    private readonly publisher: DiagnosticsPublisher,
    private readonly service: LanguageService,
    private readonly states: DocumentStates,
    /** The settings a document is validated with (its `.drydock.yaml` may give it its own rule severities). */
    private readonly settings: (uri?: string) => ServerSettings,
    /** Told after each published validation (the dry run follows it, on the same parse). */
    private readonly validated: (document: TextDocument) => void = () => undefined,
    /** Where the workspace's charts and Kustomize roots are: what each document is to validation. */
    private readonly layout: () => ProjectLayout = () => EMPTY_LAYOUT,
  ) {}

  schedule(document: TextDocument): void {
    this.cancel(document.uri);
    this.publisher.validationStarted(document.uri, document.version);
    this.queued.set(document.uri, document);
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => this.flush());
  }

  clear(uri: string): void {
    this.cancel(uri);
    this.queued.delete(uri);
    this.states.delete(uri);
    this.publisher.clear(uri);
    this.wakeSettled(uri);
  }

  /** Resolves once `uri` has no validation waiting or running (its newest version is published, or it was closed). */
  settled(uri: string): Promise<void> {
    if (!this.queued.has(uri) && !this.running.has(uri)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = this.settledWaiters.get(uri);
      if (waiters) waiters.push(resolve);
      else this.settledWaiters.set(uri, [resolve]);
    });
  }

  private wakeSettled(uri: string): void {
    if (this.queued.has(uri) || this.running.has(uri)) return;
    const waiters = this.settledWaiters.get(uri);
    this.settledWaiters.delete(uri);
    for (const wake of waiters ?? []) wake();
  }

  private cancel(uri: string): void {
    const job = this.running.get(uri);
    if (job) job.cancelled = true;
    this.running.delete(uri);
  }

  private flush(): void {
    this.flushing = false;
    const documents = [...this.queued.values()];
    this.queued.clear();
    for (const document of documents) this.start(document);
  }

  private start(document: TextDocument): void {
    const job = { cancelled: false };
    this.running.set(document.uri, job);
    const done = (findings: Finding[] | undefined): void => {
      if (findings === undefined || job.cancelled) return; // cancelled: a newer version is queued, or the document closed
      this.running.delete(document.uri);
      this.publish(document, findings);
    };
    inSlices(this.validationSteps(document), () => job.cancelled).then(done, (error: unknown) => done([internalError(error)]));
  }

  /** Parses and validates a document synchronously (tests and tools). */
  validateNow(document: TextDocument): Finding[] {
    let findings: Finding[];
    try {
      findings = runToEnd(this.validationSteps(document));
    } catch (error) {
      findings = [internalError(error)];
    }
    this.publish(document, findings);
    return findings;
  }

  private publish(document: TextDocument, findings: Finding[]): void {
    const state = this.states.get(document.uri);
    state.published = findings;
    this.publisher.set(document.uri, 'validation', findings, document.version);
    this.validated(document);
    this.wakeSettled(document.uri);
  }

  private *validationSteps(document: TextDocument): Generator<undefined, Finding[], undefined> {
    const state = this.states.get(document.uri);
    const settings = this.settings(document.uri);
    if (!settings.validateEnable) return [];
    const text = stripBom(document.getText());
    const oversize = oversizeReason(text);
    if (oversize) {
      // Over the input budget: not parsed at all (a note instead), so the server stays responsive.
      state.chunks.clear();
      state.parsed = { text, documents: [] };
      state.version = document.version;
      return [oversizeNote(oversize)];
    }
    const parsed = yield* parseFileSteps(text, state.chunks);
    state.parsed = parsed;
    state.version = document.version;
    const path = toPath(document.uri) ?? document.uri;
    return yield* projectFileSteps(this.service, path, parsed, this.layout(), { kubernetesVersion: settings.kubernetesVersion, rules: settings.rules }, state.findings);
  }
}

function internalError(error: unknown): Finding {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'error',
    code: 'internal/validation-failed',
    message: l10n.t('Drydock could not validate this file: {0}. Please report it.', (error as Error).message),
  };
}

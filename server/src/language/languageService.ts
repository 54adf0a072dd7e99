import { CrdRegistry } from './crd/crdRegistry';
import { withCustomResourceFindings } from './crd/customResourceFindings';
import { shiftRange, type Finding } from './findings';
import type { ParsedFile } from './parse/parseFile';
import { SchemaStore } from './schema/schemaBundle';
import { SchemaValidators } from './schema/schemaValidators';
import { validateDocument } from './validateDocument';
import { RULE_CATALOG } from './rules/ruleCatalog';
import { applyRuleSettings, type RuleSettings } from './rules/ruleSettings';
import { DOCUMENT_VALIDATORS } from './validators/documentValidators';
import type { DocumentValidator } from './validators/types';

export interface ValidationSettings {
  kubernetesVersion: string;
  /** `drydock.rules` severities and the best-practice switch; applied after the cache, so changing them re-validates nothing. */
  rules?: RuleSettings;
}

/**
 * Per-document results keyed by the parsed YAML document, which the chunk cache keeps alive as long
 * as the document's text is unchanged: an edit re-validates only the documents it touched.
 */
export type FindingCache = WeakMap<object, { version: string; findings: Finding[] }>;

/**
 * The language service: everything the server and the CLI share. It never sees the LSP connection
 * or the file system (schemas load through the store it is given).
 */
export class LanguageService {
  private readonly validatorsByVersion = new Map<string, SchemaValidators>();

  constructor(
    private readonly store: SchemaStore = new SchemaStore(),
    private readonly validators: readonly DocumentValidator[] = DOCUMENT_VALIDATORS,
    /** The workspace's CustomResourceDefinitions, fed by the owner (the server, a CLI run). */
    readonly customResources: CrdRegistry = new CrdRegistry(),
  ) {}

  schemas(version: string): SchemaValidators {
    let validators = this.validatorsByVersion.get(version);
    if (!validators) {
      validators = new SchemaValidators(this.store.get(version));
      this.validatorsByVersion.set(version, validators);
    }
    return validators;
  }

  /** All findings of a file, with ranges in file coordinates, in document order. */
  validateFile(parsed: ParsedFile, settings: ValidationSettings, cache?: FindingCache): Finding[] {
    const schemas = this.schemas(settings.kubernetesVersion);
    const result: Finding[] = [];
    for (const doc of parsed.documents) {
      const cached = cache?.get(doc.id);
      let findings: Finding[];
      if (cached && cached.version === settings.kubernetesVersion) findings = cached.findings;
      else {
        findings = validateDocument(doc, settings.kubernetesVersion, schemas, this.validators);
        cache?.set(doc.id, { version: settings.kubernetesVersion, findings });
      }
      findings = applyRuleSettings(withCustomResourceFindings(doc, findings, this.customResources), settings.rules, RULE_CATALOG);
      for (const finding of findings) result.push({ ...finding, range: shiftRange(finding.range, doc.chunk.line) });
    }
    return result;
  }
}

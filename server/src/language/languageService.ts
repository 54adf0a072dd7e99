import { CrdRegistry } from './crd/crdRegistry';
import { withCustomResourceFindings } from './crd/customResourceFindings';
import { shiftRange, type Finding } from './findings';
import { runToEnd, type ParsedFile } from './parse/parseFile';
import type { ParsedDocument } from './parse/parsedDocument';
import type { SchemaStore } from './schema/schemaStore';
import { SchemaValidators } from './schema/schemaValidators';
import { validateDocument } from './validateDocument';
import { activeValidators, ruleSettingsKey } from './rules/activeValidators';
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
 * or the file system: schemas load through the store its owner hands in (on server/src/schemaFiles.ts).
 */
export class LanguageService {
  private readonly validatorsByVersion = new Map<string, SchemaValidators>();
  private readonly validatorsByRules = new Map<string, readonly DocumentValidator[]>();
  /** withCustomResources' results, per parsed document. */
  private readonly customFindings = new WeakMap<object, { key: string; base: Finding[]; findings: Finding[] }>();

  constructor(
    private readonly store: SchemaStore,
    private readonly validators: readonly DocumentValidator[] = DOCUMENT_VALIDATORS,
    /** The workspace's CustomResourceDefinitions, fed by the owner (the server, a CLI run). */
    readonly customResources: CrdRegistry = new CrdRegistry(),
  ) {}

  schemas(version: string): SchemaValidators {
    let validators = this.validatorsByVersion.get(version);
    if (!validators) {
      validators = new SchemaValidators(this.store.get(version), this.store.compiledValidators(version), () => this.store.withDescriptions(version));
      this.validatorsByVersion.set(version, validators);
    }
    return validators;
  }

  /** All findings of a file, with ranges in file coordinates, in document order. */
  validateFile(parsed: ParsedFile, settings: ValidationSettings, cache?: FindingCache): Finding[] {
    return runToEnd(this.validateFileSteps(parsed, settings, cache));
  }

  /** `validateFile` one document at a time: yields after each document it validates (not after cache hits). */
  *validateFileSteps(parsed: ParsedFile, settings: ValidationSettings, cache?: FindingCache): Generator<undefined, Finding[], undefined> {
    const schemas = this.schemas(settings.kubernetesVersion);
    const rulesKey = ruleSettingsKey(settings.rules);
    const cacheKey = `${settings.kubernetesVersion}|${rulesKey}`;
    const validators = this.validatorsFor(rulesKey, settings.rules);
    const result: Finding[] = [];
    for (const doc of parsed.documents) {
      const cached = cache?.get(doc.id);
      let findings: Finding[];
      if (cached && cached.version === cacheKey) findings = cached.findings;
      else {
        findings = applyRuleSettings(validateDocument(doc, settings.kubernetesVersion, schemas, validators), settings.rules, RULE_CATALOG);
        cache?.set(doc.id, { version: cacheKey, findings });
        yield;
      }
      findings = this.withCustomResources(doc, findings, `${cacheKey}|${this.customResources.generation}`, settings.rules);
      for (const finding of findings) result.push({ ...finding, range: shiftRange(finding.range, doc.chunk.line) });
    }
    return result;
  }

  /**
   * A document's findings with its custom resources validated against the CRDs known now. Kept apart
   * from the document's own cache, as CRDs change independently of its text, and remembered per
   * registry generation: a keystroke elsewhere in a file of custom resources does not evaluate their
   * schemas and CEL rules again.
   */
  private withCustomResources(doc: ParsedDocument, findings: Finding[], key: string, rules: RuleSettings | undefined): Finding[] {
    const known = this.customFindings.get(doc.id);
    if (known && known.key === key && known.base === findings) return known.findings;
    const custom = withCustomResourceFindings(doc, findings, this.customResources);
    const result = custom === findings ? findings : applyRuleSettings(custom, rules, RULE_CATALOG);
    this.customFindings.set(doc.id, { key, base: findings, findings: result });
    return result;
  }

  /** The validators to run under some rule settings (rules turned off are not run), computed once per settings. */
  private validatorsFor(key: string, rules: RuleSettings | undefined): readonly DocumentValidator[] {
    let validators = this.validatorsByRules.get(key);
    if (!validators) {
      validators = activeValidators(this.validators, rules);
      this.validatorsByRules.set(key, validators);
    }
    return validators;
  }
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CrdRegistry } from '../language/crd/crdRegistry';
import { readDrydockConfig } from '../language/config/drydockConfig';
import { DRYDOCK_CONFIG_NAMES } from '../language/config/drydockConfigSchema';
import { fileFindings } from '../language/config/fileFindings';
import { isDryRunPattern } from '../language/config/applySuppressions';
import { validateDrydockConfig } from '../language/config/validateDrydockConfig';
import type { Finding } from '../language/findings';
import { parseFile, type ParsedFile } from '../language/parse/parseFile';
import { oversizeReason } from '../language/parse/limits';
import { IGNORE_ANNOTATION } from '../language/config/suppressionDirectives';
import { stripBom } from '../language/parse/stripBom';
import type { RuleSettings } from '../language/rules/ruleSettings';
import { fileConfigOf, type FolderConfig } from '../settingsWithConfig';
import { isSupportedVersion } from '../protocol/versions';
import type { LocatedFinding } from './locatedFindings';

/**
 * The `.drydock.yaml` files of one CLI run: for each input, the nearest one in its folder or above
 * (read once per folder). The run-wide keys (`kubernetesVersion`, `cluster`, `crdFolders`) come from
 * the one nearest to the first input (else to the working directory); `helm.valuesFiles` from the one
 * nearest to each chart; `rules`, `overrides` and `ignore` from each file's own. Flags win over both. A configuration with
 * problems is still applied (its well-formed parts); the problems go to `warn`.
 */
export class CliConfigs {
  private readonly byFolder = new Map<string, FolderConfig | null>();

  constructor(
    private readonly cwd: string,
    private readonly warn: (message: string) => void,
    /** What the command runs: validation and rules (`check`), or a dry run; a suppression is judged unused only by what could have used it. */
    private readonly runs: 'checks' | 'dry-run',
    /** `check` without its cross-resource rules (`--no-cross-resource`) does not judge `ref/*` and `ingress/*` suppressions. */
    private readonly crossResource = true,
  ) {}

  /** The configuration for the whole run: the one nearest to the first input (or to the working directory). */
  forRun(positionals: readonly string[]): FolderConfig | undefined {
    return this.nearest(resolve(this.cwd, positionals[0] ?? '.'));
  }

  /** The run configuration's `kubernetesVersion`, when Drydock has its schemas (else it is left out, as the editor does). */
  kubernetesVersionOf(positionals: readonly string[]): string | undefined {
    const version = this.forRun(positionals)?.config.kubernetesVersion;
    return version !== undefined && isSupportedVersion(version) ? version : undefined;
  }

  /** The run configuration's `cluster`, as a path from the working directory (undefined when it names none). */
  clusterOf(positionals: readonly string[]): string | undefined {
    const run = this.forRun(positionals);
    return run?.config.cluster ? this.shown(resolve(run.folder, run.config.cluster)) : undefined;
  }

  /** The run configuration's `crdFolders`, as paths from the working directory. */
  crdFoldersOf(positionals: readonly string[]): string[] {
    const run = this.forRun(positionals);
    return (run?.config.crdFolders ?? []).map((folder) => this.shown(resolve(run?.folder ?? this.cwd, folder)));
  }

  /** The `helm.valuesFiles` of the configuration nearest to a chart, made absolute from the chart (as the editor does). */
  helmValuesOf(chartRoot: string): string[] {
    const root = resolve(this.cwd, chartRoot);
    return (this.nearest(root)?.config.helmValuesFiles ?? []).map((file) => resolve(root, file));
  }

  /** The nearest configuration in the folder of `path` (a file or folder, relative to the working directory) or above. */
  nearest(path: string): FolderConfig | undefined {
    const full = resolve(this.cwd, path);
    let folder = isDirectory(full) ? full : dirname(full);
    for (;;) {
      const found = this.inFolder(folder);
      if (found) return found;
      const parent = dirname(folder);
      if (parent === folder) return undefined;
      folder = parent;
    }
  }

  /** Whether the file's `.drydock.yaml` ignores it. */
  ignores(path: string): boolean {
    const full = resolve(this.cwd, path);
    return fileConfigOf(this.nearest(full), full).ignored;
  }

  /** The rule settings a file is validated with: its configuration's `rules` and matching `overrides`, `bestPractices.enable`. */
  rulesOf(path: string): RuleSettings {
    const full = resolve(this.cwd, path);
    const folderConfig = this.nearest(full);
    return { severities: fileConfigOf(folderConfig, full).severities, bestPractices: folderConfig?.config.bestPracticesEnable ?? false };
  }

  /** A file's findings as printed: none when ignored, its severities, its suppressions (read from `text`). */
  findingsOf(path: string, findings: readonly Finding[], text: string | undefined): Finding[] {
    const full = resolve(this.cwd, path);
    const crossResourcePattern = (pattern: string): boolean => pattern.startsWith('ref/') || pattern.startsWith('ingress/');
    const judged = (pattern: string): boolean => (this.runs === 'dry-run' ? isDryRunPattern(pattern) : !isDryRunPattern(pattern) && (this.crossResource || !crossResourcePattern(pattern)));
    return fileFindings(suppressionSource(text), findings, fileConfigOf(this.nearest(full), full), judged);
  }

  private inFolder(folder: string): FolderConfig | undefined {
    const known = this.byFolder.get(folder);
    if (known !== undefined) return known ?? undefined;
    let found: FolderConfig | null = null;
    for (const name of DRYDOCK_CONFIG_NAMES) {
      const file = join(folder, name);
      if (!existsSync(file)) continue;
      try {
        found = { folder, config: this.read(file) };
      } catch (error) {
        this.warn(`${this.shown(file)}: not read: ${(error as Error).message}`);
      }
      break;
    }
    this.byFolder.set(folder, found);
    return found ?? undefined;
  }

  private read(file: string): FolderConfig['config'] {
    const parsed = parseFile(stripBom(readFileSync(file, 'utf8')));
    for (const finding of validateDrydockConfig(parsed, new CrdRegistry())) {
      if (finding.severity === 'error' || finding.severity === 'warning') {
        this.warn(`${this.shown(file)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: ${finding.severity} ${finding.code} ${finding.message}`);
      }
    }
    return readDrydockConfig(parsed.documents.find((doc) => doc.value !== undefined && doc.value !== null)?.value);
  }

  private shown(file: string): string {
    const rel = relative(this.cwd, file);
    return rel && !rel.startsWith('..') ? rel : file;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The parse a file's suppressions are read from: none for a file that names no suppression (most
 * files: no second parse of a big input) or that is over the input budget (it was not parsed at all).
 */
function suppressionSource(text: string | undefined): ParsedFile | undefined {
  if (text === undefined || oversizeReason(text) || (!text.includes('drydock-disable') && !text.includes(IGNORE_ANNOTATION))) return undefined;
  return parseFile(stripBom(text));
}

/** Applies each file's configuration and suppressions to a command's findings by file, in place; ignored files leave the list. */
export function applyConfigs(configs: CliConfigs, files: Array<{ path: string; diagnostics: Finding[] }>, readText: (fullPath: string) => string | undefined, cwd: string): void {
  const kept = files.filter((file) => !configs.ignores(file.path));
  for (const file of kept) file.diagnostics = configs.findingsOf(file.path, file.diagnostics, readText(resolve(cwd, file.path)));
  files.splice(0, files.length, ...kept);
}

/** The same for findings that carry their file's path (`drydock simulate`'s), in the order given, file by file. */
export function configuredDiagnostics<T extends Finding & { path: string }>(configs: CliConfigs, diagnostics: readonly T[], readText: (fullPath: string) => string | undefined, cwd: string): Array<Finding & { path: string }> {
  const byPath = new Map<string, T[]>();
  for (const diagnostic of diagnostics) byPath.set(diagnostic.path, [...(byPath.get(diagnostic.path) ?? []), diagnostic]);
  const files = [...byPath].map(([path, list]) => ({ path, diagnostics: list as Finding[] }));
  applyConfigs(configs, files, readText, cwd);
  return files.flatMap((file) => file.diagnostics.map((finding) => ({ ...finding, path: file.path })));
}

/** The same for findings placed at a 1-based line and column (`drydock reach`'s and `drydock rollout`'s). */
export function configuredLocated(configs: CliConfigs, findings: readonly LocatedFinding[], readText: (fullPath: string) => string | undefined, cwd: string): LocatedFinding[] {
  const asFindings = findings.map((f) => {
    const at = { line: f.line - 1, character: f.column - 1 };
    return { path: f.file, range: { start: at, end: at }, severity: f.severity, code: f.code, message: f.message };
  });
  return configuredDiagnostics(configs, asFindings, readText, cwd).map((f) => ({ file: f.path, line: f.range.start.line + 1, column: f.range.start.character + 1, severity: f.severity, code: f.code, message: f.message }));
}

import { childProcess } from '../lazyNodeModules';
import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import type { PreviewBaseline, RolloutBaselineChoice, RolloutBaselineSetting } from '../protocol/rolloutBaseline';
import { manifestsOf } from '../language/manifests';
import { parseFile } from '../language/parse/parseFile';
import { stripBom } from '../language/parse/stripBom';
import { everyDeploymentUnchanged } from '../dryRun/changedDeployments';
import { lastApplied } from '../dryRun/lastApplied';
import type { LoadedFile } from '../dryRun/loadedFile';
import type { Manifest } from '../simulator/model/source';
import { baselineSource } from './baselineChoice';
import { fsPathOf } from './dryRunInputs';
import { headCommit, mayBeInRepository } from './gitHead';

/** A document's baseline as read: its text (null: none, nothing is rolled out) and what the preview says of it. */
export interface BaselineRead {
  text: string | null;
  baseline: Omit<PreviewBaseline, 'unchanged'>;
}

/** What every baseline is read with. */
export interface BaselineSettings {
  setting: RolloutBaselineSetting;
  trusted: boolean;
  workspaceFolders: readonly string[];
}

/** A preview's baselines: the previewed documents' objects as in their baselines, and what the followed document's is (none: not previewed). */
export interface PreviewBaselines {
  manifests: Manifest[];
  baseline: PreviewBaseline | undefined;
}

const GIT_TIMEOUT_MS = 5000;
/** Committed texts kept (the documents open in a session, a few commits each). */
const COMMITTED_TEXTS = 64;

/**
 * The rollout baselines of the editor's documents: the preview's pick per document (kept while the
 * server runs; it overrides `drydock.rollout.baseline` for that document) and the reading of the
 * chosen version, the same for the diagnostics' dry run and the preview. Owned by the simulation
 * service; git runs only in a trusted workspace.
 */
export class RolloutBaselines {
  private readonly picks = new Map<string, RolloutBaselineChoice>();
  /** The repository top of each folder a document was in (folders outside a repository are asked again: one may be created). */
  private readonly repositoryTops = new Map<string, string>();
  /** Committed texts by commit and path (a commit's files never change): a dry run after each edit does not run git again while HEAD stays. */
  private readonly committed = new Map<string, string>();

  /** Picks `uri`'s baseline (null: back to the setting). */
  pick(uri: string, choice: RolloutBaselineChoice | null): void {
    if (choice) this.picks.set(uri, choice);
    else this.picks.delete(uri);
  }

  /**
   * The baselines of the documents a preview rolls out (`uris`; their objects carry the document's
   * URI, so each is compared with its document), and the one of `followed`, the document the preview
   * follows, with whether its Deployments are all unchanged.
   */
  async forPreview(uris: readonly string[], followed: LoadedFile | undefined, settings: BaselineSettings): Promise<PreviewBaselines> {
    const manifests: Manifest[] = [];
    let baseline: PreviewBaseline | undefined;
    for (const uri of uris) {
      const read = await this.read(uri, settings);
      const objects = read.text === null ? [] : manifestsOf(uri, parseFile(read.text));
      manifests.push(...objects);
      if (uri !== followed?.uri) continue;
      baseline = { ...read.baseline, unchanged: everyDeploymentUnchanged(lastApplied(objects).manifests, lastApplied(followed.manifests).manifests) };
    }
    return { manifests, baseline };
  }

  /** The version `uri` is rolled out from (BOM stripped) and how the preview names it. */
  async read(uri: string, { setting, trusted, workspaceFolders }: BaselineSettings): Promise<BaselineRead> {
    const path = fsPathOf(uri);
    const top = path && trusted ? await this.repositoryTop(dirname(path)) : undefined;
    const source = baselineSource(setting, this.picks.get(uri), { trusted, inRepository: top !== undefined });
    const common = { picked: source.picked, headAvailable: top !== undefined, fallback: source.fallback };
    const chosen = source.read;
    if (chosen.kind === 'file') {
      const text = await readText(fsPathOf(chosen.uri));
      return { text, baseline: { kind: 'file', label: workspaceLabel(chosen.uri, workspaceFolders), file: chosen.uri, found: text !== null, ...common } };
    }
    if (chosen.kind === 'head') {
      const text = path && top !== undefined ? await this.committedText(top, path) : null;
      return { text, baseline: { kind: 'head', label: HEAD_LABEL, found: text !== null, ...common } };
    }
    const text = await readText(path);
    return { text, baseline: { kind: 'saved', label: SAVED_LABEL, found: text !== null, ...common } };
  }

  /** The file as committed in HEAD (null: not there, or git failed): by HEAD's commit, read from the repository's files, when it can be; else from git. */
  private async committedText(top: string, path: string): Promise<string | null> {
    const rel = relative(top, path).split('\\').join('/');
    const commit = await headCommit(top);
    if (commit === undefined) return gitShow(top, `HEAD:${rel}`);
    const key = `${commit}\u0000${rel}`;
    const known = this.committed.get(key);
    if (known !== undefined) return known;
    const text = await gitShow(top, `${commit}:${rel}`);
    // A file the commit lacks, or a git that failed (it may not next time), is asked again.
    if (text === null) return null;
    if (this.committed.size >= COMMITTED_TEXTS) this.committed.delete(this.committed.keys().next().value as string);
    this.committed.set(key, text);
    return text;
  }

  private async repositoryTop(folder: string): Promise<string | undefined> {
    const known = this.repositoryTops.get(folder);
    if (known !== undefined) return known;
    if (!(await mayBeInRepository(folder))) return undefined;
    const top = await git(['rev-parse', '--show-toplevel'], folder);
    if (top === undefined || top.trim() === '') return undefined;
    this.repositoryTops.set(folder, top.trim());
    return top.trim();
  }
}

export const HEAD_LABEL = 'last commit (HEAD)';
export const SAVED_LABEL = 'saved file';

async function readText(path: string | undefined): Promise<string | null> {
  if (!path) return null;
  try {
    return stripBom(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
}

/** `git show <commit>:<path>`, BOM stripped; null when the file is not there (a new file) or git fails. */
async function gitShow(top: string, object: string): Promise<string | null> {
  const text = await git(['show', object], top);
  return text === undefined ? null : stripBom(text);
}

function git(args: string[], cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    childProcess().execFile('git', args, { cwd, timeout: GIT_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

/** A picked file as the preview names it: relative to the workspace folder holding it, else its name. */
function workspaceLabel(uri: string, workspaceFolders: readonly string[]): string {
  for (const folder of workspaceFolders) {
    const root = folder.replace(/\/$/, '');
    if (uri.startsWith(`${root}/`)) return decoded(uri.slice(root.length + 1));
  }
  return decoded(uri.split('/').pop() ?? uri);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

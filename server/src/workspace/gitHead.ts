import { access, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** A commit name: SHA-1, or SHA-256 in a repository that uses it. */
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The commit HEAD names in the repository whose top folder is `top`, read from its files as git
 * lays them out (`.git/HEAD`, then the loose ref or `packed-refs`; a worktree's or submodule's `.git`
 * file points at its git directory, and `commondir` at the shared refs), so that a dry run can tell
 * whether the committed text it read before is still HEAD's without running git. Undefined when it
 * cannot be told this way (a reftable repository, a branch without commits, an unreadable file):
 * the caller asks git then.
 */
export async function headCommit(top: string): Promise<string | undefined> {
  try {
    const gitDir = await gitDirOf(top);
    const head = (await readFile(join(gitDir, 'HEAD'), 'utf8')).trim();
    if (COMMIT.test(head)) return head; // detached
    if (!head.startsWith('ref: ')) return undefined;
    const ref = head.slice('ref: '.length).trim();
    if (!ref.startsWith('refs/') || ref.split('/').includes('..')) return undefined;
    const common = await commonDirOf(gitDir);
    const loose = await readText(join(common, ref));
    if (loose !== undefined) return COMMIT.test(loose.trim()) ? loose.trim() : undefined;
    for (const line of ((await readText(join(common, 'packed-refs'))) ?? '').split('\n')) {
      const [commit, name] = line.trim().split(' ');
      if (name === ref && COMMIT.test(commit)) return commit;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** `.git` is the git directory, or a file naming it (`gitdir: …`, relative to the top). */
async function gitDirOf(top: string): Promise<string> {
  const dotGit = join(top, '.git');
  const text = await readText(dotGit);
  const named = text === undefined ? undefined : /^gitdir: (.+)$/m.exec(text)?.[1];
  return named ? resolve(top, named.trim()) : dotGit;
}

/** A worktree's refs are in the main git directory its `commondir` names. */
async function commonDirOf(gitDir: string): Promise<string> {
  const text = await readText(join(gitDir, 'commondir'));
  return text === undefined ? gitDir : resolve(gitDir, text.trim());
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined; // absent, or a directory (`.git` usually is)
  }
}

/**
 * Whether git could find a repository for `folder`: a `.git` (folder or file) in it or above it, or
 * `GIT_DIR` set for this process. False means git would find none either, so it need not be run to
 * say so (a dry run in a folder outside any repository asks at each run: one may have been created).
 */
export async function mayBeInRepository(folder: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<boolean> {
  if (env.GIT_DIR) return true;
  for (let dir = resolve(folder); ; dir = dirname(dir)) {
    if (await exists(join(dir, '.git'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

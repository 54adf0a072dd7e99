import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headCommit, mayBeInRepository } from '../../../server/src/workspace/gitHead';

// HEAD's commit read from the repository's files, against what git itself says, in each layout git
// writes: a branch's loose ref, packed refs, a detached HEAD, a linked worktree.
const root = mkdtempSync(join(tmpdir(), 'drydock-git-head-'));
after(() => rmSync(root, { recursive: true, force: true }));
const repo = join(root, 'repo');
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();
execFileSync('git', ['init', '-q', repo]);
const commit = (message: string) => {
  writeFileSync(join(repo, 'a.yaml'), `message: ${message}\n`);
  git(repo, 'add', 'a.yaml');
  git(repo, 'commit', '-q', '-m', message);
};

test('headCommit: a repository without commits, and a folder that is not one: undefined (git is asked then)', async () => {
  assert.equal(await headCommit(repo), undefined);
  assert.equal(await headCommit(root), undefined);
});

test('headCommit: loose ref, packed refs, detached HEAD, a linked worktree: what git rev-parse HEAD says', async () => {
  commit('one');
  assert.equal(await headCommit(repo), git(repo, 'rev-parse', 'HEAD'), 'a loose ref');
  git(repo, 'pack-refs', '--all');
  assert.equal(await headCommit(repo), git(repo, 'rev-parse', 'HEAD'), 'packed refs');
  commit('two');
  assert.equal(await headCommit(repo), git(repo, 'rev-parse', 'HEAD'), 'a new loose ref over the packed one');
  git(repo, 'checkout', '-q', '--detach', 'HEAD~1');
  assert.equal(await headCommit(repo), git(repo, 'rev-parse', 'HEAD'), 'detached');
  git(repo, 'checkout', '-q', '-');
  const worktree = join(root, 'worktree');
  git(repo, 'worktree', 'add', '-q', '-b', 'side', worktree);
  commit('three');
  assert.equal(await headCommit(worktree), git(worktree, 'rev-parse', 'HEAD'), 'a worktree, its own branch');
  assert.notEqual(await headCommit(worktree), await headCommit(repo));
});

test('mayBeInRepository: a .git in the folder or above it (a folder, or a worktree\'s file), or GIT_DIR; else git need not be asked', async () => {
  const deep = join(repo, 'a', 'b');
  mkdirSync(deep, { recursive: true });
  const outside = join(root, 'plain', 'x');
  mkdirSync(outside, { recursive: true });
  const table: Array<[string, string, Record<string, string | undefined>, boolean]> = [
    ['the top of a repository', repo, {}, true],
    ['a folder deep inside it', deep, {}, true],
    ['a linked worktree (its .git is a file)', join(root, 'worktree'), {}, true],
    ['a folder in no repository', outside, {}, false],
    ['the same with GIT_DIR set: git decides', outside, { GIT_DIR: repo }, true],
  ];
  for (const [name, folder, env, expected] of table) assert.equal(await mayBeInRepository(folder, env), expected, name);
  // What git says of the same folders.
  const gitFinds = (cwd: string) => {
    try {
      execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, stdio: 'ignore', env: { ...process.env, GIT_DIR: undefined } });
      return true;
    } catch {
      return false;
    }
  };
  assert.deepEqual([repo, deep, outside].map(gitFinds), [true, true, false]);
});

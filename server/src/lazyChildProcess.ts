import type * as ChildProcess from 'node:child_process';

/**
 * node:child_process, loaded when a tool (helm, kustomize, git) first runs: `drydock check` on plain
 * manifests never runs one, and loading the module costs about 5 ms of every start.
 */
export function childProcess(): typeof ChildProcess {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate lazy load
  return require('node:child_process') as typeof ChildProcess;
}

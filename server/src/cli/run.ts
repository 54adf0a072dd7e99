import { main } from './main';
import { exitWhenFlushed, processIo } from './processIo';

/** Runs the CLI on this process's arguments and streams (the launcher, dist/cli.js, calls it). */
export function runCli(): void {
  void main(process.argv.slice(2), processIo()).then(exitWhenFlushed);
}

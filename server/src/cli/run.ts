import { main } from './main';
import { processIo } from './processIo';

/** Runs the CLI on this process's arguments and streams (the launcher, dist/cli.js, calls it). */
export function runCli(): void {
  // Writes go to the real streams; the process ends on its own once they drain (never process.exit).
  void main(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}

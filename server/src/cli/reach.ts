import { EXIT_USAGE, type CliIo } from './io';

/** `drydock reach`: not built yet. */
export async function runReach(_args: string[], io: CliIo): Promise<number> {
  io.stderr('drydock reach: not available yet\n');
  return EXIT_USAGE;
}

import { EXIT_USAGE, type CliIo } from './io';

/** `drydock rollout`: not built yet. */
export async function runRollout(_args: string[], io: CliIo): Promise<number> {
  io.stderr('drydock rollout: not available yet\n');
  return EXIT_USAGE;
}

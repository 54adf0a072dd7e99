import { EXIT_USAGE, type CliIo } from './io';

/** `drydock simulate`: not built yet. */
export async function runSimulate(_args: string[], io: CliIo): Promise<number> {
  io.stderr('drydock simulate: not available yet\n');
  return EXIT_USAGE;
}

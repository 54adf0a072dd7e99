import { runCheck } from './check';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from './io';
import { processIo } from './processIo';
import { runReach } from './reach';
import { runRollout } from './rollout';
import { runRoutes } from './routes';
import { runSimulate } from './simulate';
import { runWhatIf } from './whatif';

/** Command name → handler. */
export const COMMANDS: Record<string, { run: CliCommand; summary: string }> = {
  check: { run: runCheck, summary: 'validate manifests against the Kubernetes schemas' },
  simulate: { run: runSimulate, summary: 'place the manifests\' pods on a simulated cluster' },
  rollout: { run: runRollout, summary: 'walk a Deployment rolling update step by step' },
  reach: { run: runReach, summary: 'who can reach whom under the NetworkPolicies' },
  routes: { run: runRoutes, summary: 'which Ingress path, Service and pods answer a URL' },
  whatif: { run: runWhatIf, summary: 'what happens when nodes fail, are drained or cordoned' },
};

export function helpText(): string {
  const lines = ['usage: drydock <command> [options] <file|dir>...', '', 'commands:'];
  for (const [name, { summary }] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(9)} ${summary}`);
  return lines.join('\n') + '\n';
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`drydock: unknown command ${name}\n${helpText()}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`drydock ${name}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  // Writes go to the real streams; the process ends on its own once they drain (never process.exit).
  void main(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}

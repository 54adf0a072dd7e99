import * as l10n from '@vscode/l10n';
import { cliLocale, isKnownLanguage } from '../l10n/locale';
import { useLocale } from '../l10nFiles';
import { runCheck } from './check';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from './io';
import { exitWhenFlushed, processIo } from './processIo';
import { runReach } from './reach';
import { runRollout } from './rollout';
import { runRoutes } from './routes';
import { runSimulate } from './simulate';
import { runWhatIf } from './whatif';
import { ownValue } from '../simulator/model/ownValue';

/** Command name → handler; the summary is a function so that it is read in the run's language. */
export const COMMANDS: Record<string, { run: CliCommand; summary: () => string }> = {
  check: { run: runCheck, summary: () => l10n.t('validate manifests against the Kubernetes schemas') },
  simulate: { run: runSimulate, summary: () => l10n.t("place the manifests' pods on a simulated cluster") },
  rollout: { run: runRollout, summary: () => l10n.t('walk a Deployment rolling update step by step') },
  reach: { run: runReach, summary: () => l10n.t('who can reach whom under the NetworkPolicies') },
  routes: { run: runRoutes, summary: () => l10n.t('which Ingress path, Service and pods answer a URL') },
  whatif: { run: runWhatIf, summary: () => l10n.t('what happens when nodes fail, are drained or cordoned') },
};

export function helpText(): string {
  const lines = [l10n.t('usage: drydock [--lang en|ko] <command> [options] <file|dir>...'), '', l10n.t('commands:')];
  for (const [name, { summary }] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(9)} ${summary()}`);
  lines.push('', l10n.t('--lang en|ko: the language of the text output (default: LC_ALL, LC_MESSAGES or LANG). JSON and SARIF keep their codes and fields in English; only `message` follows the language.'));
  return lines.join('\n') + '\n';
}

/** `--lang X` / `--lang=X` anywhere before `--`: taken out of the arguments (every command accepts it). */
function takeLang(argv: string[]): { argv: string[]; lang: string | undefined; error?: string } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang' || arg.startsWith('--lang=')) {
      lang = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (lang === undefined || !isKnownLanguage(lang)) return { argv, lang: undefined, error: `--lang ${lang ?? ''}`.trim() };
      continue;
    }
    rest.push(arg);
  }
  return { argv: rest, lang };
}

export async function main(args: string[], io: CliIo, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  const taken = takeLang(args);
  // Every run sets its language (an in-process caller may run several, in different languages).
  useLocale(cliLocale(taken.lang, env));
  if (taken.error) {
    io.stderr(l10n.t('drydock: {0}: the languages are en and ko', taken.error) + '\n');
    return EXIT_USAGE;
  }
  const [name, ...rest] = taken.argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = ownValue(COMMANDS, name);
  if (!command) {
    io.stderr(`${l10n.t('drydock: unknown command {0}', name)}\n${helpText()}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`${l10n.t('drydock {0}: internal error: {1}', name, (error as Error).stack ?? String(error))}\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), processIo()).then(exitWhenFlushed);
}

import * as l10n from '@vscode/l10n';
/** A command's options: name → 'string' (takes a value), 'boolean' (a flag) or 'repeat' (a value, many times). */
export interface ArgSpec {
  options: Record<string, 'string' | 'boolean' | 'repeat'>;
  usage: string;
}

export type ParsedArgs =
  | { ok: true; options: Record<string, string | undefined>; flags: Record<string, boolean>; repeated: Record<string, string[]>; positionals: string[] }
  | { ok: false; error: string };

/** Parses `--name value`, `--name=value`, `--flag` and positionals; `--` ends the options. */
export function parseArgs(args: string[], spec: ArgSpec): ParsedArgs {
  const options: Record<string, string | undefined> = {};
  const flags: Record<string, boolean> = {};
  const repeated: Record<string, string[]> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = spec.options[name];
    if (!kind) return { ok: false, error: l10n.t('unknown option --{0}', name) };
    if (kind === 'boolean') {
      if (eq !== -1) return { ok: false, error: l10n.t('--{0} takes no value', name) };
      flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < args.length) value = args[++i];
    if (value === undefined) return { ok: false, error: l10n.t('--{0} needs a value', name) };
    if (kind === 'repeat') (repeated[name] ??= []).push(value);
    else options[name] = value;
  }
  return { ok: true, options, flags, repeated, positionals };
}

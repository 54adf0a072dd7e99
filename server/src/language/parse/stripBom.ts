/**
 * The text without its byte-order mark, if it starts with one: every file is read through this (the CLI's
 * inputs, the server's documents, workspace files, the cluster profile, a rollout baseline), so offsets
 * and the YAML parsers never see U+FEFF.
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** What a CLI command may touch: its output streams and the file system through these calls only. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The working directory relative paths are resolved against. */
  cwd: string;
}

/** Exit codes shared by every command: 0 clean, 1 error-level findings, 2 usage or IO problems. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A command: gets its arguments (after the command name) and returns the exit code. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

import type { CliIo } from './io';

/**
 * The CLI's IO on the real process streams. A reader that goes away (`drydock check … | head`) makes
 * the next write fail with EPIPE: like every Unix tool, the CLI then stops writing to that stream and
 * ends quietly (no stack trace).
 */
export function processIo(): CliIo {
  return { stdout: writerTo(process.stdout), stderr: writerTo(process.stderr), cwd: process.cwd() };
}

function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    throw error;
  });
  return (text) => {
    if (!closed && !stream.destroyed) stream.write(text);
  };
}

/**
 * Ends the process with `code` once everything written to stdout and stderr has reached the OS.
 * Exiting then, rather than letting the event loop run dry, skips V8's heap teardown (about 20 ms
 * after a 2,000-document check); exiting before the streams drain would cut a piped report short,
 * so a stream with bytes still queued is waited for (a write's callback runs once it and every
 * write before it are flushed, or once the stream has failed).
 */
export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  void Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => process.exit(code));
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableLength === 0) resolve();
    else stream.write('', () => resolve());
  });
}

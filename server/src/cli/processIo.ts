import { writeSync } from 'node:fs';
import type { CliIo } from './io';

/**
 * The CLI's IO on the real process. Text goes to file descriptors 1 and 2 with blocking writes
 * rather than through `process.stdout`/`process.stderr`, whose first use loads Node's stream (and,
 * for a pipe, socket) modules: some 4 ms of every run, a twentieth of a one-file check. A write
 * returns once the OS has the bytes, so a piped report is never cut short at exit. Windows keeps
 * Node's streams: its console wants UTF-16, which they translate to.
 *
 * A reader that goes away (`drydock check … | head`) makes the next write fail with EPIPE: like
 * every Unix tool, the CLI then stops writing to that stream and ends quietly (no stack trace).
 */
export function processIo(): CliIo {
  if (process.platform === 'win32') return { stdout: streamWriter(process.stdout), stderr: streamWriter(process.stderr), cwd: process.cwd() };
  return { stdout: descriptorWriter(1), stderr: descriptorWriter(2), cwd: process.cwd() };
}

/** Errors after which a stream takes no more output: its reader is gone, or it was closed. */
const GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'EBADF', 'ECONNRESET']);

function descriptorWriter(fd: number): (text: string) => void {
  let closed = false;
  return (text) => {
    if (closed) return;
    const bytes = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < bytes.length; ) {
      try {
        offset += writeSync(fd, bytes, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        // A descriptor its opener made non-blocking is full: wait for the reader, a millisecond at a time.
        if (code === 'EAGAIN') Atomics.wait(PAUSE, 0, 0, 1);
        else if (GONE.has(code)) return void (closed = true);
        else throw error;
      }
    }
  };
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

function streamWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (GONE.has(error.code ?? '')) {
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
 * Ends the process with `code` once everything written has reached the OS. Exiting then, rather than
 * letting the event loop run dry, skips V8's heap teardown (about 20 ms after a 2,000-document check).
 * Descriptor writes are done when they return; Node's streams (Windows) may still hold bytes, so a
 * stream with bytes queued is waited for (a write's callback runs once it and every write before it
 * are flushed, or once the stream has failed).
 */
export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  if (process.platform !== 'win32') process.exit(code);
  void Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => process.exit(code));
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableLength === 0) resolve();
    else stream.write('', () => resolve());
  });
}

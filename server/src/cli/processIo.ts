import type { CliIo } from './io';

/**
 * The CLI's IO on the real process streams. A reader that goes away (`drydock check … | head`) makes
 * the next write fail with EPIPE: like every Unix tool, the CLI then stops writing to that stream and
 * ends quietly (no stack trace); it never calls process.exit(), the streams drain and the process ends.
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

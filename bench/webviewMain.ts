import { benchWebview } from './webview';

/** The webview benchmark on its own (bench/run.ts runs it in a child process, from sources). */
benchWebview().then(
  (results) => {
    for (const [key, value] of Object.entries(results)) console.log(`${key}: ${value}`);
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

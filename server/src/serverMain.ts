import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { InProcessDryRunner, WorkerDryRunner } from './handlers/dryRunner';
import { LanguageService } from './language/languageService';
import { schemaStoreFromFiles } from './schemaFiles';
import { startServer } from './server';

/**
 * The language server's process entry (dist/server.js): stdio, node-ipc or socket, as the client
 * starts it. The dry runs go to a worker thread (dist/dryRunWorker.js) so that they never delay
 * the validation of a keystroke.
 */
const workerPath = join(__dirname, 'dryRunWorker.js');
const dryRunner = existsSync(workerPath) ? new WorkerDryRunner(workerPath).start() : new InProcessDryRunner();
startServer(createConnection(ProposedFeatures.all), new LanguageService(schemaStoreFromFiles()), { dryRunner });

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

/** The language server's process entry (dist/server.js): stdio, node-ipc or socket, as the client starts it. */
startServer(createConnection(ProposedFeatures.all));

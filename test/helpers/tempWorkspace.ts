import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

export interface TempWorkspace {
  /** A folder copied in whole (fixtures). */
  copyFrom?: string;
  /** Files to write, by path relative to the workspace folder. */
  files?: Record<string, string>;
  settings?: Record<string, unknown>;
  trusted?: boolean;
}

/**
 * A workspace folder in a temporary directory, a language server started on it (in process) that has
 * read its manifests, then `body`; the server and the folder are gone afterwards.
 */
export async function inTempWorkspace(workspace: TempWorkspace, body: (client: LspClient, root: string) => Promise<void>): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'drydock-ws-'));
  try {
    if (workspace.copyFrom) cpSync(workspace.copyFrom, root, { recursive: true });
    for (const [name, text] of Object.entries(workspace.files ?? {})) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    const client = await LspClient.startInWorkspace(pathToFileURL(root).toString(), workspace.settings, { trusted: workspace.trusted === true });
    try {
      await client.logLine(/read the manifests of/);
      await body(client, root);
    } finally {
      await client.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

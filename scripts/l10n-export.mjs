// `npm run l10n`: writes l10n/bundle.l10n.json, the English bundle, from every `l10n.t(…)` /
// `vscode.l10n.t(…)` call of the client, the webview, the server and the CLI (extracted with
// @vscode/l10n-dev, the tool VS Code's own extensions use), and each translated bundle
// l10n/bundle.l10n.<locale>.json from its parts, l10n/<locale>/*.json (one per area, so that
// translators of different areas do not edit one file). The test test/unit/l10n/bundles.test.ts
// fails when a bundle is stale or a translated bundle lacks a key.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

export const SOURCE_FOLDERS = ['client/src', 'client/webview', 'server/src'];
const root = new URL('..', import.meta.url).pathname;

function sourceFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files.push(...sourceFiles(full));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

/** The English bundle the sources call for, keys sorted. */
export async function englishBundle() {
  const scripts = SOURCE_FOLDERS.flatMap((folder) => sourceFiles(join(root, folder)))
    .map((file) => ({ contents: readFileSync(file, 'utf8'), extension: extname(file) }))
    .filter((script) => script.contents.includes('l10n'));
  const bundle = await getL10nJson(scripts);
  return Object.fromEntries(Object.keys(bundle).sort().map((key) => [key, bundle[key]]));
}

/** A translated bundle from its parts (l10n/<locale>/*.json), keys sorted; a key translated two ways is an error. */
export function translatedBundle(locale) {
  const folder = join(root, 'l10n', locale);
  const merged = {};
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
    const part = JSON.parse(readFileSync(join(folder, name), 'utf8'));
    for (const [key, value] of Object.entries(part)) {
      if (key in merged && merged[key] !== value) throw new Error(`l10n/${locale}/${name}: ${JSON.stringify(key)} is translated differently in another part`);
      merged[key] = value;
    }
  }
  return Object.fromEntries(Object.keys(merged).sort().map((key) => [key, merged[key]]));
}

export const TRANSLATED = ['ko'];

if (import.meta.url === `file://${process.argv[1]}`) {
  const bundle = await englishBundle();
  writeFileSync(join(root, 'l10n', 'bundle.l10n.json'), JSON.stringify(bundle, null, 2) + '\n');
  console.log(`l10n/bundle.l10n.json: ${Object.keys(bundle).length} messages`);
  for (const locale of TRANSLATED) {
    const translated = translatedBundle(locale);
    writeFileSync(join(root, 'l10n', `bundle.l10n.${locale}.json`), JSON.stringify(translated, null, 2) + '\n');
    const missing = Object.keys(bundle).filter((key) => !(key in translated));
    console.log(`l10n/bundle.l10n.${locale}.json: ${Object.keys(translated).length} messages${missing.length ? `, ${missing.length} not translated yet` : ''}`);
  }
}

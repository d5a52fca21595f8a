#!/usr/bin/env bash
# Install Debian's Chromium and its WebDriver for the end-to-end tests of the web app
# (tests/test_web_e2e.py launches /usr/bin/chromium; nothing is downloaded by the tests).
# Idempotent and quick when both are present. Output goes to stderr.
set -euo pipefail

log() { echo "chromium.sh: $*" >&2; }

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    log "present: $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
    exit 0
fi

log "installing chromium and chromium-driver from Debian packages"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2; then
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2
fi
log "installed: $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"

#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests and print its path on stdout.
#
# CI runs as root on Debian without a browser: the package `chromium` is installed when missing
# (Playwright never downloads a browser of its own). Everything else goes to stderr, so
# `CHROMIUM=$(scripts/chromium.sh)` reads only the path. Without root and without a browser it
# prints nothing and exits 1; the browser tests then skip with one line.
set -euo pipefail

BROWSER="${QUELLENLAGE_CHROMIUM:-/usr/bin/chromium}"

log() { echo "chromium.sh: $*" >&2; }

if [ -x "$BROWSER" ]; then
    echo "$BROWSER"
    exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "no browser at ${BROWSER}, and this is not root on Debian: install the package" \
        "chromium, or set QUELLENLAGE_CHROMIUM to a Chromium binary"
    exit 1
fi

log "installing Chromium (Debian package chromium)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2

if [ -x /usr/bin/chromium ]; then
    echo /usr/bin/chromium
    exit 0
fi
log "the package chromium installed no /usr/bin/chromium"
exit 1

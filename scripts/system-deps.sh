#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real, when they are missing:
#   chromium       the browser the editor end-to-end tests open VS Code for the Web in
#   chromium-headless-shell
#                  its headless-only build, which the report and playground tests open pages in
#   poppler-utils  pdftoppm and pdftotext, to render and read the PDF reports
#   libkrb5-dev    headers code-server's native modules build against (editor end-to-end tests)
#   g++, make, python3  to build those native modules (once; the build is cached outside the repository)
#   hledger, beancount  the peers the benchmark compares pool check with (its smoke test runs them)
#   time           GNU time, for the benchmark's CPU time and peak memory
#   neovim         a second editor (0.7+), whose headless run drives `pool lsp` end to end
# It needs root (or password-less sudo) only when something is missing; with everything present it
# changes nothing. Called by `pnpm test` and by .ci/run, so a fresh machine needs no manual step.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromium-headless-shell >/dev/null 2>&1 || missing+=(chromium-headless-shell)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v hledger >/dev/null 2>&1 || missing+=(hledger)
command -v bean-check >/dev/null 2>&1 || missing+=(beancount)
[ -x /usr/bin/time ] || missing+=(time)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi
# One of each, in a stable order.
mapfile -t packages < <(printf '%s\n' "${missing[@]}" | sort -u)

if ! command -v apt-get >/dev/null 2>&1; then
    echo "The tests need: ${packages[*]} (Debian package names); install them with this system's package manager." >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "The tests need these Debian packages, which are not installed: ${packages[*]}" >&2
    echo "Install them (as root: apt-get install -y --no-install-recommends ${packages[*]}) and run the tests again." >&2
    exit 1
fi

echo "Installing Debian packages the tests need: ${packages[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >&2
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2

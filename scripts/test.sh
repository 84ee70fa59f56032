#!/usr/bin/env bash
# `pnpm test`, the README's test command: the Debian packages the tests drive, the build, then the
# whole vitest suite while the static checks run beside it (typecheck, ESLint and the boundaries,
# the format check, knip). The static checks need only the build, not the tests: about three
# minutes of CPU, run in the time the suite spends waiting on browsers, editors and the processes it
# starts, instead of before it. Not at a lower priority: on a machine shared with other work, a
# niced step waits behind all of it. Both run to the end and the command fails if either does; the
# static checks' output follows the tests'. Arguments go to vitest (`pnpm test packages/cli`).
set -uo pipefail
cd "$(dirname "$0")/.."

# One function, read whole before it runs: bash reads a script as it goes, so a checkout that
# changed this file mid-run would otherwise run half of each version.
main() {
    bash scripts/system-deps.sh || exit 1
    pnpm run build || exit 1

    logs=$(mktemp -d)
    trap 'rm -rf "$logs"' EXIT
    # Two lanes, so that both cores are used once the tests are done: ESLint alone is the longest step.
    pnpm run lint >"$logs/lint" 2>&1 &
    lint=$!
    bash -c 'pnpm run typecheck && pnpm run format:check && pnpm run knip' >"$logs/checks" 2>&1 &
    checks=$!

    vitest run "$@"
    tests=$?

    wait "$lint"
    lint_status=$?
    wait "$checks"
    checks_status=$?
    for lane in checks lint; do
        cat "$logs/$lane"
    done

    status=0
    [ "$checks_status" -eq 0 ] || { echo "pnpm test: typecheck, format check or knip failed (above)" >&2; status=1; }
    [ "$lint_status" -eq 0 ] || { echo "pnpm test: ESLint or the boundaries failed (above)" >&2; status=1; }
    [ "$tests" -eq 0 ] || { echo "pnpm test: the tests failed" >&2; status=1; }
    exit "$status"
}
main "$@"

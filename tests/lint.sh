#!/usr/bin/env bash
# Tier 0 of `make test`: the habits the machine keeps, each a check that passes or fails.
#   formatting (cargo fmt --check), clippy with -D warnings natively and for the browser
#   build (with and without the bench feature), and no source file over 400 lines (a file
#   that long is usually two ideas).
# Closes with "lint: N passed, M failed" and exits non-zero if any check failed.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0 failed=0
check() {
  local name=$1
  shift
  echo "--- $name: $*"
  if "$@"; then
    echo "ok: $name"
    passed=$((passed + 1))
  else
    echo "FAILED: $name"
    failed=$((failed + 1))
  fi
}

long_files() {
  local over
  over=$(git ls-files 'src/*.rs' 'src/**/*.rs' | xargs wc -l | awk '$2 != "total" && $1 > 400 {print "  " $2 " (" $1 " lines)"}')
  if [ -n "$over" ]; then
    echo "source files over 400 lines:"
    echo "$over"
    return 1
  fi
}

check "formatting" cargo fmt --all -- --check
check "clippy (native)" cargo clippy --all-targets --quiet -- -D warnings
check "clippy (wasm32)" cargo clippy --target wasm32-unknown-unknown --lib --bins --test 'web_*' --quiet -- -D warnings
check "clippy (wasm32, bench feature)" cargo clippy --target wasm32-unknown-unknown --features bench --lib --bins --quiet -- -D warnings
check "file length" long_files

echo "lint: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

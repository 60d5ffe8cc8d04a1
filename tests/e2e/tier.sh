#!/usr/bin/env bash
# Runs one test tier, keeps its log, and fails if it failed or ran no test.
# Usage: tier.sh NAME LOGFILE COMMAND...
# Prints one summary line "NAME: N passed, M failed (Ts)" to $SUMMARY_FILE if set.
set -uo pipefail
name=$1 log=$2
shift 2
mkdir -p "$(dirname "$log")"
start=$(date +%s)
"$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
secs=$(( $(date +%s) - start ))

# Count tests from the runners' closing lines: cargo/wasm-bindgen-test "test result: ...
# N passed; M failed", node --test "# pass N" / "# fail M" (tap) or "ℹ pass N" (spec).
passed=0 failed=0
while read -r p f; do
  passed=$((passed + p)); failed=$((failed + f))
done < <(sed -n 's/.*test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1 \2/p' "$log")
# tests/lint.sh closes with "lint: N passed, M failed" (one per check).
while read -r p f; do
  passed=$((passed + p)); failed=$((failed + f))
done < <(sed -n 's/^lint: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$log")
if grep -qE '^(# |ℹ )pass [0-9]+' "$log"; then
  passed=$((passed + $(grep -E '^(# |ℹ )pass [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$')))
  failed=$((failed + $(grep -E '^(# |ℹ )fail [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$')))
fi

verdict=ok
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  verdict=FAILED
elif [ "$passed" -eq 0 ]; then
  verdict="FAILED (ran no test)"
fi
line=$(printf '%-34s %4d passed, %d failed  %4ss  %s' "$name:" "$passed" "$failed" "$secs" "$verdict")
echo "$line"
[ -n "${SUMMARY_FILE:-}" ] && echo "$line" >> "$SUMMARY_FILE"
[ "$verdict" = ok ]

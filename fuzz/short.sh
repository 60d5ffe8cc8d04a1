#!/usr/bin/env bash
# The short fuzzing run `make test` includes (tier 4): builds the instrumented target, fuzzes
# for FUZZ_SHORT_SECONDS from the committed corpus, and closes with cargo's result line so
# tests/e2e/tier.sh counts it: passed if libFuzzer ran inputs and found no crash.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${FUZZ_SHORT_SECONDS:-60}"
work="$root/target/fuzz"
bin="$("$root/fuzz/build.sh")" || { echo "test result: FAILED. 0 passed; 1 failed (build)"; exit 1; }
mkdir -p "$work/short" "$work/artifacts"
log="$work/short.log"
"$bin" -max_len=65536 -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" -max_total_time="$seconds" \
  "$work/short" "$root/fuzz/corpus/open_merge_rules" >"$log" 2>&1
status=$?
grep -E "^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|==|SUMMARY)" "$log"
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
if [ "$status" -eq 0 ] && [ "${runs:-0}" -gt 0 ]; then
  echo "fuzzed ${runs} inputs in ${seconds} s, no crash"
  echo "test result: ok. 1 passed; 0 failed"
else
  echo "libFuzzer exited $status after ${runs:-0} inputs: see $log and $work/artifacts/"
  echo "test result: FAILED. 0 passed; 1 failed"
  exit 1
fi

#!/usr/bin/env bash
# Builds the fuzz target with libFuzzer on stable Rust: the coverage instrumentation
# cargo-fuzz asks rustc for (SanitizerCoverage), without its nightly-only sanitizers.
# Needs a C++ compiler (libfuzzer-sys compiles libFuzzer). Prints the binary's path.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
triple="$(rustc -vV | sed -n 's/^host: //p')"
export CARGO_TARGET_DIR="$root/target/fuzz"
# --target keeps the flags off build scripts and proc macros.
RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module \
  -Cllvm-args=-sanitizer-coverage-level=4 \
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
  -Cllvm-args=-sanitizer-coverage-pc-table \
  -Cllvm-args=-sanitizer-coverage-trace-compares \
  -Cdebug-assertions -Coverflow-checks" \
  cargo build --release --quiet --manifest-path "$root/fuzz/Cargo.toml" --target "$triple" >&2
echo "$CARGO_TARGET_DIR/$triple/release/open_merge_rules"

# Mueang — build, serve and test. Every target installs what it needs and is idempotent.
#   make serve   build the release app and serve it on http://127.0.0.1:8080
#   make test    native tests, browser (wasm) tests in headless Chromium, Playwright e2e
#   make size    transfer sizes of the release build (raw, gzip, brotli)
#   make build   the release build, its wasm split into chunks (make build-one: one wasm)
# See docs/development.md for what each step does and why.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
E2E := $(ROOT)/tests/e2e
# npm's binaryen (wasm-opt 132) must come before any system wasm-opt: Debian's 108 breaks
# the app. Cargo's bin dir for trunk and wasm-bindgen.
export PATH := $(E2E)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

TRUNK_VERSION := 0.21.14
# Cuts the wasm into chunks loaded on demand (tools/split/wasm-bindgen; issue 14).
WASM_SPLIT_VERSION := 0.2.4
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock.
WBG_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' $(ROOT)/Cargo.lock)
PORT ?= 8080
LOGS := $(ROOT)/target/test-logs

.PHONY: help serve test size size-why build bench bench-load bench-lists bench-survey bench-csv bench-csv-web bench-attach bench-survey-wasm bench-import-survey profile-import profile-load tools browser \
        tool-target tool-components tool-trunk tool-wasm-bindgen tool-wasm-split tool-npm build-one \
        test-lint test-native test-web test-e2e test-fuzz tool-cxx fuzz fuzz-short clean

help:
	@echo "make serve   build and serve on http://127.0.0.1:$(PORT)"
	@echo "make test    all three test tiers (native, browser, end-to-end)"
	@echo "make size    wasm/js/css sizes: raw, gzip, brotli"
	@echo "make size-why   what keeps code in the split build's main module (raw bytes a split point would move out)"
	@echo "make bench   import of 100,000 records in headless Chromium (times, ratios)"
	@echo "make profile-import   a CPU profile of that import, top functions printed"
	@echo "make bench-load   first and repeat visit on a throttled mobile profile (Slow 4G, CPU x4)"
	@echo "make profile-load   where that repeat visit's time goes (a trace: marks, code cache, wasm compiled on first call)"
	@echo "make bench-lists   the list screens' work on 10,000 projects, natively (times)"
	@echo "make fuzz    the long coverage-guided fuzzing run (FUZZ_SECONDS, one core, nice 19)"
	@echo "make fuzz-short   a short fuzzing run from the committed corpus (FUZZ_SHORT_SECONDS)"
	@echo "make bench-csv   the spreadsheet import's preview of 20,000 rows natively (times)"
	@echo "make bench-csv-web   the same in headless Chromium against dist/ (times)"
	@echo "make bench-attach   200 camera photos added, exported in a bundle and imported into a fresh profile, in headless Chromium against dist/ (times, size, peak heap)"
	@echo "make bench-survey   a region's survey (100,000 households) natively: import, rules, summary, views, household list (times)"
	@echo "make bench-survey-wasm   the survey views and household list in headless Chromium (BENCH_HOUSEHOLDS, times)"
	@echo "make bench-import-survey   importing a fictional survey of BENCH_HOUSEHOLDS in headless Chromium (after a bench build)"

# ---------------------------------------------------------------- tools (idempotent)
tools: tool-target tool-components tool-trunk tool-wasm-bindgen tool-wasm-split tool-npm

tool-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || { echo "==> rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }

# rustfmt and clippy come with rustup's default profile; a minimal one lacks them.
tool-components:
	@for c in rustfmt clippy; do \
	  rustup component list --installed | grep -q "^$$c" \
	    || { echo "==> rustup component add $$c"; rustup component add $$c; }; \
	done

tool-trunk:
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
	  echo "==> installing trunk $(TRUNK_VERSION) (about 10 minutes on 2 cores)"; \
	  cargo install --locked trunk --version $(TRUNK_VERSION); \
	fi

# --locked fails for some versions (their lock pins a yanked crate): fall back to without.
tool-wasm-bindgen:
	@test -n "$(WBG_VERSION)" || { echo "no wasm-bindgen in Cargo.lock"; exit 1; }
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WBG_VERSION)" ] \
	   || ! command -v wasm-bindgen-test-runner >/dev/null; then \
	  echo "==> installing wasm-bindgen-cli $(WBG_VERSION) (about 5 minutes)"; \
	  cargo install --locked wasm-bindgen-cli --version $(WBG_VERSION) \
	    || cargo install --force wasm-bindgen-cli --version $(WBG_VERSION); \
	fi

# wasm-split-cli has no --version: cargo's list of installed crates says which one it is.
tool-wasm-split:
	@if ! cargo install --list | grep -qx "wasm_split_cli_support v$(WASM_SPLIT_VERSION):" \
	   || ! command -v wasm-split-cli >/dev/null; then \
	  echo "==> installing wasm_split_cli_support $(WASM_SPLIT_VERSION) (about 4 minutes)"; \
	  cargo install --locked wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary; \
	fi

# playwright-core (library only, no browser download) and binaryen (wasm-opt 132).
tool-npm:
	@if [ ! -x "$(E2E)/node_modules/.bin/wasm-opt" ] \
	   || [ "$(E2E)/package-lock.json" -nt "$(E2E)/node_modules/.package-lock.json" ]; then \
	  echo "==> npm ci (tests/e2e)"; \
	  cd "$(E2E)" && npm ci --no-audit --no-fund; \
	fi
	@wasm-opt --version | grep -q 'version 132' || { echo "wasm-opt on PATH is not 132: $$(command -v wasm-opt)"; exit 1; }

# Chromium and chromedriver from Debian, for browser tests and e2e.
# A Thai font too: without one, headless Chromium draws Thai as boxes in every screenshot.
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null \
	   && [ -n "$$(fc-list :lang=th 2>/dev/null)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "==> apt-get install chromium chromium-driver fonts-thai-tlwg"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-thai-tlwg; \
	else \
	  echo "Chromium and chromedriver are needed. Install them, e.g.:"; \
	  echo "  sudo apt-get install chromium chromium-driver"; \
	  exit 1; \
	fi

# ---------------------------------------------------------------- build and serve
# The release build is split (src/ui/lazy.rs, docs/development.md#size): rustc links with
# --emit-relocs and --cfg mueang_split, tools/split/ stands in for wasm-bindgen to cut the
# wasm into chunks, tools/post_build.sh puts them in dist/split/. Its own target dir, so
# the browser tests' and clippy's builds (unsplit) do not rebuild it. `make build-one`
# builds the app as one wasm, as before.
SPLIT_ENV := PATH="$(ROOT)/tools/split:$$PATH" CARGO_TARGET_DIR="$(ROOT)/target/split" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg mueang_split -Clink-args=--emit-relocs"

build: tools
	@echo "==> trunk build --release (split into chunks)"
	@cd "$(ROOT)" && $(SPLIT_ENV) trunk build --release

build-one: tools
	@echo "==> trunk build --release (one wasm)"
	@cd "$(ROOT)" && trunk build --release

serve: build
	@cd "$(ROOT)" && node tests/e2e/lib/server.mjs dist $(PORT)

size: build
	@cd "$(ROOT)" && node tests/e2e/size.mjs dist

# What keeps code in the split build's main module, and what a split point would move out
# (tools/split/why-main.mjs reads rustc's wasm from before the split). Prints; asserts nothing.
size-why: build
	@cd "$(ROOT)" && node tools/split/why-main.mjs target/split/wasm32-unknown-unknown/release/mueang-app.wasm

# ---------------------------------------------------------------- bench
# A synthetic bundle of 100,000 records (native), then the browser import, the no-op
# re-import, the naive one-put-per-record way and the first screen after a reload, timed in
# headless Chromium against a release build of its own (target/bench-dist) with the `bench`
# feature, which adds the page it drives (left out of the release). Prints only.
BENCH_RECORDS ?= 100000
BENCH_BUNDLE := $(ROOT)/target/bench/bundle-$(BENCH_RECORDS).json

bench: tools browser
	@echo "==> bundle of $(BENCH_RECORDS) records (mueang bench-sync)"
	@cd "$(ROOT)" && cargo run --release --quiet --bin mueang -- bench-sync --records $(BENCH_RECORDS) -o "$(BENCH_BUNDLE)"
	@echo "==> trunk build --release --features bench --dist target/bench-dist"
	@cd "$(ROOT)" && trunk build --release --features bench --dist target/bench-dist
	@cd "$(E2E)" && MUEANG_DIST="$(ROOT)/target/bench-dist" node bench/sync.mjs "$(BENCH_BUNDLE)"

# The first visit and a repeat visit of a release build, served like a production static
# host (brotli, hashed files immutable), on Lighthouse's mobile profile through DevTools.
# Prints medians and every run; asserts nothing. BENCH_LOAD_RUNS=5 for more runs.
BENCH_LOAD_RUNS ?= 3
bench-load: build browser
	@cd "$(E2E)" && MUEANG_DIST="$(ROOT)/dist" node bench/load.mjs $(BENCH_LOAD_RUNS)

# Where bench-load's repeat visit spends its time: one repeat visit traced (marks, Chrome's
# code cache, wasm compiled on first call, long tasks); the trace in target/load-trace.json.
profile-load: build browser
	@cd "$(E2E)" && MUEANG_DIST="$(ROOT)/dist" node bench/load-trace.mjs "$(ROOT)/target/load-trace.json"

# A region's survey (100,000 fictional households, mueang demo-survey), natively with the
# release profile: export, verify (an import's parse and checks), rules and one city's
# summary. Prints times; asserts none. BENCH_HOUSEHOLDS=… for another size.
BENCH_HOUSEHOLDS ?= 100000
bench-survey:
	@cd "$(ROOT)" && cargo run --release --quiet --bin mueang -- bench-survey --households $(BENCH_HOUSEHOLDS)

# The spreadsheet import's preview (issue #12, item 4: 20,000 rows in under 2 s), natively
# with the release profile: read a windows-874 CSV, recognise its headers, preview every
# row. Prints medians; asserts none. BENCH_CSV_ROWS=… for another size.
BENCH_CSV_ROWS ?= 20000
bench-csv:
	@cd "$(ROOT)" && cargo run --release --quiet --bin mueang -- bench-csv --rows $(BENCH_CSV_ROWS)

# The same sheet previewed in headless Chromium against the release build already in dist/
# (`make build` or `make build-one` first). Prints times; asserts none.
bench-csv-web: browser
	@mkdir -p "$(ROOT)/target/bench"
	@cd "$(ROOT)" && cargo run --release --quiet --bin mueang -- bench-csv --rows $(BENCH_CSV_ROWS) --runs 1 -o target/bench/sheet-$(BENCH_CSV_ROWS).csv
	@cd "$(E2E)" && MUEANG_DIST="$(ROOT)/dist" node bench/sheet.mjs "$(ROOT)/target/bench/sheet-$(BENCH_CSV_ROWS).csv"

# Issue #13's 200 photos in headless Chromium against the release build already in dist/
# (`make build` first): BENCH_PHOTOS 4 MP JPEGs drawn in the page are added through the
# attachments panel (scaled on the device to 1,600 px), exported in a bundle with files and
# imported into a fresh profile (tests/e2e/bench/attach.mjs). Prints times, the bundle's
# size and each phase's peak JS heap; asserts none.
BENCH_PHOTOS ?= 200
bench-attach: browser
	@cd "$(E2E)" && MUEANG_DIST="$(ROOT)/dist" BENCH_PHOTOS=$(BENCH_PHOTOS) node bench/attach.mjs

# The same views in the browser: the bench build's `/sync?bench=survey` makes a fictional
# survey of BENCH_HOUSEHOLDS in the page and times the city summary, every region's view
# and the household list's index, filters and sorts (tests/e2e/bench/survey.mjs). Prints.
bench-survey-wasm: tools browser
	@echo "==> trunk build --release --features bench --dist target/bench-dist"
	@cd "$(ROOT)" && trunk build --release --features bench --dist target/bench-dist
	@cd "$(E2E)" && MUEANG_DIST="$(ROOT)/target/bench-dist" node bench/survey.mjs $(BENCH_HOUSEHOLDS)

# `make bench`'s import with a survey instead: BENCH_HOUSEHOLDS fictional households
# (mueang demo-survey, made a bundle by mueang merge --compact, canonical as the app exports
# it) imported in headless Chromium against the bench build in target/bench-dist (`make
# bench` or `make bench-survey-wasm` first); then the first import alone of the same bundle
# pretty-printed (mueang merge's default), the slower form. Prints; asserts nothing.
SURVEY_BUNDLE := $(ROOT)/target/bench/survey-bundle-$(BENCH_HOUSEHOLDS).json
SURVEY_PRETTY := $(ROOT)/target/bench/survey-bundle-pretty-$(BENCH_HOUSEHOLDS).json
bench-import-survey: browser
	@mkdir -p "$(ROOT)/target/bench"
	@cd "$(ROOT)" && cargo run --release --quiet --bin mueang -- demo-survey --households $(BENCH_HOUSEHOLDS) -o target/bench/survey-$(BENCH_HOUSEHOLDS).json
	@cd "$(ROOT)" && cargo run --release --quiet --bin mueang -- merge --compact target/bench/survey-$(BENCH_HOUSEHOLDS).json -o "$(SURVEY_BUNDLE)" > /dev/null
	@cd "$(ROOT)" && cargo run --release --quiet --bin mueang -- merge target/bench/survey-$(BENCH_HOUSEHOLDS).json -o "$(SURVEY_PRETTY)" > /dev/null
	@echo "==> the survey as an app exports it (compact, canonical)"
	@cd "$(E2E)" && BENCH_COUNT_KIND=cities MUEANG_DIST="$(ROOT)/target/bench-dist" node bench/sync.mjs "$(SURVEY_BUNDLE)"
	@echo; echo "==> the same survey pretty-printed (mueang merge without --compact), first import only"
	@cd "$(E2E)" && BENCH_IMPORT_ONLY=1 MUEANG_DIST="$(ROOT)/target/bench-dist" node bench/sync.mjs "$(SURVEY_PRETTY)"

# The project and city lists and the live findings on a 10,000-project country, natively
# with the release profile (benches/bench_lists.rs). Prints medians; asserts no time.
bench-lists:
	@cd "$(ROOT)" && cargo bench --quiet --bench bench_lists

# A CPU profile of the first import alone, with the wasm's function names kept (the same
# optimisation as the release, plus its name section: strip = false, wasm-opt --debuginfo,
# built in target/profile so the release build's cache is untouched). Prints the functions
# with the most self time; the .cpuprofile opens in Chrome DevTools. PROFILE_BUNDLE=FILE
# (an absolute path) profiles another bundle (e.g. target/bench/survey-bundle-100000.json from
# `make bench-import-survey`) instead of `make bench`'s.
PROFILE_BUNDLE ?=
profile-import: tools browser
	@cd "$(ROOT)" && [ -n "$(PROFILE_BUNDLE)" ] || cargo run --release --quiet --bin mueang -- bench-sync --records $(BENCH_RECORDS) -o "$(BENCH_BUNDLE)"
	@cd "$(ROOT)" && trap 'rm -f index.profile.html' EXIT \
	  && sed -e 's/data-wasm-opt-params="/data-wasm-opt-params="--debuginfo /' index.html > index.profile.html \
	  && CARGO_PROFILE_RELEASE_STRIP=false CARGO_TARGET_DIR=target/profile \
	     trunk build --release --features bench --dist target/profile-dist index.profile.html
	@cd "$(E2E)" && MUEANG_DIST="$(ROOT)/target/profile-dist" node bench/profile.mjs "$(or $(PROFILE_BUNDLE),$(BENCH_BUNDLE))" "$(ROOT)/target/import.cpuprofile"

# ---------------------------------------------------------------- tests
# Each tier's output is kept in target/test-logs/; a tier fails if any test fails or if it
# ran no test at all. All tiers run even if one fails, then the summary decides.
test: tools browser
	@mkdir -p "$(LOGS)"; : > "$(LOGS)/summary.txt"; status=0; start=$$(date +%s); \
	for t in test-lint test-native test-web test-e2e test-fuzz; do \
	  $(MAKE) --no-print-directory $$t SUMMARY_FILE="$(LOGS)/summary.txt" || status=1; \
	done; \
	echo; echo "==================== test summary ===================="; \
	cat "$(LOGS)/summary.txt"; \
	echo "total time: $$(( $$(date +%s) - start ))s   logs: target/test-logs/"; \
	if [ $$status -eq 0 ]; then echo "ALL TIERS PASSED"; else echo "SOME TIER FAILED"; fi; \
	exit $$status

# Formatting, clippy -D warnings (native and wasm32) and file length: tests/lint.sh.
test-lint: tool-target tool-components
	@echo "==> tier 0: formatting, clippy, file length"
	@cd "$(ROOT)" && SUMMARY_FILE="$(SUMMARY_FILE)" tests/e2e/tier.sh "0 lint (fmt, clippy, length)" "$(LOGS)/lint.log" \
	  tests/lint.sh

test-native:
	@echo "==> tier 1: native cargo test"
	@cd "$(ROOT)" && SUMMARY_FILE="$(SUMMARY_FILE)" tests/e2e/tier.sh "1 native (cargo test)" "$(LOGS)/native.log" \
	  cargo test

test-web: tools browser
	@echo "==> tier 2: wasm-bindgen-test in headless Chromium"
	@cd "$(ROOT)" && SUMMARY_FILE="$(SUMMARY_FILE)" tests/e2e/tier.sh "2 browser (wasm-bindgen-test)" "$(LOGS)/web.log" \
	  cargo test --target wasm32-unknown-unknown --test 'web_*'

test-e2e: build browser
	@echo "==> tier 3: Playwright end-to-end against dist/"
	@cd "$(E2E)" && mkdir -p screenshots && SUMMARY_FILE="$(SUMMARY_FILE)" ./tier.sh "3 end-to-end (Playwright)" "$(LOGS)/e2e.log" \
	  node --test --test-concurrency=1 --test-reporter=spec specs/

# A short real fuzzing run (fuzz/short.sh): the instrumented build, then
# FUZZ_SHORT_SECONDS of libFuzzer from the committed corpus; fails on a crash.
test-fuzz: tool-cxx
	@echo "==> tier 4: fuzzing, $(FUZZ_SHORT_SECONDS) s from the committed corpus"
	@cd "$(ROOT)" && FUZZ_SHORT_SECONDS=$(FUZZ_SHORT_SECONDS) SUMMARY_FILE="$(SUMMARY_FILE)" \
	  tests/e2e/tier.sh "4 fuzz (libFuzzer, $(FUZZ_SHORT_SECONDS) s)" "$(LOGS)/fuzz.log" fuzz/short.sh

# libFuzzer is C++: the fuzz tiers need a C++ compiler, installed like Chromium.
tool-cxx:
	@if command -v c++ >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "==> apt-get install g++"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++; \
	else \
	  echo "A C++ compiler is needed for the fuzzing tier, e.g.: sudo apt-get install g++"; \
	  exit 1; \
	fi

# ---------------------------------------------------------------- fuzz
# libFuzzer over opening, merging, the rules and re-export (fuzz/README.md), built on stable
# Rust (fuzz/build.sh; needs a C++ compiler for libFuzzer, fetches libfuzzer-sys from
# crates.io). `cargo test` already replays the committed corpus (tests/fuzz_corpus.rs).
# `make fuzz`: the long run on one core at the lowest priority, seeded with the committed
# corpus and the fixtures; then the corpus is minimised back into fuzz/corpus/. Prints the
# execution count; a crash leaves its input in target/fuzz/artifacts/ and fails.
FUZZ_SECONDS ?= 3600
FUZZ_SHORT_SECONDS ?= 60
FUZZ_CORPUS := $(ROOT)/fuzz/corpus/open_merge_rules
FUZZ_WORK := $(ROOT)/target/fuzz
FUZZ_SEEDS := $(ROOT)/tests/fixtures/bad-bundles/*/ $(ROOT)/tests/fixtures/v1 $(ROOT)/tests/fixtures/signed
FUZZ_FLAGS := -max_len=65536 -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 -artifact_prefix=$(FUZZ_WORK)/artifacts/

fuzz: tool-cxx
	@bin=$$(nice -n 19 "$(ROOT)/fuzz/build.sh"); mkdir -p "$(FUZZ_WORK)/corpus-live" "$(FUZZ_WORK)/artifacts"; \
	  cd "$(ROOT)" && nice -n 19 "$$bin" $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) \
	    "$(FUZZ_WORK)/corpus-live" "$(FUZZ_CORPUS)" $(FUZZ_SEEDS) 2>&1 | tee "$(FUZZ_WORK)/long.log" | grep -E "^(#[0-9]+[[:space:]]+(pulse|DONE)|stat::|==|SUMMARY)"; \
	  mkdir -p "$(FUZZ_WORK)/minimised" && rm -f "$(FUZZ_WORK)/minimised"/*; \
	  "$$bin" -merge=1 $(FUZZ_FLAGS) "$(FUZZ_WORK)/minimised" "$(FUZZ_CORPUS)" "$(FUZZ_WORK)/corpus-live" >/dev/null 2>&1; \
	  rm -f "$(FUZZ_CORPUS)"/* && cp "$(FUZZ_WORK)/minimised"/* "$(FUZZ_CORPUS)/"; \
	  echo "corpus: $$(ls "$(FUZZ_CORPUS)" | wc -l) inputs, $$(du -sh "$(FUZZ_CORPUS)" | cut -f1) (fuzz/corpus/open_merge_rules)"

# A real fuzzing run short enough for CI: about 5 minutes to build on 2 cores, then
# FUZZ_SHORT_SECONDS of fuzzing from the committed corpus. Fails on a crash.
fuzz-short: tool-cxx
	@cd "$(ROOT)" && FUZZ_SHORT_SECONDS=$(FUZZ_SHORT_SECONDS) fuzz/short.sh

clean:
	rm -rf "$(ROOT)/dist" "$(E2E)/screenshots" "$(LOGS)"

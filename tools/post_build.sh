#!/bin/sh
# Trunk's post_build hook (Trunk.toml), run in the staging dist. One script, so its steps
# run in this order (the build id must cover the chunks).
set -eu
cd "$TRUNK_STAGING_DIR"

# 1. A split build (tools/split/wasm-bindgen): its chunks and their loader into dist/split/,
#    the loader pointed at the glue's hashed name (it reads the main module's exports
#    through the glue's initSync).
glue=$(ls mueang-app-*.js | head -n 1)
rm -rf split
if grep -q '/__wasm_split-' "$glue"; then
  target=${CARGO_TARGET_DIR:-target}
  case $target in /*) ;; *) target="$TRUNK_SOURCE_DIR/$target" ;; esac
  mkdir split
  cp "$target/wasm-bindgen/$TRUNK_PROFILE/split-dist/"* split/
  loader=$(ls split/__wasm_split-*.js)
  sed -i "s#\"\./mueang-app\.js\"#\"../$glue\"#" "$loader"
  grep -q "\"\.\./$glue\"" "$loader" || { echo "post_build: the split loader names no main module" >&2; exit 1; }
  # The glue imports the loader, so without a hint the browser asks for it only once the
  # glue is parsed: one more step before the main module can start (a round trip on a first
  # visit). Preloaded beside the glue instead.
  sed -i "s#</head>#<link rel=\"modulepreload\" href=\"/$loader\"></head>#" index.html
  grep -q "modulepreload\" href=\"/$loader\"" index.html || { echo "post_build: no modulepreload for the split loader" >&2; exit 1; }
fi

# 2. The service worker precaches every chunk: the list comes from dist, never by hand.
split_files=$( (find split -type f 2>/dev/null || true) | LC_ALL=C sort | sed 's#^#"/#; s#$#",#' | tr -d '\n')
sed -i "s#/\*__SPLIT_FILES__\*/#$split_files#" sw.js

# 3. Stamp the service worker with an id of this build, so every deploy changes sw.js: the
#    browser then installs the new worker, which precaches the new shell under a new cache.
id=$(find . -type f ! -name sw.js | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
sed -i "s/__BUILD_ID__/$id/" sw.js

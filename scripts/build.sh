#!/usr/bin/env bash
# Builds the release into dist/: the wasm (Trunk, wasm-opt -Oz), then every route prerendered to
# its own HTML file and the service worker with its precache list.
source "$(dirname "$0")/lib.sh"
ensure_build_tools

t=$(now)
log "Building the wasm in release ($WASM_MODE toolchain; the first build takes about 10 minutes, later ones under 2)"
# cargo first, online, so that build-std can fetch the standard library's own crates once; Trunk
# then runs offline and finds everything built.
with_wasm_env cargo build --release --target wasm32-unknown-unknown --bin reperes \
  || die "cargo build for wasm32 failed ($WASM_MODE toolchain)" "see the compiler error above"
with_wasm_env trunk build --release --offline \
  || die "trunk build failed (trunk $(trunk --version 2>/dev/null), wasm-bindgen $WASM_BINDGEN_VERSION, wasm-opt $BINARYEN_VERSION)" \
         "check that 'wasm-bindgen --version' and 'node_modules/.bin/wasm-opt --version' match Trunk.toml"
log "wasm built in $(took "$t")"
# The size budget depends on the toolchain (the Debian path builds std for size): tell the tests.
echo "$WASM_MODE" > target/reperes-wasm-mode

t=$(now)
log "Prerendering every route and generating the service worker"
cargo run --quiet --bin prerender -- dist || die "prerender failed" "cargo run --bin prerender -- dist"
log "prerendered in $(took "$t")"

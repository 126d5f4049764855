#!/usr/bin/env bash
# Builds the release into dist/, split per screen:
#   1. cargo builds the raw wasm with its relocations kept (--emit-relocs);
#   2. wasm-split-cli cuts it at each #[wasm_split] point (one chunk per screen, see src/views/mod.rs)
#      into main.wasm, the chunks and __wasm_split.js (the loader that fetches a chunk on first use);
#   3. wasm-bindgen --target web --keep-lld-exports writes the JS glue for the main module,
#      scripts/drop-stream-exports.mjs takes out three classes the app never uses, and
#      scripts/short-names.mjs gives the glue's imports and exports short names;
#   4. wasm-opt -Oz shrinks the main module and every chunk, and scripts/merge-chunks.mjs joins each
#      screen's chunk and shared chunks into its first-load bundle (one file for a page's first
#      screen) and merges the splitter's many small shared chunks into about 13 (fewer requests,
#      better compression);
#   5. every file is named by its content hash (served immutable), index.html gets the loader;
#   6. the prerender renders every route into its own HTML file and writes the service worker.
# This is cargo-leptos's `--split` order. Trunk is not used: its hooks run at the wrong stage for
# a split (trunk-rs/trunk#1022), and dropping it saves its install (6 to 15 minutes on 2 cores).
source "$(dirname "$0")/lib.sh"
ensure_build_tools

TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
STAGE="$TARGET_DIR/reperes-stage"
DIST="${REPERES_DIST:-$ROOT/dist}"  # REPERES_DIST: build elsewhere (dist/ may be in use by tests)

t=$(now)
log "Building the wasm in release ($WASM_MODE toolchain; the first build takes about 10 minutes, later ones under 2)"
WASM_EXTRA_RUSTFLAGS="-Clink-args=--emit-relocs" with_wasm_env \
  cargo build --release --target wasm32-unknown-unknown --bin reperes \
  || die "cargo build for wasm32 failed ($WASM_MODE toolchain)" "see the compiler error above"
log "wasm compiled in $(took "$t")"

t=$(now)
# The split, the glue and wasm-opt depend only on the compiled wasm and the tools' versions: when
# neither changed since the last build (a warm run of the tests), the staged output is reused
# (about 95 s saved on 2 cores).
RAW="$TARGET_DIR/wasm32-unknown-unknown/release/reperes.wasm"
KEY="$(sha256sum "$RAW" | cut -d' ' -f1) split $WASM_SPLIT_VERSION bindgen $WASM_BINDGEN_VERSION binaryen $BINARYEN_VERSION merge $(cat "$ROOT/scripts/merge-chunks.mjs" "$ROOT/scripts/drop-stream-exports.mjs" "$ROOT/scripts/short-names.mjs" "$ROOT/scripts/wasm-sections.mjs" | sha256sum | cut -d' ' -f1)"
if [ -f "$STAGE/key" ] && [ "$(cat "$STAGE/key")" = "$KEY" ] && [ -d "$STAGE/pkg" ]; then
  log "wasm unchanged since the last build: reusing its split and optimised modules"
else
  rm -rf "$STAGE" && mkdir -p "$STAGE/split" "$STAGE/pkg"
  wasm-split-cli --target web "$TARGET_DIR/wasm32-unknown-unknown/release/reperes.wasm" "$STAGE/split" >/dev/null \
    || die "wasm-split-cli failed" "wasm-split-cli --version; cargo install wasm_split_cli_support --version $WASM_SPLIT_VERSION --features build-binary"
  wasm-bindgen --target web --keep-lld-exports --keep-debug --no-typescript --out-name main --out-dir "$STAGE/pkg" "$STAGE/split/main.wasm" \
    || die "wasm-bindgen failed (wasm-bindgen $WASM_BINDGEN_VERSION)" "check that 'wasm-bindgen --version' is $WASM_BINDGEN_VERSION"
  # wasm-streams' exported classes, unused (see the script), out of the main module and the glue.
  node "$ROOT/scripts/drop-stream-exports.mjs" "$STAGE/pkg" || die "taking out wasm-streams' exports failed (see above)"
  # The chunks: split_<screen>.wasm, one per screen, and chunk_<n>.wasm, code shared by several.
  cp "$STAGE"/split/split_*.wasm "$STAGE"/split/chunk_*.wasm "$STAGE/split/__wasm_split.js" "$STAGE/pkg/" 2>/dev/null || true
  # The imports from the glue and its closure exports, short names in place of hashed ones.
  node "$ROOT/scripts/short-names.mjs" "$STAGE/pkg" || die "shortening the glue's names failed (see above)"
  FEATURES="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"
  # Every module, two at a time (one per core). wasm-opt warns once per module about the
  # splitter's name subsections (harmless; about 150 lines): those lines are left out.
  printf '%s\0' "$STAGE"/pkg/*.wasm | PATH="$ROOT/node_modules/.bin:$PATH" xargs -0 -P 2 -I{} \
    wasm-opt -Oz $FEATURES {} -o {} 2> >(grep -v '^warning: unknown name subsection' >&2) \
    || die "wasm-opt failed (see above)" "node_modules/.bin/wasm-opt --version (binaryen $BINARYEN_VERSION)"
  # The splitter's many small shared chunks, merged into a few (see the script for why and how).
  node "$ROOT/scripts/merge-chunks.mjs" "$STAGE/pkg" "$RAW" || die "merging the shared chunks failed (see above)"
  echo "$KEY" > "$STAGE/key"
  log "split, bound and optimised in $(took "$t")"
fi

t=$(now)
rm -rf "$DIST" && mkdir -p "$DIST"
node "$ROOT/scripts/assemble.mjs" "$STAGE/pkg" "$DIST" || die "assembling dist/ failed"
# The size budget depends on the toolchain (the Debian path builds std for size): tell the tests.
echo "$WASM_MODE" > "$TARGET_DIR/reperes-wasm-mode"

log "Prerendering every route and generating the service worker"
cargo run --quiet --bin prerender -- "$DIST" || die "prerender failed" "cargo run --bin prerender -- dist"
log "assembled and prerendered in $(took "$t")"

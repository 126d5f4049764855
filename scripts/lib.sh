# Shared by the scripts in this folder: finds or installs every tool once, at the right version.
# Each install is atomic (cargo install and npm ci write their result at the end), so an
# interrupted run never leaves a tool that the next run mistakes for a good one.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

# The one place for the wasm-bindgen version is Cargo.toml's `=` pin.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
WASM_SPLIT_VERSION="0.2.4" # wasm-split-cli, from the crate wasm_split_cli_support
BINARYEN_VERSION="132"    # from npm (package.json); Debian's binaryen is too old

log() { printf '\n== %s\n' "$*" >&2; }
die() {
  printf '\nERROR: %s\n' "$1" >&2
  [ $# -gt 1 ] && printf 'Try: %s\n' "$2" >&2
  exit 1
}
now() { date +%s; }
took() { echo "$(( $(now) - $1 ))s"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "root rights are needed for: $*" "run it as root, or install the packages by hand"; fi
}

apt_install() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get here" "install the equivalent packages with your system's package manager"
  log "Installing Debian packages: ${missing[*]} (about a minute)"
  as_root apt-get update -qq || die "apt-get update failed" "check the network to the Debian mirror"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed" "apt-get install -y ${missing[*]}"
}

# rustup with the wasm32 target (an ordinary developer machine), or Debian's compiler with the
# standard library built from source (this kind of machine, where rustup cannot fetch the target).
detect_wasm_toolchain() {
  if command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    WASM_MODE=rustup
  elif command -v apt-get >/dev/null 2>&1; then
    WASM_MODE=debian
  else
    die "no Rust compiler for wasm32 found" "rustup target add wasm32-unknown-unknown"
  fi
}

ensure_native_rust() {
  command -v cargo >/dev/null 2>&1 || die "cargo not found" "install Rust with rustup: https://rustup.rs"
  cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
  cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
}

ensure_wasm_split() {
  # The CLI has no --version: ask cargo which version it installed.
  if command -v wasm-split-cli >/dev/null 2>&1 \
     && cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    return 0
  fi
  log "Installing wasm-split-cli $WASM_SPLIT_VERSION (splits the wasm per screen; about 4 minutes, once)"
  local t; t=$(now)
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked \
    || die "installing wasm-split-cli $WASM_SPLIT_VERSION failed" "cargo install wasm_split_cli_support --version $WASM_SPLIT_VERSION --features build-binary"
  log "wasm-split-cli installed in $(took "$t")"
}

ensure_wasm_bindgen() {
  if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then return 0; fi
  log "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version pinned in Cargo.toml; about 5 minutes, once)"
  local t; t=$(now)
  # --locked first; its lock file has pinned a crate version that crates.io later yanked, so fall
  # back to a fresh resolution of the same CLI version.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked 2>/dev/null \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
    || die "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION failed" "cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION"
  log "wasm-bindgen-cli installed in $(took "$t")"
}

ensure_node_modules() {
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  if [ -x node_modules/.bin/wasm-opt ] && node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION" \
     && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    return 0
  fi
  log "Installing npm dev tools (binaryen $BINARYEN_VERSION for wasm-opt, playwright-core, axe-core, scorm-again)"
  npm ci --no-audit --no-fund >/dev/null || die "npm ci failed" "npm ci (needs the npm registry)"
}

ensure_build_tools() {
  detect_wasm_toolchain
  if [ "$WASM_MODE" = debian ]; then apt_install rustc-web cargo-web rust-web-src lld-19; fi
  ensure_native_rust
  ensure_node_modules
  ensure_wasm_bindgen
  ensure_wasm_split
}

# The end-to-end tests drive Debian's Chromium; CHROMIUM=/path/to/chromium uses another build.
ensure_test_tools() {
  if [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; then return 0; fi
  [ -x /usr/bin/chromium ] || apt_install chromium
}

# Runs a command with the environment of the wasm build: on the Debian path, Debian's cargo and
# rustc first on PATH and the standard library built from source. Only this command sees it, so
# native builds and tests are untouched. Since std is built anyway, it is built for size, panics
# abort without formatting, and Debug formatting and panic locations are left out (smaller wasm;
# see the performance notes).
with_wasm_env() {
  if [ "$WASM_MODE" = debian ]; then
    PATH="/usr/bin:$ROOT/node_modules/.bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
      RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none${WASM_EXTRA_RUSTFLAGS:+ $WASM_EXTRA_RUSTFLAGS}" \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19 "$@"
  else
    PATH="$ROOT/node_modules/.bin:$PATH" RUSTFLAGS="${WASM_EXTRA_RUSTFLAGS:-}" "$@"
  fi
}

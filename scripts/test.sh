#!/usr/bin/env bash
# Runs every test, in order: format, lints, native unit tests, the content rules, the release
# build, the end-to-end suite in headless Chromium (at the root, then its hosting specs under a
# sub-path), then the cross-engine flows in Chromium, Firefox and WebKit. Prints the time of each
# phase, one "XE <engine>: N passed, N failed" line per engine, and ends with one line:
# "N passed, N failed" (every count above included).
source "$(dirname "$0")/lib.sh"

PASSED=0
FAILED=0
TIMES=()
pass() { PASSED=$((PASSED + ${2:-1})); }
fail() { FAILED=$((FAILED + ${2:-1})); printf 'FAILED: %s\n' "$1" >&2; }
ENGINE_LINES=()
# One run of the Chromium suite: prefix, spec files (empty: all), name in the time list.
e2e_pass() {
  local prefix=$1 specs=$2 name=$3 t out p f
  t=$(now)
  log "End-to-end tests in headless Chromium, the app under $prefix${specs:+ (specs $specs)}"
  out="$(mktemp)"
  REPERES_PREFIX=$prefix node tests/e2e/run.mjs ${specs:+--specs "$specs"} | tee "$out" || true
  p=$(sed -n 's/^E2E: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' "$out")
  f=$(sed -n 's/^E2E: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p' "$out")
  rm -f "$out"
  if [ -z "$p" ]; then fail "end-to-end runner crashed ($prefix)"; else pass e2e "$p"; FAILED=$((FAILED + f)); fi
  TIMES+=("$name $(took "$t")")
}
step() { # name, command...
  local name=$1 t; shift; t=$(now)
  log "$name"
  if "$@"; then pass "$name"; else fail "$name"; fi
  TIMES+=("$name $(took "$t")")
}

t0=$(now)
log "Checking tools (installs what is missing, once)"
ensure_build_tools
ensure_test_tools
TIMES+=("tools $(took "$t0")")

step "cargo fmt --check" cargo fmt --check
# Lints and unit tests in one build: with rustup's clippy-driver as the compiler of our own crate
# (what `cargo clippy` does, but building rather than only checking), `cargo test` runs every
# clippy lint with -D warnings on the library, both binaries and the test code, and the
# dependencies are compiled once instead of once checked for clippy and once built for the tests
# (about 5 minutes saved on a bare machine). The build is kept apart from plain `cargo test`'s
# (cargo hashes the wrapper into the artifacts), so neither invalidates the other. Without
# clippy-driver, the two passes run one after the other as before.
CLIPPY_DRIVER=$(command -v clippy-driver || true)
if [ -n "$CLIPPY_DRIVER" ] && "$CLIPPY_DRIVER" --version >/dev/null 2>&1; then
  t=$(now)
  log "Native unit tests, built with clippy's lints (-D warnings)"
  out=$(RUSTC_WORKSPACE_WRAPPER="$CLIPPY_DRIVER" CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__" \
    cargo test --quiet 2>&1) && rc=0 || rc=$?
  if printf '%s\n' "$out" | grep -q "^error: could not compile"; then
    printf '%s\n' "$out" | grep -v "^test .* ok$" >&2
    fail "cargo clippy -D warnings (the lints or the build failed: see above)"
    rc=0 # counted once
  else
    pass "cargo clippy -D warnings"
  fi
else
  step "cargo clippy -D warnings" cargo clippy --all-targets --quiet -- -D warnings
  t=$(now)
  log "Native unit tests"
  out=$(cargo test --quiet 2>&1) && rc=0 || rc=$?
fi
printf '%s\n' "$out" | grep -E "^test result|FAILED|panicked|^error" >&2 || true
p=$(printf '%s\n' "$out" | sed -n 's/^test result: .* \([0-9]*\) passed; \([0-9]*\) failed.*/\1/p' | awk '{s+=$1} END {print s+0}')
f=$(printf '%s\n' "$out" | sed -n 's/^test result: .* \([0-9]*\) passed; \([0-9]*\) failed.*/\2/p' | awk '{s+=$1} END {print s+0}')
pass "unit" "${p:-0}"; FAILED=$((FAILED + ${f:-0}))
if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then fail "cargo test (did not compile?)"; fi
TIMES+=("clippy + unit tests $(took "$t")")

if [ -x "$ROOT/../shared/tools/seedcopy" ]; then
  step "content is written in our own words (seedcopy)" "$ROOT/../shared/tools/seedcopy" "$ROOT"
fi

t=$(now)
if "$ROOT/scripts/build.sh"; then
  pass "release build"
  TIMES+=("build $(took "$t")")

  # The whole suite in headless Chromium with the app at the host's root, then, with the app under
  # a sub-path, only the specs where the path matters (start, links, hosting, embed and SCORM).
  e2e_pass "/" "" "e2e"
  e2e_pass "/formation/reperes/" "01,02,06,08" "e2e sub-path"

  # The main flow of each capability in Chromium, Firefox and WebKit (in that order: the quickest
  # engine first). WebKit runs under Xvfb; each engine's counts show below and in the total.
  t=$(now)
  log "Cross-engine flows: Chromium, Firefox, WebKit"
  out="$(mktemp)"
  node tests/xe/run.mjs | tee "$out" || true
  for engine in chromium firefox webkit; do
    line=$(grep -m1 "^XE $engine: " "$out" || true)
    p=$(printf '%s' "$line" | sed -n 's/^XE [a-z]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
    f=$(printf '%s' "$line" | sed -n 's/^XE [a-z]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
    if [ -z "$p" ]; then fail "cross-engine runner crashed ($engine)"; ENGINE_LINES+=("XE $engine: no result")
    else pass "xe" "$p"; FAILED=$((FAILED + f)); ENGINE_LINES+=("$line"); fi
  done
  rm -f "$out"
  TIMES+=("cross-engine $(took "$t")")
else
  fail "release build"
  fail "end-to-end tests (not run: no build)"
fi

log "Time per phase: ${TIMES[*]/%/;} total $(took "$t0")"
for line in "${ENGINE_LINES[@]}"; do echo "$line"; done
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]

#!/usr/bin/env bash
# Runs every test, in order: format, lints, native unit tests, the content rules, the release
# build, then the end-to-end suite in headless Chromium. Ends with one line: "N passed, N failed".
source "$(dirname "$0")/lib.sh"

PASSED=0
FAILED=0
TIMES=()
pass() { PASSED=$((PASSED + ${2:-1})); }
fail() { FAILED=$((FAILED + ${2:-1})); printf 'FAILED: %s\n' "$1" >&2; }
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
step "cargo clippy -D warnings" cargo clippy --all-targets --quiet -- -D warnings

t=$(now)
log "Native unit tests"
out=$(cargo test --quiet 2>&1) && rc=0 || rc=$?
printf '%s\n' "$out" | grep -E "^test result|FAILED|panicked|^error" >&2 || true
p=$(printf '%s\n' "$out" | sed -n 's/^test result: .* \([0-9]*\) passed; \([0-9]*\) failed.*/\1/p' | awk '{s+=$1} END {print s+0}')
f=$(printf '%s\n' "$out" | sed -n 's/^test result: .* \([0-9]*\) passed; \([0-9]*\) failed.*/\2/p' | awk '{s+=$1} END {print s+0}')
pass "unit" "${p:-0}"; FAILED=$((FAILED + ${f:-0}))
if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then fail "cargo test (did not compile?)"; fi
TIMES+=("unit tests $(took "$t")")

if [ -x "$ROOT/../shared/tools/seedcopy" ]; then
  step "content is written in our own words (seedcopy)" "$ROOT/../shared/tools/seedcopy" "$ROOT"
fi

t=$(now)
if "$ROOT/scripts/build.sh"; then
  pass "release build"
  TIMES+=("build $(took "$t")")
  t=$(now)
  log "End-to-end tests in headless Chromium"
  for prefix in / /formation/reperes/; do
    log "End-to-end suite with the app under $prefix"
    out="$(mktemp)"
    REPERES_PREFIX=$prefix node tests/e2e/run.mjs | tee "$out" || true
    p=$(sed -n 's/^E2E: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' "$out")
    f=$(sed -n 's/^E2E: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p' "$out")
    rm -f "$out"
    if [ -z "$p" ]; then fail "end-to-end runner crashed ($prefix)"; else pass e2e "$p"; FAILED=$((FAILED + f)); fi
  done
  TIMES+=("e2e $(took "$t")")
else
  fail "release build"
  fail "end-to-end tests (not run: no build)"
fi

log "Time per phase: ${TIMES[*]/%/;} total $(took "$t0")"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]

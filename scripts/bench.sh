#!/usr/bin/env bash
# Builds the release, then benchmarks it against a static page with the same text (bench/bench.mjs).
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/build.sh"
ensure_test_tools
node bench/bench.mjs "${1:-5}"

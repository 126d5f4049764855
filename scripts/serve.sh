#!/usr/bin/env bash
# Builds Repères and serves it on http://127.0.0.1:8080 (PORT=… to change).
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/build.sh"
PORT=${PORT:-8080}
log "Serving dist/ on http://127.0.0.1:$PORT/ (Ctrl+C to stop)"
exec node tests/server.mjs --root dist --port "$PORT"

#!/usr/bin/env bash
# Lighthouse 12 scores of dist/ as it is (no build: run scripts/build.sh first), desktop and
# mobile presets, on four routes; for each category under 100, the audits that failed.
source "$(dirname "$0")/lib.sh"

LH_DIR="$ROOT/.tools/lighthouse"
LH="$LH_DIR/node_modules/.bin/lighthouse"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
ROUTES=("" "phases/" "usages/" "quiz/")
CATEGORIES="performance,accessibility,best-practices,seo"
# No background requests from Chromium itself: the page's requests are the only ones.
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"

[ -f dist/index.html ] || die "no dist/index.html" "./scripts/build.sh"
[ -x "$CHROMIUM" ] || die "no Chromium at $CHROMIUM" "apt-get install chromium, or CHROMIUM=/path/to/chrome"
# Kept out of package.json: only this script needs it.
if ! "$LH" --version 2>/dev/null | grep -q '^12\.'; then
  log "Installing Lighthouse 12 into .tools/lighthouse (once)"
  npm install --prefix "$LH_DIR" --no-audit --no-fund lighthouse@12 >/dev/null \
    || die "installing lighthouse@12 failed" "npm install --prefix .tools/lighthouse lighthouse@12"
fi

# A build that lands mid-run would mix two versions in one table: compare before and after.
fingerprint() { find dist -type f -printf '%P %s %T@\n' | sort | md5sum; }
BEFORE=$(fingerprint)

OUT=$(mktemp -d)
# The project's server, with brotli and the CSP header (its CLI has no flag for the header);
# port 0: the system picks a free one.
node --input-type=module -e '
  import { startServer } from "./tests/server.mjs";
  const s = await startServer({ root: "dist", brotli: true, csp: true });
  console.log(s.port);' >"$OUT/port" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; rm -rf "$OUT"' EXIT
for _ in $(seq 50); do [ -s "$OUT/port" ] && break; sleep 0.2; done
PORT=$(cat "$OUT/port")
[ -n "$PORT" ] || die "the server did not start"

START=$(now)
REPORTS=()
for preset in desktop mobile; do
  for route in "${ROUTES[@]}"; do
    name=${route%/}; file="$OUT/${name:-home}.$preset.json"
    log "Lighthouse: /$route, $preset"
    # Mobile is Lighthouse's default configuration; desktop is its preset.
    CHROME_PATH="$CHROMIUM" "$LH" "http://127.0.0.1:$PORT/$route" \
      $([ "$preset" = desktop ] && echo --preset=desktop) \
      --only-categories="$CATEGORIES" --chrome-flags="$CHROME_FLAGS" \
      --disable-full-page-screenshot --no-enable-error-reporting \
      --output=json --output-path="$file" --quiet || log "Lighthouse failed on /$route ($preset)"
    REPORTS+=("$file")
  done
done

node - "${REPORTS[@]}" <<'JS'
const fs = require("fs");
const CATS = ["performance", "accessibility", "best-practices", "seo"];
const SKIP = new Set(["informative", "manual", "notApplicable"]);
const pct = (s) => (s == null ? "  —" : String(Math.round(s * 100)).padStart(3));
const rows = [], fails = [], warnings = new Set(), offHost = new Set();
for (const file of process.argv.slice(2)) {
  const [name, preset] = file.split("/").pop().split(".");
  const route = name === "home" ? "/" : `/${name}/`;
  if (!fs.existsSync(file)) { rows.push(`${route.padEnd(10)}${preset.padEnd(9)} failed`); continue; }
  const lhr = JSON.parse(fs.readFileSync(file, "utf8"));
  if (lhr.runtimeError) warnings.add(`${route} ${preset}: ${lhr.runtimeError.message}`);
  (lhr.runWarnings || []).forEach((w) => warnings.add(w));
  const shown = (id) => lhr.audits[id]?.displayValue?.replace(/\s/g, " ") ?? "—";
  rows.push(route.padEnd(10) + preset.padEnd(9) + CATS.map((c) => pct(lhr.categories[c]?.score).padStart(6)).join("") + `   TBT ${shown("total-blocking-time")}, LCP ${shown("largest-contentful-paint")}`);
  for (const c of CATS) {
    const cat = lhr.categories[c];
    if (!cat || cat.score === 1) continue;
    fails.push(`\n${route} ${preset}, ${c} ${pct(cat.score).trim()}:`);
    for (const { id } of cat.auditRefs) {
      const a = lhr.audits[id];
      if (a.score === null || a.score >= 1 || SKIP.has(a.scoreDisplayMode)) continue;
      const value = a.displayValue ? `${a.displayValue}, ` : "";
      fails.push(`  ${id} — ${a.title}: ${value}score ${a.score}`);
    }
  }
  // The app must not reach any other host; this is what Lighthouse saw the page fetch.
  for (const { url } of lhr.audits["network-requests"]?.details?.items || []) {
    if (/^https?:/.test(url) && new URL(url).hostname !== "127.0.0.1") offHost.add(url);
  }
}
console.log("\nroute     preset     perf  a11y  best   seo");
console.log(rows.join("\n"));
if (fails.length) console.log("\nAudits that failed, per category under 100:" + fails.join("\n"));
if (offHost.size) console.log("\nRequests to another host:\n  " + [...offHost].join("\n  "));
if (warnings.size) console.log("\nLighthouse warnings:\n  " + [...warnings].join("\n  "));
JS

[ "$(fingerprint)" = "$BEFORE" ] || die "dist/ changed during the run: the scores mix two builds" "rerun when no build is writing dist/"
log "8 Lighthouse runs in $(took "$START")"

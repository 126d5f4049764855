// Runs the end-to-end suite: serves dist/ on 127.0.0.1, drives Debian's headless Chromium with
// playwright-core, and prints one line per test and "E2E: N passed, N failed".
// Filter with: node tests/e2e/run.mjs [--specs 01,06] [<substring of a test name>]
// (--specs: only the spec files whose names start with one of these).
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../server.mjs";
import { tests, guard, DIST, ARTIFACTS, ROOT } from "./harness.mjs";

const args = process.argv.slice(2);
const at = args.indexOf("--specs");
const specs = at >= 0 ? args.splice(at, 2)[1].split(",") : [""];
const filter = args[0] || "";
for (const f of fs.readdirSync(path.join(ROOT, "tests/e2e")).filter((f) => f.endsWith(".spec.mjs")).sort()) {
  if (!specs.some((s) => f.startsWith(s))) continue;
  const before = tests.length;
  await import(path.join(ROOT, "tests/e2e", f));
  for (const t of tests.slice(before)) t.file = f;
}
if (!fs.existsSync(path.join(DIST, "index.html"))) {
  console.log("No dist/: build first.\nE2E: 0 passed, 1 failed");
  process.exit(1);
}
fs.mkdirSync(path.join(ARTIFACTS, "screens"), { recursive: true });

export const LAUNCH = {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
};
const browser = await chromium.launch(LAUNCH);
// REPERES_PREFIX=/formation/reperes/ runs the same suite with the app under a sub-path.
const server = await startServer({ root: DIST, prefix: process.env.REPERES_PREFIX || "/" });

const TIMEOUT_MS = 300_000;
let passed = 0;
let failed = 0;

async function runOne(t) {
  const started = Date.now();
  const context = await browser.newContext({ viewport: t.opts.viewport || { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = guard(page, t.opts);
  try {
    // A test that hangs (a promise in the page that never settles) fails alone instead of
    // holding the whole run.
    let timer;
    const limit = new Promise((_, fail) => (timer = setTimeout(() => fail(new Error(`timed out after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS)));
    try {
      await Promise.race([t.fn({ page, context, browser, base: server.url, server, problems }), limit]);
    } finally {
      clearTimeout(timer);
    }
    if (problems.length) throw new Error(problems.slice(0, 5).join("\n    "));
    passed++;
    console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${t.name}\n    ${String(e.message || e).split("\n").join("\n    ")}`);
    await page.screenshot({ path: path.join(ARTIFACTS, `fail-${t.name.replace(/[^a-z0-9]+/gi, "-")}.png`) }).catch(() => {});
  } finally {
    await context.close().catch(() => {});
  }
}

// Each test runs in its own browser context (its own storage, service worker and cache); the
// tests of one file run in order, since some build on the one before. Two files run at once by
// default (REPERES_E2E_JOBS=N for another number): much of a test's time is waiting (the LRS's
// retries, a worker's install, a page's load), and on 2 cores the whole suite took 9 min 47 s
// with two at once against about 11 min 20 s one at a time (session 11, 114 tests; four at once
// overloaded the machine: a 300 s timeout). The longest files start first, so that the two
// lanes end close together.
const JOBS = Math.max(1, Number(process.env.REPERES_E2E_JOBS) || 2);
const LONGEST_FIRST = ["05", "10-shell", "10-cmi5", "04", "06", "09-debrief", "02"];
const rank = (f) => {
  const i = LONGEST_FIRST.findIndex((p) => f.startsWith(p));
  return i < 0 ? LONGEST_FIRST.length : i;
};
const chosen = tests.filter((t) => t.name.includes(filter));
const files = [...new Set(chosen.map((t) => t.file))]
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  .map((f) => chosen.filter((t) => t.file === f));
// Ralph (the cmi5 specs' LRS) is installed before the lanes start: its first install takes about
// a minute of blocking calls, which would stall the pages that this process serves to the other
// lane.
if (files.some((group) => group[0].file.startsWith("10-cmi5"))) (await import("../lrs.mjs")).ensureRalph();
await Promise.all(
  Array.from({ length: JOBS }, async () => {
    for (let group; (group = files.shift()); ) for (const t of group) await runOne(t);
  }),
);
await server.close();
await browser.close();
console.log(`E2E: ${passed} passed, ${failed} failed${process.env.REPERES_PREFIX ? " (under " + process.env.REPERES_PREFIX + ")" : ""}`);
process.exit(failed ? 1 : 0);

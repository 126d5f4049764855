// Runs the cross-engine flows (flows.spec.mjs) in Chromium, Firefox and WebKit, in that order,
// against dist/ served on 127.0.0.1. Prints one line per flow and engine, then one summary line per
// engine: "XE chromium: N passed, N failed". Every engine's line is printed even when the engine
// cannot start (its flows then count as failed).
//
//   node tests/xe/run.mjs [--engines chromium,firefox,webkit] [filter]
// WebKit needs a display: without DISPLAY, the runner starts itself again under xvfb-run -a.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { startServer } from "../server.mjs";
import { DIST, ARTIFACTS } from "../e2e/harness.mjs";
import { ENGINES, launch, binaries, lastStep } from "./engines.mjs";
import { flows } from "./flows.spec.mjs";

const args = process.argv.slice(2);
const at = args.indexOf("--engines");
const engines = at >= 0 ? args.splice(at, 2)[1].split(",") : ENGINES;
const filter = args[0] || "";
for (const e of engines) if (!ENGINES.includes(e)) throw new Error(`unknown engine ${e}: ${ENGINES.join(", ")}`);

if (engines.includes("webkit") && !process.env.DISPLAY && !process.env.XE_UNDER_XVFB) {
  const r = spawnSync("xvfb-run", ["-a", process.execPath, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, XE_UNDER_XVFB: "1" },
  });
  if (r.error) {
    console.log(`xvfb-run could not start (${r.error.message}): install xvfb`);
    for (const e of engines) console.log(`XE ${e}: 0 passed, 1 failed`);
    process.exit(1);
  }
  process.exit(r.status ?? 1);
}

if (!fs.existsSync(path.join(DIST, "index.html"))) {
  console.log("No dist/: build first.");
  for (const e of engines) console.log(`XE ${e}: 0 passed, 1 failed`);
  process.exit(1);
}
fs.mkdirSync(ARTIFACTS, { recursive: true });

const TIMEOUT_MS = 120_000;
const selected = flows.filter((f) => f.name.includes(filter));
const server = await startServer({ root: DIST });
const summary = [];
let anyFailed = false;

for (const engine of engines) {
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  const missing = binaries(engine).filter((b) => !fs.existsSync(b));
  let browser = null;
  try {
    if (missing.length) throw new Error(`not installed: ${missing.join(", ")}`);
    browser = await launch(engine);
  } catch (e) {
    console.log(`FAIL [${engine}] the engine did not start: ${e.message}`);
    failed = Math.max(1, selected.length);
  }
  for (const flow of browser ? selected : []) {
    const t = Date.now();
    Object.assign(lastStep, { text: "(no page step yet)", depth: 0 });
    const opened = [];
    const cleanups = []; // servers and folders a flow made: closed and removed whatever happens
    const defer = (fn) => cleanups.push(fn);
    // Each flow gets fresh profiles through newContext(); every page's errors are checked at the end.
    const newContext = async (opts) => {
      const c = await browser.context({ ...flow.opts, ...opts });
      opened.push(c);
      return c;
    };
    try {
      let timer;
      const limit = new Promise((_, fail) => (timer = setTimeout(() => fail(new Error(`timed out after ${TIMEOUT_MS / 1000} s, in ${lastStep.text}`)), TIMEOUT_MS)));
      try {
        await Promise.race([flow.fn({ engine, newContext, defer, base: server.url }), limit]);
      } finally {
        clearTimeout(timer);
      }
      const problems = [];
      for (const c of opened) problems.push(...(await c.errors()));
      const left = flow.opts.allowErrors ? problems.filter((p) => !flow.opts.allowErrors.test(p)) : problems;
      if (left.length) throw new Error(left.slice(0, 5).join("\n    "));
      passed++;
      console.log(`ok   [${engine}] ${flow.name} (${Date.now() - t} ms)`);
    } catch (e) {
      failed++;
      // What the pages reported helps to read a failure that happened before the final check.
      const seen = [];
      for (const c of opened) seen.push(...(await c.errors().catch(() => [])));
      const text = [String(e.message || e), ...seen.slice(0, 5)].join("\n");
      console.log(`FAIL [${engine}] ${flow.name}\n    ${text.split("\n").join("\n    ")}`);
    } finally {
      for (const c of opened) await c.close();
      for (const fn of cleanups.reverse()) await Promise.resolve().then(fn).catch(() => {});
    }
  }
  if (browser) await browser.close();
  anyFailed ||= failed > 0;
  summary.push(`XE ${engine}: ${passed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
}
await server.close();
for (const line of summary) console.log(line);
process.exit(anyFailed ? 1 : 0);

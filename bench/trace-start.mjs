// A trace of a first visit (cache disabled, CPU 4x, fast network): every task over 50 ms on the
// page's main thread after first paint, with what it spent its time on. Where `bench.mjs`'s total
// blocking time comes from.
//   node bench/trace-start.mjs [route=""] [runs=2]
import path from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../tests/server.mjs";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const ROUTE = process.argv[2] || "";
const RUNS = Number(process.argv[3] || 2);
const app = await startServer({ root: process.env.DIST || path.join(ROOT, "dist"), brotli: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium" });
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing,loading", transferMode: "ReportEvents" });
  // Waits through CDP only, as the bench does: Playwright's own helpers (waitForSelector,
  // waitForTimeout, evaluate) inject a large script into the page, and its evaluation (57 to
  // 83 ms at CPU 4x, an `EvaluateScript` task with no address) would be counted as the app's.
  await page.goto(app.url + ROUTE, { waitUntil: "commit" });
  await cdp.send("Runtime.evaluate", {
    expression: `new Promise((r) => { const c = () => document.documentElement.hasAttribute("data-ready") ? r(1) : setTimeout(c, 20); c(); })`,
    awaitPromise: true,
  });
  await new Promise((r) => setTimeout(r, 4000));
  await cdp.send("Tracing.end");
  await done;
  const fcp = events.find((e) => e.name === "firstContentfulPaint")?.ts;
  const tid = events.find((e) => e.name === "firstContentfulPaint")?.tid ?? events.find((e) => e.name === "ParseHTML")?.tid;
  const nav = events.find((e) => e.name === "navigationStart" && e.tid === tid)?.ts ?? fcp;
  const tasks = events.filter((e) => e.tid === tid && e.ph === "X" && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && e.dur > 50000 && e.ts > (fcp ?? 0));
  let tbt = 0;
  console.log(`run ${i}: fcp ${((fcp - nav) / 1000).toFixed(0)} ms`);
  for (const t of tasks) {
    tbt += t.dur / 1000 - 50;
    const kids = {};
    for (const e of events) {
      if (e.tid !== tid || e.ph !== "X" || e === t || e.ts < t.ts || e.ts + e.dur > t.ts + t.dur) continue;
      if (["RunTask", "ThreadControllerImpl::RunTask"].includes(e.name)) continue;
      const k = e.name + (e.args?.data?.url ? " " + e.args.data.url.split("/").pop().slice(0, 30) : "") + (e.args?.data?.functionName ? " " + e.args.data.functionName : "");
      kids[k] = (kids[k] || 0) + e.dur / 1000;
    }
    const marks = events.filter((e) => e.cat?.includes("user_timing") && e.ts >= t.ts && e.ts <= t.ts + t.dur).map((e) => e.name);
    console.log(`  task at ${((t.ts - nav) / 1000).toFixed(0)} ms: ${(t.dur / 1000).toFixed(0)} ms ${marks.join(",")}`);
    console.log("    " + Object.entries(kids).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(0)}`).join("\n    "));
  }
  console.log(`  blocking time after first paint: ${tbt.toFixed(0)} ms`);
  await context.close();
}
await browser.close();
process.exit(0);

// A trace of the debrief's read (200 codes, CPU 4x), summed by kind of work on the page's main
// thread: where the milliseconds of `bench.mjs`'s debrief figure go.
//   node bench/trace-debrief.mjs [runs=3]
import path from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../tests/server.mjs";
import { debriefPaste, pasteIntoDebrief } from "./debrief-paste.mjs";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const RUNS = Number(process.argv[2] || 3);
const app = await startServer({ root: path.join(ROOT, "dist"), brotli: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium" });
const paste = await debriefPaste(browser, app.url);
const KINDS = {
  FunctionCall: "script", EvaluateScript: "script", "v8.compile": "script", TimerFire: "script", EventDispatch: "script", FireAnimationFrame: "script",
  ParseHTML: "parse", UpdateLayoutTree: "style", RecalculateStyles: "style", Layout: "layout", PrePaint: "paint", Paint: "paint", Layerize: "paint", UpdateLayer: "paint", CompositeLayers: "paint", Commit: "paint",
};
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ bypassCSP: !!process.env.BENCH_STYLE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(app.url + "debrief/");
  await page.waitForSelector("html[data-ready]");
  await page.waitForTimeout(3000);
  // An experiment: a style sheet added before the read (BENCH_STYLE="…css…").
  if (process.env.BENCH_STYLE) await page.addStyleTag({ content: process.env.BENCH_STYLE });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await pasteIntoDebrief(page, paste);
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,blink.user_timing,v8.execute", transferMode: "ReportEvents" });
  const ms = await page.evaluate(() => new Promise((ok) => {
    performance.mark("read-start");
    const t0 = performance.now();
    document.querySelector("#debrief-read").click();
    const check = () => {
      if (document.querySelector("#debrief-screens-table")) requestAnimationFrame(() => { performance.mark("read-end"); ok(performance.now() - t0); });
      else requestAnimationFrame(check);
    };
    check();
  }));
  await cdp.send("Tracing.end");
  await done;
  const mark = (n) => events.find((e) => e.name === n)?.ts;
  const [a, b] = [mark("read-start"), mark("read-end")];
  const main = events.find((e) => e.name === "TracingStartedInBrowser" || e.name === "TracingStartedInPage");
  const tid = events.filter((e) => e.name === "ParseHTML" || e.name === "Layout")[0]?.tid;
  const sums = {};
  const top = [];
  for (const e of events) {
    if (e.ph !== "X" || e.tid !== tid || e.ts < a || e.ts > b) continue;
    const k = KINDS[e.name];
    if (!k) continue;
    sums[e.name] = (sums[e.name] || 0) + e.dur / 1000;
    top.push([e.name, e.dur / 1000, e.ts]);
  }
  console.log(`run ${i}: ${ms.toFixed(0)} ms`, Object.entries(sums).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", "));
  top.sort((x, y) => y[1] - x[1]);
  console.log("  longest:", top.slice(0, 8).map(([n, d, ts]) => `${n}@${((ts - a) / 1000).toFixed(0)} ${d.toFixed(1)}`).join(", "));
  await context.close();
}
await browser.close();
app.close?.();
process.exit(0);

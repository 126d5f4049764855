// Benchmark: the release build against a plain static page with the same text, measured
// interleaved in fresh Chromium profiles with the cache disabled and the CPU throttled 4x, on a
// fast and on a slow network. Prints a table of medians with ratios (app / static) and one JSON
// line. Timings are for reading, never for pass/fail: this machine is shared and noisy.
//
//   node bench/bench.mjs [runs=5]        (scripts/bench.sh builds first)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../tests/server.mjs";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const DIST = path.join(ROOT, "dist");
const RUNS = Number(process.argv[2] || 5);
const NAMES = ["SoLoMo", "BlolMeXR", "CloDaML"];

/** The baseline: the prerendered home page with every script, preload and manifest removed. */
function staticBaseline() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reperes-static-"));
  let html = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
  html = html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<link rel="(modulepreload|preload|manifest)"[^>]*>/g, "");
  fs.writeFileSync(path.join(dir, "index.html"), html);
  for (const f of fs.readdirSync(DIST).filter((f) => f.endsWith(".css"))) fs.copyFileSync(path.join(DIST, f), path.join(dir, f));
  fs.mkdirSync(path.join(dir, "icons"));
  fs.copyFileSync(path.join(DIST, "icons/icon.svg"), path.join(dir, "icons/icon.svg"));
  return dir;
}

const PROBE = () => {
  window.__bench = { namesAt: null, lcp: 0, longTasks: [], events: [], wasmBytes: 0 };
  const names = ["SoLoMo", "BlolMeXR", "CloDaML"];
  const check = () => {
    const t = document.body && document.body.innerText;
    if (t && names.every((n) => t.includes(n))) window.__bench.namesAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__bench.lcp = e.startTime))).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__bench.longTasks.push([e.startTime, e.duration]))).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__bench.events.push([e.name, e.duration]))).observe({ type: "event", durationThreshold: 16, buffered: true });
  addEventListener("TrunkApplicationStarted", (e) => (window.__bench.wasmBytes = e.detail.wasm.memory.buffer.byteLength));
};

async function measure(browser, url, network, isApp) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  if (network) await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
  const byType = {};
  const types = new Map();
  cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
  cdp.on("Network.loadingFinished", (e) => {
    const t = (types.get(e.requestId) || "Other").toLowerCase();
    byType[t] = byType[t] || { requests: 0, transferred: 0 };
    byType[t].requests++;
    byType[t].transferred += e.encodedDataLength;
  });
  await page.addInitScript(PROBE);
  await page.goto(url, { waitUntil: "load" });
  if (isApp) await page.waitForSelector("html[data-ready]", { timeout: 60000 });
  await page.waitForTimeout(500);
  const m = await page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
    const tbt = window.__bench.longTasks.filter(([s]) => fcp === null || s >= fcp).reduce((a, [, d]) => a + Math.max(0, d - 50), 0);
    return { fcp, namesAt: window.__bench.namesAt, lcp: window.__bench.lcp, tbt, wasmMemory: window.__bench.wasmBytes };
  });
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  m.heap = heap.usedSize;
  m.requests = Object.values(byType).reduce((a, b) => a + b.requests, 0);
  m.bytes = Object.values(byType).reduce((a, b) => a + b.transferred, 0);
  m.byType = byType;
  if (isApp) {
    // A click on a checklist item: how long until the next paint (Event Timing, >= 16 ms only).
    await page.goto(url + "usages/", { waitUntil: "load" });
    await page.waitForSelector("html[data-ready]");
    await page.evaluate(() => (window.__bench.events = []));
    await page.locator(".checklist .item label").first().click();
    await page.waitForTimeout(300);
    const ev = await page.evaluate(() => window.__bench.events.filter(([n]) => n === "click" || n === "pointerup"));
    m.clickPaint = ev.length ? Math.max(...ev.map(([, d]) => d)) : 0; // 0: under 16 ms
  }
  await context.close();
  return m;
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--enable-precise-memory-info"],
});
const app = await startServer({ root: DIST, brotli: true });
const base = await startServer({ root: staticBaseline(), brotli: true });
const profiles = {
  fast: null,
  slow: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};
const result = { runs: RUNS, cpuThrottle: 4 };
for (const [profile, network] of Object.entries(profiles)) {
  const runs = { app: [], static: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.app.push(await measure(browser, app.url, network, true));
    runs.static.push(await measure(browser, base.url, network, false));
  }
  const pick = (who, k) => median(runs[who].map((r) => r[k]));
  const rows = ["requests", "bytes", "fcp", "namesAt", "lcp", "tbt", "heap", "wasmMemory", "clickPaint"];
  const table = {};
  for (const k of rows) {
    const a = pick("app", k);
    const s = pick("static", k);
    table[k] = { app: a, static: s, ratio: a !== null && s ? +(a / s).toFixed(2) : null };
  }
  table.byType = runs.app[0].byType;
  result[profile] = table;
  console.log(`\n${profile} network, median of ${RUNS} (CPU 4x, cache disabled, fresh profiles, brotli)`);
  console.log("metric".padEnd(14), "app".padStart(12), "static".padStart(12), "ratio".padStart(8));
  for (const k of rows) {
    const r = table[k];
    const f = (v) => (v === null ? "-" : Number.isInteger(v) ? String(v) : v.toFixed(1));
    console.log(k.padEnd(14), f(r.app).padStart(12), f(r.static).padStart(12), (r.ratio === null ? "-" : r.ratio + "x").padStart(8));
  }
  console.log("app bytes by type:", Object.entries(table.byType).map(([t, v]) => `${t} ${v.transferred}`).join(", "));
}
const wasm = fs.readdirSync(DIST).find((f) => f.endsWith(".wasm"));
result.wasmBytes = fs.statSync(path.join(DIST, wasm)).size;
console.log(`\nwasm: ${result.wasmBytes} bytes raw`);
console.log("JSON " + JSON.stringify(result));
await app.close();
await base.close();
await browser.close();

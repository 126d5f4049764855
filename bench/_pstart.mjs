import path from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../tests/server.mjs";
const app = await startServer({ root: process.env.DIST, brotli: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const context = await browser.newContext();
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Network.enable");
await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
await cdp.send("Profiler.enable"); await cdp.send("Profiler.setSamplingInterval", { interval: 200 }); await cdp.send("Profiler.start");
await page.goto(app.url + (process.argv[2] || ""));
await page.waitForSelector("html[data-ready]");
await page.waitForTimeout(5000);
const { profile } = await cdp.send("Profiler.stop");
const dt = {};
profile.samples.forEach((id, k) => { dt[id] = (dt[id] || 0) + (profile.timeDeltas[k + 1] || 0); });
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const name = (n) => n.callFrame.functionName || "(anon " + n.callFrame.url.split("/").pop() + ")";
const self = {}, total = {};
for (const n of profile.nodes) {
  const t = (dt[n.id] || 0) / 1000;
  if (!t) continue;
  self[name(n)] = (self[name(n)] || 0) + t;
  const seen = new Set();
  for (let id = n.id; id; id = parent.get(id)) { const nm = name(byId.get(id)); if (!seen.has(nm)) { seen.add(nm); total[nm] = (total[nm] || 0) + t; } }
}
const show = (o, k) => Object.entries(o).filter(([k]) => !/^\((idle|program|root|garbage)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, k).map(([k, v]) => `${v.toFixed(1).padStart(7)} ${k.slice(0, 140)}`).join("\n");
console.log("SELF\n" + show(self, 30));
console.log("TOTAL\n" + show(total, 60));
await browser.close(); process.exit(0);

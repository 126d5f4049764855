// A tiny test harness for the end-to-end suite: register tests, each runs in a fresh browser
// context with guards that fail it on any console error, page error, failed request, or request to
// a host other than 127.0.0.1.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// REPERES_DIST: test a build written elsewhere (as scripts/build.sh can write one).
export const DIST = process.env.REPERES_DIST ? path.resolve(process.env.REPERES_DIST) : path.join(ROOT, "dist");
export const ARTIFACTS = path.join(ROOT, "tests/artifacts");
/** The app is served under a sub-path (the test command's second pass sets REPERES_PREFIX to
 * `/formation/reperes/`; its first pass sets it to `/`, the root, which is no sub-path). */
export const SUB_PATH = (process.env.REPERES_PREFIX || "/") !== "/";
export const tests = [];

/** Registers a test. opts.allowFailedRequests: for offline tests; opts.viewport. */
export function test(name, fn, opts = {}) {
  tests.push({ name, fn, opts });
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function assertEqual(actual, expected, message) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Every route that has a prerendered page, as a path relative to the root ("" for home). */
export function routes() {
  const out = [];
  const walk = (dir, rel) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && e.name !== "icons") walk(path.join(dir, e.name), rel + e.name + "/");
      else if (e.name === "index.html") out.push(rel);
    }
  };
  walk(DIST, "");
  return out.sort();
}

const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/** The rules whose result can change with the theme alone (the same page in other colours). */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** Runs axe-core's WCAG 2.2 AA rules on the page (the context needs `bypassCSP` for its script)
 * and returns one line per violation. `{ colours: true }` runs only the rules that colours can
 * change: enough for the same page read again in the other theme. */
export async function axe(page, { colours = false } = {}) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (runOnly) => {
    const r = await window.axe.run(document, { runOnly });
    return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} (${n.failureSummary.replace(/\s+/g, " ")})`).join(" | ")}`);
  }, colours ? { type: "rule", values: COLOUR_RULES } : { type: "tag", values: WCAG });
}

/** Emulates a system theme and waits for the page's colour transitions to end. */
export async function theme(page, colorScheme) {
  await page.emulateMedia({ colorScheme });
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))));
}

export const PHASE_NAMES = ["SoLoMo", "BlolMeXR", "CloDaML"];

/** Opens a page of the app and waits until the live app has replaced the prerendered one. */
export async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector("html[data-ready]", { timeout: 20000 });
}

/** Holds the wasm download back, so that a test can act on the prerendered page first; returns
 * the function that lets it through. */
export async function holdWasm(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Waits until the service worker of the page's scope is activated: from then on, every
 * navigation is served by it, online or not ("after one visit"). The page itself may stay
 * uncontrolled: a page that loaded while the worker was activating can miss its clients.claim()
 * (seen under load: "active activated, controller false" for good), and only its next navigation
 * is controlled, as for a learner. Fails after 30 s with the registration's state (a failed
 * install never gets there) instead of hanging. */
export async function workerActivated(page) {
  const state = await page.evaluate(async () => {
    const activated = (async () => {
      const w = (await navigator.serviceWorker.ready).active;
      if (w.state !== "activated") await new Promise((r) => w.addEventListener("statechange", () => w.state === "activated" && r()));
      return "ok";
    })();
    const late = new Promise((r) => setTimeout(r, 30000)).then(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const w = (x) => (x ? x.state : "none");
      return reg ? `installing ${w(reg.installing)}, waiting ${w(reg.waiting)}, active ${w(reg.active)}, controller ${!!navigator.serviceWorker.controller}` : "no registration";
    });
    return Promise.race([activated, late]);
  });
  if (state !== "ok") throw new Error(`the service worker was not activated within 30 s: ${state}`);
}

/** Installs the guards on a page; returns the list they fill. */
export function guard(page, { allowFailedRequests = false } = {}) {
  const problems = [];
  page.on("console", (m) => {
    // The browser's own "Failed to load resource" lines are failed requests, allowed or not below.
    if (allowFailedRequests && /^Failed to load resource/.test(m.text())) return;
    if (m.type() === "error" || (m.type() === "warning" && !/DevTools|Violation|preload/.test(m.text()))) {
      problems.push(`console ${m.type()}: ${m.text()}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["data:", "blob:"].includes(u.protocol) && u.hostname !== "127.0.0.1") problems.push(`request to another host: ${r.url()}`);
  });
  if (!allowFailedRequests) {
    page.on("requestfailed", (r) => {
      // Downloads triggered by the export button are cancelled by the headless browser, and the
      // browser drops the page's icon (which it loads after the page) when a test reloads or
      // navigates at that moment.
      // So are a screen's chunks and a text table still on their way when the test navigates
      // or reloads (the page that asked for them is gone).
      const dropped = r.failure()?.errorText === "net::ERR_ABORTED" && /\/icons\/icon\.svg$|\.wasm$|\/text-(fr|en)-\d+-[0-9a-f]+\.txt$/.test(r.url());
      if (!r.url().startsWith("blob:") && !dropped) problems.push(`failed request: ${r.url()} ${r.failure()?.errorText}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400 && !r.url().endsWith("/not-a-page/")) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
  }
  return problems;
}

/** The page's horizontal overflow in CSS pixels (0 when nothing scrolls sideways). */
export async function overflowX(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

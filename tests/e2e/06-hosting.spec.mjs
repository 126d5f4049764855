import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import crypto from "node:crypto";
import { startServer } from "../server.mjs";
import { test, assert, assertEqual, open, routes, workerActivated, DIST, PHASE_NAMES, SUB_PATH } from "./harness.mjs";


/** The file the worker downloads for `page`: its offline twin, without the text the page carries
 * (`write_page` in src/prerender.rs). */
const twin = (page) => page.replace(/\.html$/, ".offline.html");

/** A copy of the build with one page changed by `edit` (text → text), in both forms (as served,
 * and the twin the worker stores in its place), the twin's hash in the precache list updated,
 * and, if `version` is given, a new worker version. Returns the folder. */
function copyBuild({ page, edit, version } = {}) {
  const b = fs.mkdtempSync(path.join(os.tmpdir(), "reperes-b-"));
  fs.cpSync(DIST, b, { recursive: true });
  let sw = fs.readFileSync(path.join(b, "sw.js"), "utf8");
  if (version) sw = sw.replace(/const VERSION = "([0-9a-f]+)"/, `const VERSION = "$1${version}"`);
  if (page) {
    for (const f of [page, twin(page)]) fs.writeFileSync(path.join(b, f), edit(fs.readFileSync(path.join(b, f), "utf8")));
    const sri = "sha256-" + crypto.createHash("sha256").update(fs.readFileSync(path.join(b, twin(page)))).digest("base64");
    const entry = new RegExp(`\\["${page.replace(/[./]/g, "\\$&")}","sha256-[A-Za-z0-9+/]{43}=","${twin(page).replace(/[./]/g, "\\$&")}"\\]`);
    assert(entry.test(sw), `${page} is in the precache list, as its twin with the twin's SHA-256`);
    sw = sw.replace(entry, `["${page}","${sri}","${twin(page)}"]`);
  }
  fs.writeFileSync(path.join(b, "sw.js"), sw);
  return b;
}

/** Build B: a new worker version and, if given, one page changed. */
const buildB = (changedPage) => copyBuild({ version: "b", page: changedPage, edit: (t) => t + "<!-- build B -->" });

// This one serves the app at the root itself: the sub-path pass skips it (its own offline test
// below covers the sub-path).
if (!SUB_PATH) test("after one visit every route works offline, in both languages, even never opened before", async ({ browser }) => {
  const server = await startServer({ root: DIST });
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page, server.url);
  await workerActivated(page);
  await server.close(); // the server is gone…
  await context.setOffline(true); // …and the browser is offline
  for (const lang of ["fr", "en"]) {
    for (const r of routes()) {
      await page.goto(`${server.url}${r}?lang=${lang}`);
      await page.waitForSelector("html[data-ready]", { timeout: 10000 });
      assertEqual(await page.getAttribute("html", "lang"), lang, `/${r} offline`);
      assert((await page.textContent("main h1")).trim().length > 0, `/${r} offline heading`);
    }
  }
  // A deep link without its trailing slash, and the language switch, offline.
  await page.goto(`${server.url}phases/solomo`);
  await page.waitForSelector("html[data-ready]");
  assert((await page.textContent(".phase-details")).includes("SoLoMo"), "deep link offline");
  await page.getByRole("button", { name: "English" }).click();
  await page.locator("html[lang=en]").waitFor({ state: "attached", timeout: 10000 }).catch(() => {});
  assertEqual(await page.getAttribute("html", "lang"), "en", "switch offline");
  // From the home page to a screen drawn with the screens' style sheet, in the app: the worker
  // serves the sheet the chunk loader adds.
  await page.goto(server.url);
  await page.waitForSelector("html[data-ready]");
  await page.locator('main a[data-to="quiz"]').first().click();
  await page.locator(".choice").first().waitFor({ timeout: 10000 });
  assertEqual(await page.locator(".choice").first().evaluate((e) => getComputedStyle(e).display), "flex", "the quiz styled, offline");
  await context.close();
}, { allowFailedRequests: true });

test("the same build works under a sub-path, deep links reload, and offline there too", async ({ browser }) => {
  for (const fallback of ["index", "404"]) {
    const server = await startServer({ root: DIST, prefix: "/formation/reperes/", fallback });
    const context = await browser.newContext();
    const page = await context.newPage();
    const bad = [];
    page.on("response", (r) => r.status() >= 400 && bad.push(r.url()));
    await open(page, server.url);
    await page.locator("main .phase-cards a", { hasText: "CloDaML" }).click();
    await page.waitForURL(/\/formation\/reperes\/phases\/clodaml\/$/);
    await page.reload();
    await page.waitForSelector("html[data-ready]");
    assert((await page.textContent(".phase-details h2")).includes("CloDaML"), "deep link reload under sub-path");
    await open(page, server.url + "quiz/");
    assert((await page.getAttribute("link[rel=manifest]", "href")) === "manifest.webmanifest", "relative manifest");
    assertEqual(bad, [], `${fallback}: failed requests under the sub-path`);
    await workerActivated(page);
    await server.close();
    await context.setOffline(true);
    await page.goto(server.url + "usages/");
    await page.waitForSelector("html[data-ready]");
    assert((await page.textContent("main h1")).length > 3, "offline under sub-path");
    await context.close();
  }
}, { allowFailedRequests: true });

test("an unknown URL under a sub-path, after the first visit, shows the styled not-found screen", async ({ browser }) => {
  // The host answers unknown paths with the app's 404.html, built for the host's root.
  const server = await startServer({ root: DIST, prefix: "/formation/reperes/", fallback: "404" });
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page, server.url);
  await workerActivated(page);
  for (const offline of [false, true]) {
    await context.setOffline(offline);
    await page.goto(server.url + "no/such/page");
    await page.waitForSelector("html[data-ready]", { timeout: 10000 });
    assertEqual(await page.getAttribute("base", "href"), "/formation/reperes/", `base (offline: ${offline})`);
    assert(/introuvable/i.test(await page.textContent("main h1")), `not-found heading (offline: ${offline})`);
    // Styled: the stylesheet loaded (the skip link is moved off screen by our CSS).
    const skip = await page.evaluate(() => document.querySelector(".skip-link").getBoundingClientRect().top);
    assert(skip < 0, `stylesheet applied (offline: ${offline})`);
    await page.getByRole("link", { name: "Repères", exact: true }).click();
    await page.waitForURL(server.url);
    await page.locator("main", { hasText: "SoLoMo" }).waitFor({ timeout: 10000 }).catch(() => {});
    assert((await page.textContent("main")).includes("SoLoMo"), `home reached from the not-found screen (offline: ${offline})`);
    // On to a screen drawn with the screens' style sheet: added under the page's base, the
    // host's path, not the unknown URL's.
    await page.locator('main a[data-to="quiz"]').first().click();
    await page.locator(".choice").first().waitFor({ timeout: 10000 });
    assertEqual(await page.locator(".choice").first().evaluate((e) => getComputedStyle(e).display), "flex", `the quiz styled (offline: ${offline})`);
    const sheet = await page.evaluate(() => [...document.querySelectorAll("link[rel=stylesheet]")].map((l) => new URL(l.href).pathname).find((p) => p.includes("screens-")));
    assert(sheet && sheet.startsWith("/formation/reperes/screens-"), `the sheet under the app's path: ${sheet}`);
  }
  await server.close();
  await context.close();
}, { allowFailedRequests: true });

test("on a host that answers unknown paths with the home page, a mistyped address shows the not-found screen after the first visit", async ({ browser }) => {
  const server = await startServer({ root: DIST, prefix: "/formation/reperes/", fallback: "index" });
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page, server.url);
  await workerActivated(page);
  for (const wrong of ["usage/", "USAGES/", "phases/nope/", "usages/extra/deep/"]) {
    await page.goto(server.url + wrong);
    await page.waitForSelector("html[data-ready]", { timeout: 10000 });
    assert(/introuvable/i.test(await page.textContent("main h1")), `not-found heading for ${wrong}`);
    const skip = await page.evaluate(() => document.querySelector(".skip-link").getBoundingClientRect().top);
    assert(skip < 0, `stylesheet applied for ${wrong}`);
  }
  await server.close();
  await context.close();
}, { allowFailedRequests: true });

test("built for its sub-path (REPERES_HOST_PATH), the not-found page works on a first visit", async ({ browser }) => {
  // What `REPERES_HOST_PATH=/formation/reperes/ ./scripts/build.sh` changes: 404.html's base
  // (the prerender's unit test checks that it writes it).
  const dir = copyBuild({ page: "404.html", edit: (t) => t.replace('<base href="/">', '<base href="/formation/reperes/">') });
  const server = await startServer({ root: dir, prefix: "/formation/reperes/", fallback: "404" });
  const context = await browser.newContext({ serviceWorkers: "block" }); // a first visit
  const page = await context.newPage();
  const failed = [];
  page.on("response", (r) => r.status() >= 400 && !new URL(r.url()).pathname.endsWith("/no/such/page") && failed.push(r.url()));
  await page.goto(server.url + "no/such/page?lang=en");
  await page.waitForSelector("html[data-ready]", { timeout: 10000 });
  assertEqual(failed, [], "every file of the page found");
  assert(/not found/i.test(await page.textContent("main h1")), "the not-found screen, in the language asked");
  const skip = await page.evaluate(() => document.querySelector(".skip-link").getBoundingClientRect().top);
  assert(skip < 0, "stylesheet applied");
  await page.getByRole("link", { name: "Repères", exact: true }).click();
  await page.waitForURL(/\/formation\/reperes\/(\?lang=en)?$/);
  await page.locator("main", { hasText: "SoLoMo" }).waitFor({ timeout: 10000 }).catch(() => {});
  assert((await page.textContent("main")).includes("SoLoMo"), "home reached");
  await server.close();
  await context.close();
  fs.rmSync(dir, { recursive: true });
}, { allowFailedRequests: true });

test("a strict CSP sent as a header raises no violation", async ({ browser }) => {
  const server = await startServer({ root: DIST, csp: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = [];
  page.on("console", (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error("CSP violation " + e.violatedDirective)));
  for (const r of ["", "phases/solomo/", "usages/", "progress/", "chronology/"]) {
    await open(page, server.url + r);
  }
  assertEqual(violations, [], "CSP violations");
  const header = (await page.goto(server.url)).headers()["content-security-policy"];
  assert(header.includes("script-src 'self' 'wasm-unsafe-eval'") && !/'unsafe-eval'|'unsafe-inline'/.test(header), "strict header");
  await server.close();
  await context.close();
});

test("a new version shows a notice, switches only when accepted, and keeps progress", async ({ browser }) => {
  const a = DIST;
  const b = buildB(); // a new worker version: a new worker
  const server = await startServer({ root: a });
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page, server.url + "usages/");
  await workerActivated(page);
  await page.locator(".checklist .item").first().getByLabel("En place").check();
  server.setRoot(b);
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  const notice = page.locator(".notice", { hasText: "nouvelle version" });
  await notice.waitFor({ timeout: 15000 });
  const before = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
  // Another tab, with a note being typed: accepting in the first tab must not reload it.
  const other = await context.newPage();
  await open(other, server.url + "principles/");
  await other.evaluate(() => (window.__sameDocument = true));
  await other.locator(".checklist .item textarea").first().click();
  await other.keyboard.type("en cours de frappe");
  await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Mettre à jour" }).click()]);
  await page.waitForSelector("html[data-ready]");
  await other.waitForTimeout(1500); // the switch reached every tab before the first one reloaded
  assert(await other.evaluate(() => window.__sameDocument === true), "the other tab was not reloaded");
  assertEqual(await other.locator(".checklist .item textarea").first().inputValue(), "en cours de frappe", "the other tab's note is intact");
  await other.close();
  const caches = await page.evaluate(async () => (await self.caches.keys()).filter((k) => k.startsWith("reperes-")));
  assertEqual(caches.length, 1, "old caches deleted");
  assert(caches[0].endsWith("b"), `new cache in use: ${caches[0]}`);
  assert(await page.locator(".checklist .item").first().getByLabel("En place").isChecked(), "progress survived");
  assert(before, "was controlled");
  await server.close();
  await context.close();
  fs.rmSync(b, { recursive: true });
});

test("the first visit downloads each hashed file once (wasm chunks, glue, text, CSS): the worker reuses them", async ({ browser }) => {
  const server = await startServer({ root: DIST, brotli: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page, server.url);
  await workerActivated(page);
  // Every file named by its content hash: the main wasm, its glue (the chunk loader inside), every
  // chunk (chunks.json), the boot script and the two style sheets (the base and the screens').
  const named = fs.readdirSync(DIST).filter((f) => /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|txt)$/.test(f));
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, "chunks.json"), "utf8"));
  const chunks = Object.keys(manifest.chunks).length + Object.keys(manifest.shared).length;
  const texts = fs.readdirSync(DIST).filter((f) => /^text-(fr|en)-\d+-[0-9a-f]+\.txt$/.test(f)).length;
  assert(texts >= 6, `text packs in dist: ${texts}`);
  const bundles = Object.values(manifest.first).map((c) => c.file);
  assertEqual(named.length, chunks + bundles.length + texts + 5, `main wasm, glue, boot, 2 style sheets, ${texts} text packs, ${chunks} chunks and ${bundles.length} first-load bundles: ${named.join(" ")}`);
  const hashed = server.state.requests.filter((p) => /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|txt)$/.test(p));
  // The first-load bundles are not precached: only the home page's own is asked for, by the page.
  const wanted = named.filter((f) => !bundles.includes(f) || f === manifest.first.home.file);
  assertEqual(hashed.sort().join(" "), wanted.map((f) => "/" + f).sort().join(" "), "each hashed file requested once");
  const total = server.state.sent.reduce((a, [, n]) => a + n, 0);
  console.log(`     first visit with the offline copy: ${server.state.sent.length} responses, ${total} bytes (brotli)`);
  await server.close();
  await context.close();
});

test("a repeat visit downloads nothing, and an update only the files that changed", async ({ browser }) => {
  const a = DIST;
  const b = buildB("about/index.html");

  const server = await startServer({ root: a });
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page, server.url);
  await workerActivated(page);
  server.state.requests.length = 0;
  for (const r of ["", "usages/", "phases/solomo/", "about/"]) {
    await page.goto(server.url + r);
    await page.waitForSelector("html[data-ready]");
  }
  const repeat = server.state.requests.filter((p) => !p.endsWith("/sw.js"));
  assertEqual(repeat.join(" "), "", "a repeat visit downloads nothing (the browser may only check sw.js)");

  server.setRoot(b);
  server.state.requests.length = 0;
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  await page.locator(".notice", { hasText: "nouvelle version" }).waitFor({ timeout: 15000 });
  const update = [...new Set(server.state.requests)].sort();
  assertEqual(update.join(" "), "/about/index.offline.html /sw.js", "the update downloads the changed page (its twin) and the worker only");
  await server.close();
  await context.close();
  fs.rmSync(b, { recursive: true });
});

test("a stale copy of a changed file is never stored: the update waits until the host serves the right one", async ({ browser }) => {
  const a = DIST;
  const b = buildB("about/index.html");
  const stored = twin("about/index.html");
  const fresh = fs.readFileSync(path.join(b, stored));
  // A cache between the host and the learner still serves build A's page under build B.
  fs.copyFileSync(path.join(a, stored), path.join(b, stored));

  const server = await startServer({ root: a });
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page, server.url);
  await workerActivated(page);
  server.setRoot(b);
  server.state.requests.length = 0;
  // What becomes of the next version's worker: "installed" (waiting), or thrown away ("none").
  // update() resolves once the new worker is installing (jobs run one at a time, so one the app
  // started itself is over by then); then wait for its install to end.
  const outcome = () =>
    page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg.update().catch(() => {});
      for (let i = 0; i < 300 && reg.installing; i++) await new Promise((r) => setTimeout(r, 50));
      return reg.installing ? "still installing" : reg.waiting ? "installed" : "none";
    });
  assertEqual(await outcome(), "none", "the new worker refuses the stale page");
  const about = server.state.requests.filter((p) => p === "/" + stored).length;
  assert(about >= 2, `asked twice, the second time past every cache: ${about}`);
  const kept = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("reperes-")));
  assertEqual(kept.length, 1, `the previous version stays in use: ${kept}`);

  // Offline, the previous version still answers every page.
  await context.setOffline(true);
  await page.goto(server.url + "about/");
  await page.waitForSelector("html[data-ready]");
  // The host's cache catches up before the learner is back online (the app's own update check,
  // started offline, may then run too: the browser merges it with the one below).
  fs.writeFileSync(path.join(b, stored), fresh);
  await context.setOffline(false);
  // The worker may still see the network as down for a moment: try again then.
  let next = "none";
  for (let i = 0; i < 5 && next === "none"; i++) {
    if (i) await page.waitForTimeout(500);
    next = await outcome();
  }
  assertEqual(next, "installed", "the next try installs it");
  await server.close();
  await context.close();
  fs.rmSync(b, { recursive: true });
});

test("without service workers the app still works online with no console error", async ({ browser }) => {
  const server = await startServer({ root: DIST });
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(() => { delete Navigator.prototype.serviceWorker; });
  await open(page, server.url);
  for (const n of PHASE_NAMES) assert((await page.textContent("main")).includes(n), n);
  assertEqual(errors, [], "console errors");
  await server.close();
  await context.close();
});

test("the manifest makes it installable: name, colours, start URL, icons that exist", async ({ page, base }) => {
  const m = JSON.parse(fs.readFileSync(path.join(DIST, "manifest.webmanifest"), "utf8"));
  assertEqual([m.name, m.start_url, m.display], ["Repères", "./", "standalone"], "manifest fields");
  for (const i of m.icons) assert(fs.existsSync(path.join(DIST, i.src)), `icon ${i.src}`);
  assert(m.icons.some((i) => i.sizes === "192x192") && m.icons.some((i) => i.sizes === "512x512"), "PNG sizes");
  const sw = fs.readFileSync(path.join(DIST, "sw.js"), "utf8");
  for (const f of ["index.html", "phases/solomo/index.html", "manifest.webmanifest"]) assert(sw.includes(`"${f}"`), `precache lists ${f}`);
  const wasm = fs.readdirSync(DIST).find((f) => f.endsWith(".wasm"));
  assert(sw.includes(`"${wasm}"`), "precache lists the wasm");
  await open(page, base);
});

test("the worker keeps each page without the text it carries for a first visit (that text it keeps once); offline, such a page goes live with it", async ({ page, base }) => {
  await open(page, base);
  await workerActivated(page);
  const stored = await page.evaluate(async () => {
    const cache = await caches.open((await caches.keys()).find((k) => k.startsWith("reperes-")));
    const text = async (f) => (await cache.match(new URL(f, document.baseURI).href))?.text();
    return { home: await text("index.html"), solomo: await text("phases/solomo/index.html"), pack: await text(document.querySelector("script[data-pack]").dataset.pack) };
  });
  assert(stored.pack && stored.pack.length > 1000, "pack 0 is kept once, as a file");
  for (const [name, html] of Object.entries({ home: stored.home, solomo: stored.solomo })) {
    assert(html && html.includes("data-early="), `${name}: the whole page is kept`);
    assert(!html.includes("data-pack="), `${name}: without the text it carries`);
  }
  await page.context().setOffline(true);
  await page.goto(base + "phases/solomo/");
  await page.waitForSelector("html[data-ready]", { timeout: 20000 });
  assert(await page.locator("#load-failed").isHidden(), "no failure notice");
  await page.locator("main", { hasText: "SoLoMo" }).waitFor();
  assertEqual((await page.locator("#menu-button").textContent()).trim(), "Menu", "the shell's text, from pack 0");
  await page.context().setOffline(false);
});

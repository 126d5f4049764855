import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { test, assert, assertEqual, holdWasm, routes, DIST, ROOT, PHASE_NAMES } from "./harness.mjs";

test("the prerendered HTML of every route contains its text", async () => {
  for (const r of routes()) {
    const html = fs.readFileSync(path.join(DIST, r, "index.html"), "utf8");
    assert(/<main[^>]*>[\s\S]*<h1[^>]*>[^<]{3,}/.test(html), `/${r}: no heading in the HTML`);
    const depth = r.split("/").filter(Boolean).length;
    assert(html.includes(`<base href="${depth ? "../".repeat(depth) : "./"}">`), `/${r}: base`);
    if (r === "" || r.startsWith("phases")) for (const n of PHASE_NAMES) assert(html.includes(n), `/${r} lacks ${n}`);
    assert(!/<script>(?!<\/script>)/.test(html) && !/<script type="module">/.test(html), `/${r}: inline script`);
  }
});

test("with JavaScript disabled, home and phases show the three phase names", async ({ browser, base }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const r of ["", "phases/"]) {
    await page.goto(base + r);
    const text = await page.textContent("main");
    for (const n of PHASE_NAMES) assert(text.includes(n), `/${r} without JS lacks ${n}`);
    assert(await page.locator("main h1").isVisible(), "heading visible");
  }
  await context.close();
});

test("the live app replaces the prerendered page in one step, built in four tasks", async ({ page, base }) => {
  // Every change to the body's children, as the page sees them: the prerendered root must be
  // swapped for the live one in the same mutation (never an empty page, never two apps).
  await page.addInitScript(() => {
    window.__swaps = [];
    new MutationObserver((records) => {
      for (const r of records)
        window.__swaps.push({
          added: [...r.addedNodes].filter((n) => n.id === "app").length,
          removed: [...r.removedNodes].filter((n) => n.id === "app").length,
        });
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(base + "usages/");
  await page.waitForSelector("html[data-ready]");
  assertEqual(await page.locator("#app").count(), 1, "one app root");
  const swaps = (await page.evaluate(() => window.__swaps)).filter((s) => s.added || s.removed);
  // The parser adds the prerendered root first; then one record both removes it and adds the live one.
  assertEqual(JSON.stringify(swaps.slice(-1)), JSON.stringify([{ added: 1, removed: 1 }]), `swaps: ${JSON.stringify(swaps)}`);
  const marks = await page.evaluate(() => performance.getEntriesByType("mark").map((m) => m.name).filter((n) => n.startsWith("reperes-")));
  assertEqual(marks.join(" "), "reperes-frame reperes-shell reperes-built reperes-live", "built in steps, in order");
  const again = await page.evaluate(() => document.querySelector("main h1").textContent);
  assert(again.length > 3, "content present");
});

test("what is checked or typed before the app is live is kept", async ({ page, base }) => {
  const release = await holdWasm(page);
  await page.goto(base + "usages/");
  const first = page.locator(".checklist .item").first();
  await first.getByLabel("En place").check();
  await first.locator("textarea").fill("Tapé avant le chargement.");
  await page.locator(".checklist .item").nth(2).getByLabel("En cours").check();
  release();
  await page.waitForSelector("html[data-ready]");
  assert(await page.locator(".checklist .item").first().getByLabel("En place").isChecked(), "first rating kept");
  assert(await page.locator(".checklist .item").nth(2).getByLabel("En cours").isChecked(), "third rating kept");
  assertEqual(await page.locator(".checklist .item textarea").first().inputValue(), "Tapé avant le chargement.", "note kept");
  const saved = await page.evaluate(() => localStorage.getItem("reperes"));
  assert(saved.includes("Tapé avant le chargement.") && /"ratings":\{[^}]*:2/.test(saved) && /"ratings":\{[^}]*:1/.test(saved), `saved: ${saved}`);
  // P before the app is live does nothing; once live, it opens presenter mode (tested elsewhere).
});

test("focus stays on the same control when the live app adds a notice above it", async ({ page, base }) => {
  await page.goto(base);
  await page.waitForSelector("html[data-ready]");
  await page.evaluate(() => localStorage.setItem("reperes", "{not json"));
  const release = await holdWasm(page);
  await page.goto(base + "usages/");
  const href = await page.evaluate(() => {
    const a = [...document.querySelectorAll("main a[href]")].at(-1);
    a.focus();
    return a.getAttribute("href");
  });
  release();
  await page.waitForSelector("html[data-ready]");
  // The notices' code and words come with the first notice: it shows a moment after the app is live.
  await page.locator(".notice").first().waitFor({ timeout: 10000 });
  assertEqual(await page.evaluate(() => document.activeElement.getAttribute("href")), href, "same link focused");
  assert(await page.evaluate(() => document.activeElement.closest("main") !== null), "focus still in main");
});

test("a menu opened before the app is live stays open, whole, with focus on the same link", async ({ page, base }) => {
  const release = await holdWasm(page);
  await page.goto(base + "usages/");
  await page.locator("#menu-button").click();
  const link = page.locator(".menu-frameworks a", { hasText: "Huit piliers" });
  await link.focus();
  const href = await link.getAttribute("href");
  const links = await page.locator(".menu-frameworks a").count();
  release();
  await page.waitForSelector("html[data-ready]");
  assert(await page.locator(".site-menu").evaluate((d) => d.open), "the live menu is open");
  assert(links >= 28, `the prerendered menu has every framework: ${links}`);
  assertEqual(await page.locator(".menu-frameworks a").count(), links, "the live menu has them all");
  assertEqual(await page.evaluate(() => document.activeElement.getAttribute("href")), href, "same link focused");
  assert(await page.evaluate(() => document.activeElement.closest(".menu-frameworks") !== null), "focus still in the menu");
  // Escape still closes it and gives focus back to the button (the live app's keys).
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.querySelector(".site-menu").open, null, { timeout: 3000 }).catch(() => {});
  assertEqual(await page.evaluate(() => document.activeElement.id), "menu-button", "focus back on the menu button");
});

test("if the app cannot be downloaded, the page stays readable and says so", async ({ page, base }) => {
  await page.route(/\.wasm$/, (route) => route.abort("connectionreset"));
  await page.goto(base + "usages/");
  const notice = page.locator("#load-failed");
  await notice.waitFor({ state: "visible", timeout: 10000 });
  assert(/n'a pas pu se charger/.test(await notice.textContent()), "the notice says what happened");
  assert(/could not load/.test(await notice.locator('p[lang="en"]').textContent()), "in English too, marked as such");
  assertEqual(await notice.getAttribute("role"), "alert", "announced");
  assert((await page.textContent("main h1")).trim().length > 3, "the content is still there");
  assert(await page.locator("main a[href]").first().isVisible(), "links still work");
  assertEqual(await page.locator("html[data-ready]").count(), 0, "no live app");
}, { allowFailedRequests: true });

test("the failure notice stays hidden when the app starts", async ({ page, base }) => {
  await page.goto(base + "usages/");
  await page.waitForSelector("html[data-ready]");
  assert(!(await page.locator("#load-failed").isVisible()), "hidden");
});

test("focus and scroll survive the switch from the prerendered page to the live app", async ({ page, base }) => {
  // Hold the wasm back so that the learner acts on the prerendered page first.
  const release = await holdWasm(page);
  await page.goto(base + "usages/");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
  await page.evaluate(() => window.scrollTo(0, 400));
  const before = await page.evaluate(() => document.activeElement.getAttribute("href"));
  assert(before, "a link has focus on the prerendered page");
  release();
  await page.waitForSelector("html[data-ready]");
  assertEqual(await page.evaluate(() => document.activeElement.getAttribute("href")), before, "focus kept");
  assertEqual(await page.evaluate(() => Math.round(window.scrollY)), 400, "scroll kept");
});

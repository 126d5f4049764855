import { test, assert, assertEqual, open, routes, PHASE_NAMES, SUB_PATH } from "./harness.mjs";

test("every route shows its screen in French and in English", async ({ page, base }) => {
  const all = routes();
  assert(all.length >= 30, `only ${all.length} routes`);
  // Each route is read once here, in French and English in turn (under a sub-path what changes is
  // which page answers, not the language); the phone walk in 10-shell reads every route in both
  // languages, with the same checks of language, heading and title.
  for (const lang of ["fr", "en"]) {
    for (const r of all.filter((_, i) => i % 2 === (lang === "fr" ? 0 : 1))) {
      await open(page, `${base}${r}?lang=${lang}`);
      assertEqual(await page.getAttribute("html", "lang"), lang, `lang of /${r}`);
      const h1 = (await page.textContent("main h1")).trim();
      assert(h1.length > 2, `/${r} (${lang}) has no heading`);
      const title = await page.title();
      assert(title.includes("Repères"), `/${r} title ${title}`);
      if (r.startsWith("phases") || r === "") {
        const text = await page.textContent("main");
        for (const n of PHASE_NAMES) assert(text.includes(n), `/${r} (${lang}) lacks ${n}`);
      }
    }
  }
});

// At the root only: which text a screen waits for does not depend on where the app lives (this
// walk of every route in fresh profiles takes about a minute).
if (!SUB_PATH) test("every route's live screen says what its prerendered page says, as soon as it is live", async ({ browser, base }) => {
  // The prerendered page holds every text (the prerender has all of them); the live app has only
  // what it fetched before going live. A text the screen needs but did not wait for would show
  // blank here. (French: the prerendered pages are French; English uses the same text files.)
  // Each route in a fresh profile, as the prerender sees it: no progress yet.
  const still = await browser.newContext({ javaScriptEnabled: false });
  const plain = await still.newPage();
  const words = (s) => s.replace(/\s+/g, " ").trim();
  try {
    for (const r of routes()) {
      await plain.goto(base + r);
      const before = words(await plain.innerText("main"));
      const fresh = await browser.newContext();
      const page = await fresh.newPage();
      await open(page, base + r + "?nosw");
      const live = words(await page.innerText("main"));
      await fresh.close();
      if (live !== before) {
        let i = 0;
        while (i < live.length && live[i] === before[i]) i++;
        throw new Error(`/${r}: the live screen differs from its prerendered page at character ${i}:\n  prerendered: …${before.slice(Math.max(0, i - 60), i + 80)}\n  live:        …${live.slice(Math.max(0, i - 60), i + 80)}`);
      }
    }
  } finally {
    await still.close();
  }
});

test("the language switch changes every string and is kept across reloads", async ({ page, base }) => {
  await open(page, base + "usages/");
  const frH1 = await page.textContent("main h1");
  await page.getByRole("button", { name: "English" }).click();
  // The English text is fetched on the first switch.
  await page.locator("html[lang=en]").waitFor({ state: "attached", timeout: 10000 }).catch(() => {});
  assertEqual(await page.getAttribute("html", "lang"), "en", "html lang");
  const enH1 = await page.textContent("main h1");
  assert(frH1 !== enH1, "heading did not change");
  assert(await page.getByRole("link", { name: "Sources" }).first().isVisible(), "footer in English");
  assert((await page.getByText("Pas commencé").count()) === 0, "French left on an English screen");
  assert((await page.getByText("Not started").count()) > 0, "English labels");
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  assertEqual(await page.getAttribute("html", "lang"), "en", "kept after reload");
  await page.getByRole("button", { name: "Français" }).click();
  // This page started in English: the French text is fetched on the way back.
  await page.locator("html[lang=fr]").waitFor({ state: "attached", timeout: 10000 }).catch(() => {});
  assertEqual(await page.textContent("main h1"), frH1, "back to French");
});

test("?lang=en opens in English and an unknown ?lang= falls back to French", async ({ page, base }) => {
  await open(page, base + "?lang=en");
  assertEqual(await page.getAttribute("html", "lang"), "en", "?lang=en");
  await open(page, base + "?lang=xx");
  assertEqual(await page.getAttribute("html", "lang"), "fr", "?lang=xx");
});

test("every framework screen links to its source, and the sources page lists five articles", async ({ page, base }) => {
  await open(page, base + "sources/");
  assertEqual(await page.locator(".source").count(), 5, "articles");
  for (const name of ["Olivier Bertin", "Eric Ochs", "No Pain.Marketing", "Pierre-Philippe Cormeraie"]) {
    assert((await page.textContent("main")).includes(name), `sources lack ${name}`);
  }
  await open(page, base + "pillars/");
  await page.locator(".source-line a").click();
  await page.waitForURL(/sources\/$/);
});

test("the menu reaches every framework from the home page", async ({ page, base }) => {
  await open(page, base);
  const links = await page.locator("main .article-group a").count();
  assert(links >= 25, `home lists ${links} frameworks`);
  await page.locator("main .article-group a", { hasText: "usage" }).first().click();
  await page.waitForURL(/usages\/$/);
  assert(await page.locator("main h1").isVisible(), "usages heading");
});

test("opened with ?lang=, the address keeps saying the language shown, and a reload keeps it", async ({ page, base }) => {
  await open(page, base + "phases/?lang=fr");
  await page.getByRole("button", { name: "English" }).click();
  // The English text is fetched on the first switch: the address follows once it is shown.
  await page.waitForURL(/phases\/\?lang=en$/, { timeout: 10000 }).catch(() => {});
  assert(page.url().endsWith("phases/?lang=en"), `address follows the switch: ${page.url()}`);
  const hrefs = await page.locator("header a[href], footer a[href]").evaluateAll((l) => l.map((a) => a.getAttribute("href")));
  assert(hrefs.length > 5 && hrefs.every((h) => h.endsWith("?lang=en")), `links follow too: ${hrefs.filter((h) => !h.endsWith("?lang=en")).join(" ")}`);
  await page.locator(".primary a", { hasText: "Quiz" }).click();
  assert(page.url().endsWith("quiz/?lang=en"), `links keep it: ${page.url()}`);
  await page.reload({ waitUntil: "load" });
  await page.waitForSelector("html[data-ready]");
  assertEqual(await page.getAttribute("html", "lang"), "en", "still English after a reload");
  await page.goBack({ waitUntil: "load" }); // another document: the page before the reload
  await page.waitForSelector("html[data-ready]");
  assert(page.url().endsWith("phases/?lang=en"), `back: ${page.url()}`);
  assertEqual(await page.getAttribute("html", "lang"), "en", "and after going back");
});

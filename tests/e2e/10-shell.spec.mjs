// The phone-first shell (issue 18): a one-row header with one menu, a home that says where the
// learner stands, plural forms, the radar, the aligned today line (its screenshots are taken in 05-a11y).
import { test, assert, assertEqual, open, routes, holdWasm, overflowX, axe, theme, ARTIFACTS } from "./harness.mjs";

const PHONE = { width: 390, height: 844 };

const headerHeight = (page) => page.evaluate(() => document.querySelector(".site-header").getBoundingClientRect().height);
const menuOpen = (page) => page.evaluate(() => document.querySelector(".site-menu").open);
const focused = (page) => page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim());
// A plural written in brackets: "(s)", "(es)", "(e)s" ("(e)" then s), in any case.
const BRACKETED = /\S*(?:\(e?s\)|\(e\)s)\S*/gi;

// In the page: "" when the focused element shows (its first box is on screen, and the point at
// that box's centre is the element itself, not something over it); otherwise what is wrong. The
// first box, not the bounding one: a link that wraps has its centre between its two lines.
function focusProblem() {
  const el = document.activeElement;
  if (!el || el === document.body) return "nothing focused";
  const what = el.outerHTML.slice(0, 80);
  const r = el.getClientRects()[0] || el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return `no box: ${what}`;
  if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) return `off screen: ${what}`;
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return top && (top === el || el.contains(top)) ? "" : `${what} is covered by ${top ? top.outerHTML.slice(0, 80) : "nothing"}`;
}

test("at 390 x 844 the header is one row and every screen's heading starts within 120 px, and no visible text reads '(s)' or '(e)s' (fresh), in both languages", async ({ page, base }) => {
  const far = [];
  const bracketed = [];
  for (const lang of ["fr", "en"]) {
    for (const r of routes()) {
      await open(page, `${base}${r}?lang=${lang}`);
      const h = await headerHeight(page);
      assert(h <= 64, `/${r} ${lang}: header ${h}px tall`);
      assertEqual(await page.getAttribute("html", "lang"), lang, `lang of /${r}`);
      assert((await page.textContent("main h1")).trim().length > 2, `/${r} (${lang}) has no heading`);
      assert((await page.title()).includes("Repères"), `/${r} (${lang}) title`);
      const top = await page.evaluate(() => document.querySelector("main h1").getBoundingClientRect().top);
      if (top > 120) far.push(`/${r} ${lang}: ${Math.round(top)}px`);
      // The same walk reads the screen and its menu, fresh, for plurals in brackets (the test
      // below reads them again with progress).
      await page.locator("#menu-button").click();
      const m = (await page.evaluate(() => document.body.innerText)).match(BRACKETED);
      if (m) bracketed.push(`/${r} ${lang} fresh: ${[...new Set(m)].join(", ")}`);
    }
  }
  assert(far.length === 0, `headings too far down:\n${far.join("\n")}`);
  assert(bracketed.length === 0, bracketed.slice(0, 10).join("\n"));
}, { viewport: PHONE });

test("at 1280 px the header is one row with the main screens, the settings and the menu, on a screen of its own and with every theme label, in both languages", async ({ page, base }) => {
  const bar = () => page.evaluate(() => {
    const bar = document.querySelector(".site-header .bar");
    const tops = [...bar.children].filter((e) => e.offsetParent).map((e) => e.getBoundingClientRect());
    return { height: document.querySelector(".site-header").getBoundingClientRect().height, over: bar.scrollWidth - bar.clientWidth, shown: tops.length };
  });
  // The theme button of the bar (the other button beside it is presenter mode).
  const themeLabel = () => page.evaluate(() => document.querySelector(".tools > button:not(#present-button)").textContent.trim());
  for (const lang of ["fr", "en"]) {
    // usages/ has no main link of its own; assessment/ has one, shown bold: the widest main links.
    for (const r of ["usages/", "assessment/"]) {
      await open(page, `${base}${r}?lang=${lang}`);
      if (r === "assessment/") {
        const weight = await page.evaluate(() => {
          const a = document.querySelector(".primary a[aria-current=page]");
          return a && a.offsetParent ? getComputedStyle(a).fontWeight : "not shown";
        });
        assertEqual(weight, "700", `${lang} /${r}: its own main link is shown bold`);
      }
      // Each theme label in turn (the longest is one of them), then back where it was.
      const labels = new Set();
      for (let i = 0; i < 3; i++) {
        const label = await themeLabel();
        labels.add(label);
        const m = await bar();
        assert(m.height <= 64, `${lang} /${r} "${label}": header ${m.height}px tall (wraps)`);
        assertEqual(m.over, 0, `${lang} /${r} "${label}": the bar overflows`);
        assertEqual(m.shown, 4, `${lang} /${r} "${label}": name, main screens, settings and menu`);
        await page.locator(".tools > button:not(#present-button)").click();
        await page.waitForFunction((before) => document.querySelector(".tools > button:not(#present-button)").textContent.trim() !== before, label);
      }
      assertEqual(labels.size, 3, `${lang} /${r}: the three theme labels were measured`);
    }
  }
  assert(await page.getByRole("button", { name: "English" }).first().isVisible(), "language in the bar");
  assert(await page.locator("#present-button").isVisible(), "presenter mode in the bar");
});

test("the menu: open, move with the arrows, choose, Escape, focus back on its button", async ({ page, base }) => {
  await open(page, base + "usages/");
  const button = page.locator("#menu-button");
  assert(await button.isVisible(), "the menu button is in the bar");
  assert(!(await page.locator(".primary").isVisible()), "no main links in the bar on a phone");
  await button.focus();
  await page.keyboard.press("Enter");
  assert(await menuOpen(page), "Enter opens the menu");
  assert(await page.locator(".menu-panel").isVisible(), "the panel shows");
  await page.keyboard.press("ArrowDown");
  assertEqual(await focused(page), "Accueil", "ArrowDown: first screen");
  await page.keyboard.press("ArrowDown");
  assertEqual(await focused(page), "Phases", "ArrowDown: next screen");
  await page.keyboard.press("ArrowUp");
  assertEqual(await focused(page), "Accueil", "ArrowUp: back");
  await page.keyboard.press("End");
  assert(await page.evaluate(() => document.activeElement === [...document.querySelectorAll(".menu-frameworks a")].at(-1)), "End: the last framework");
  await page.keyboard.press("ArrowDown");
  assertEqual(await focused(page), "menu-button", "ArrowDown wraps to the button");
  await page.keyboard.press("Home");
  assertEqual(await focused(page), "menu-button", "Home: the button");
  // Escape closes and gives focus back to the button.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.querySelector(".site-menu").open, null, { timeout: 3000 }).catch(() => {});
  assert(!(await menuOpen(page)), "Escape closes the menu");
  assertEqual(await focused(page), "menu-button", "focus back on the button");
  // Choose: a framework of another article, with the keyboard.
  await page.keyboard.press("Enter");
  const link = page.locator(".menu-frameworks a", { hasText: "Huit piliers" });
  await link.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/pillars\/$/);
  await page.waitForFunction(() => document.activeElement.matches("main h1"));
  assert(!(await menuOpen(page)), "a choice closes the menu");
  // The current screen's own link: closes, focus back on the button.
  await button.click();
  await page.locator(".menu-frameworks a", { hasText: "Huit piliers" }).click();
  assert(!(await menuOpen(page)), "closed");
  assertEqual(await focused(page), "menu-button", "focus back on the button after the current screen's link");
}, { viewport: PHONE });

test("every control of the old header is two taps away on a phone", async ({ page, base }) => {
  await open(page, base);
  await page.locator("#menu-button").click(); // tap 1
  const panel = page.locator(".menu-panel");
  for (const name of ["Phases", "Chronologie", "Autodiagnostic", "Quiz", "Progression", "Les trois phases côte à côte", "Sources", "À propos"]) {
    assert(await panel.getByRole("link", { name, exact: true }).isVisible(), `${name} in the menu`);
  }
  const frameworks = await panel.locator(".menu-frameworks a").count();
  assert(frameworks >= 28, `every framework, by article: ${frameworks}`);
  assertEqual(await panel.locator(".menu-family-title svg.icon").count(), 5, "each family has its icon");
  for (const name of ["Français", "English", "Mode présentation"]) assert(await panel.getByRole("button", { name }).isVisible(), `${name} in the menu`);
  await panel.getByRole("button", { name: /Thème/ }).click(); // tap 2
  assertEqual(await page.getAttribute("html", "data-theme"), "light", "the theme changed");
  await panel.getByRole("button", { name: "English" }).click();
  await page.locator("html[lang=en]").waitFor({ state: "attached", timeout: 10000 }).catch(() => {});
  assertEqual(await page.getAttribute("html", "lang"), "en", "the language changed");
  await panel.getByRole("button", { name: "Presenter mode" }).click();
  await page.locator(".presenter").waitFor();
  await page.keyboard.press("Escape");
  await page.locator(".presenter").waitFor({ state: "detached" });
}, { viewport: PHONE });

test("the menu closes when focus leaves it, leaving nothing under its panel, and on a click outside it", async ({ page, base }) => {
  for (const r of ["usages/", ""]) {
    await open(page, base + r);
    await page.locator("#menu-button").click();
    assert(await menuOpen(page), `/${r}: open`);
    // Tab past its last control: focus goes on to the page, and the panel is gone from over it.
    await page.locator(".menu-frameworks a").last().focus();
    await page.keyboard.press("Tab");
    await page.waitForFunction(() => !document.querySelector(".site-menu").open, null, { timeout: 3000 }).catch(() => {});
    assert(!(await menuOpen(page)), `/${r}: Tab past the last link closes the menu`);
    assert(await page.evaluate(() => !document.activeElement.closest(".site-menu")), `/${r}: focus went on, not back into the menu`);
    // A focus scroll may be smooth: give it time to end.
    for (let i = 0; i < 30 && (await page.evaluate(focusProblem)) !== ""; i++) await page.waitForTimeout(100);
    assertEqual(await page.evaluate(focusProblem), "", `/${r}: the focused element is visible, not under the panel`);
  }
  // Shift+Tab from the button back to the bar closes it too.
  await page.locator("#menu-button").click();
  await page.locator("#menu-button").focus();
  await page.keyboard.press("Shift+Tab");
  await page.waitForFunction(() => !document.querySelector(".site-menu").open, null, { timeout: 3000 }).catch(() => {});
  assert(!(await menuOpen(page)), "Shift+Tab out of the menu closes it");
  // A click inside the panel, on no control, leaves it open; one outside closes it.
  await page.locator("#menu-button").click();
  assert(await menuOpen(page), "open again");
  await page.locator("#menu-screens").click();
  assert(await menuOpen(page), "a click inside the panel keeps it open");
  const gap = await page.evaluate(() => {
    const a = document.querySelector(".site-header .brand").getBoundingClientRect();
    const b = document.querySelector("#menu-button").getBoundingClientRect();
    return { x: (a.right + b.left) / 2, y: (b.top + b.bottom) / 2 };
  });
  const url = page.url();
  await page.mouse.click(gap.x, gap.y); // on the bar, between the name and the button
  await page.waitForFunction(() => !document.querySelector(".site-menu").open, null, { timeout: 3000 }).catch(() => {});
  assert(!(await menuOpen(page)), "a click outside closes the menu");
  assertEqual(page.url(), url, "and does nothing else");
  // Escape still closes it and gives focus back to the button.
  await page.locator("#menu-button").click();
  await page.locator(".menu-frameworks a").first().focus();
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.querySelector(".site-menu").open, null, { timeout: 3000 }).catch(() => {});
  assert(!(await menuOpen(page)), "Escape closes the menu");
  assertEqual(await focused(page), "menu-button", "focus back on the button");
}, { viewport: PHONE });

test("Escape pressed at once after the menu opens (before its toggle event) closes it", async ({ page, base }) => {
  await open(page, base);
  // In one task: the menu opens, a link inside takes focus, Escape. The element's toggle event,
  // which tells the app it is open, only comes a task later.
  await page.evaluate(() => {
    document.querySelector("#menu-button").click();
    const link = document.querySelector(".menu-frameworks a");
    link.focus();
    link.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
  });
  await page.waitForTimeout(200);
  assert(!(await menuOpen(page)), "Escape closes the menu");
  assertEqual(await focused(page), "menu-button", "focus back on the button");
}, { viewport: PHONE });

test("focus moved or a tap outside at once after the menu opens (before its toggle event) closes it", async ({ page, base }) => {
  await open(page, base);
  // In one task: the menu opens, a link inside takes focus, then a link of the page.
  await page.evaluate(() => {
    document.querySelector("#menu-button").click();
    document.querySelector(".menu-frameworks a").focus();
    document.querySelector("main a[href]").focus();
  });
  await page.waitForTimeout(200);
  assert(!(await menuOpen(page)), "focus gone to the page closes the menu");
  // In one task: the menu opens, a tap on the page's heading.
  await page.evaluate(() => {
    document.querySelector("#menu-button").click();
    document.querySelector("main h1").dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
  });
  await page.waitForTimeout(200);
  assert(!(await menuOpen(page)), "a tap outside closes the menu");
  // And it opens again at the next click.
  await page.locator("#menu-button").click();
  await page.waitForTimeout(200);
  assert(await menuOpen(page), "opens again");
}, { viewport: PHONE });

test("with a notice showing, the heading still starts within 120 px at 390 x 844, and the notice hides nothing for good", async ({ page, base }) => {
  // Blocked storage: the app says so in a notice, on every screen.
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  const far = [];
  for (const lang of ["fr", "en"]) {
    for (const r of ["", "usages/", "assessment/", "progress/"]) {
      await open(page, `${base}${r}?lang=${lang}`);
      await page.locator(".notices .notice").first().waitFor({ timeout: 10000 }).catch(() => assert(false, `/${r} ${lang}: the notice shows`));
      const m = await page.evaluate(() => {
        const h = document.querySelector("main h1").getBoundingClientRect();
        const n = document.querySelector(".notices").getBoundingClientRect();
        return { top: h.top, bottom: h.bottom, noticeTop: n.top, noticeBottom: n.bottom };
      });
      if (m.top > 120) far.push(`/${r} ${lang}: ${Math.round(m.top)}px`);
      assert(m.bottom <= m.noticeTop, `/${r} ${lang}: the notice covers the heading (${JSON.stringify(m)})`);
      assert(m.noticeBottom <= PHONE.height + 0.5, `/${r} ${lang}: the notice is on screen (${JSON.stringify(m)})`);
    }
  }
  assert(far.length === 0, `headings too far down with a notice:\n${far.join("\n")}`);
  // The page's end scrolls above the notice: the footer's last link shows.
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: "instant" }));
  const end = await page.evaluate(() => ({
    link: [...document.querySelectorAll(".site-footer a")].at(-1).getBoundingClientRect().bottom,
    notice: document.querySelector(".notices").getBoundingClientRect().top,
  }));
  assert(end.link <= end.notice, `the footer's last link is under the notice: ${JSON.stringify(end)}`);
  // Dismissed, it leaves neither itself nor its room behind.
  await page.locator(".notices .notice").first().getByRole("button", { name: "Dismiss" }).click();
  assertEqual(await page.locator(".notices .notice").count(), 0, "dismissed");
  assertEqual(await page.evaluate(() => getComputedStyle(document.querySelector(".app")).paddingBottom), "0px", "no room left below");
}, { viewport: PHONE });

test("the menu opens in the prerendered page, before the app is live", async ({ page, base }) => {
  const release = await holdWasm(page);
  await page.goto(base + "quiz/");
  assert((await headerHeight(page)) <= 64, "one row before the app too");
  await page.locator("#menu-button").click();
  assert(await page.locator(".menu-frameworks a", { hasText: "Huit piliers" }).isVisible(), "its links show");
  release();
  await page.waitForSelector("html[data-ready]");
}, { viewport: PHONE });

test("axe finds nothing with the menu open, on a phone and a desktop, in both themes", async ({ browser, base }) => {
  const found = [];
  for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
    const context = await browser.newContext({ bypassCSP: true, viewport });
    const page = await context.newPage();
    for (const r of ["", "usages/", "assessment/"]) {
      for (const lang of ["fr", "en"]) {
        await page.emulateMedia({ colorScheme: "light" });
        await open(page, `${base}${r}?lang=${lang}`);
        await page.locator("#menu-button").click();
        assert(await menuOpen(page), "open");
        // Every rule in the light theme, the rules that colours can change in the dark one.
        for (const colorScheme of ["light", "dark"]) {
          await theme(page, colorScheme);
          for (const v of await axe(page, { colours: colorScheme === "dark" })) found.push(`/${r} ${lang} ${viewport.width} ${colorScheme}: ${v}`);
        }
      }
    }
    await context.close();
  }
  assert(found.length === 0, `${found.length} violations:\n${found.slice(0, 20).join("\n")}`);
});

test("no visible text reads '(s)' or '(e)s', on any route, in either language, with progress (fresh: the walk above)", async ({ page, base }) => {
  // The pattern itself: it finds each way of writing a plural in brackets, and nothing else.
  for (const w of ["point(s)", "évalué(e)s", "évalué(es)", "vu(e)(s)", "Rated(S)", "(s)"]) assert(w.match(BRACKETED), `the pattern finds ${w}`);
  for (const w of ["points", "évalués", "(see)", "(e)", "(2017)", "(es-ES)"]) assert(!w.match(BRACKETED), `the pattern leaves ${w}`);
  const bad = [];
  const scan = async (state) => {
    for (const lang of ["fr", "en"]) {
      for (const r of routes()) {
        await open(page, `${base}${r}?lang=${lang}`);
        await page.locator("#menu-button").click();
        const text = await page.evaluate(() => document.body.innerText);
        const m = text.match(BRACKETED);
        if (m) bad.push(`/${r} ${lang} ${state}: ${[...new Set(m)].join(", ")}`);
      }
    }
  };
  // One point rated and one screen seen: the counts that read 1 (French also 0 elsewhere).
  await open(page, base + "usages/");
  await page.locator(".checklist .item").first().getByLabel("En place").check();
  await scan("one rated");
  assert(bad.length === 0, bad.slice(0, 10).join("\n"));
  await open(page, base + "usages/");
  assertEqual((await page.textContent(".checklist .count")).trim(), "1 point évalué sur 6", "singular");
  await open(page, base + "usages/?lang=en");
  assertEqual((await page.textContent(".checklist .count")).trim(), "1 point rated out of 6", "singular in English");
});

test("home: a first visit says where to start; then it offers to continue and shows each framework at a glance", async ({ page, base }) => {
  await open(page, base);
  const where = page.locator(".where");
  assert(/Première visite/.test(await where.textContent()), `first visit: ${await where.textContent()}`);
  assertEqual(await where.locator("a").count(), 0, "nothing to continue yet");
  // The three phases stay the lead: right after the short line.
  const order = await page.evaluate(() => [...document.querySelectorAll("main h2")].map((h) => h.id));
  assertEqual(order.slice(0, 2), ["home-where", "home-phases"], "the phases come next");
  await open(page, base + "usages/");
  await page.locator(".checklist .item").first().getByLabel("En place").check();
  await page.locator(".checklist .item").nth(1).getByLabel("En cours").check();
  await page.getByRole("link", { name: "Quiz", exact: true }).first().click(); // via the live app
  await page.waitForURL(/quiz\/$/);
  await page.locator("main h1", { hasText: "Quiz" }).waitFor(); // its screen loaded, then leave
  await open(page, base);
  const resume = page.locator(".where .resume-link");
  assertEqual((await resume.textContent()).trim(), "Quiz →", "continue where you left off");
  assert(/\/quiz\/$/.test(await resume.evaluate((a) => a.href)), "it leads to the quiz");
  assert(/1 cadre vu sur \d+ · 2 points évalués sur 28/.test(await where.textContent()), `counts: ${await where.textContent()}`);
  const usages = page.locator(".glances li", { hasText: "Six évolutions des usages" });
  assert(await usages.evaluate((li) => li.classList.contains("seen")), "usages marked seen");
  assertEqual((await usages.locator(".glance").textContent()).trim(), "vu · 2 points évalués sur 6", "usages at a glance");
  const pillars = page.locator(".glances li", { hasText: "Les huit piliers" });
  assertEqual((await pillars.locator(".glance").textContent()).trim(), "pas encore vu · 0 point évalué sur 8", "pillars at a glance");
  await resume.click();
  await page.waitForURL(/quiz\/$/);
});

test("self-assessment: a radar of the five checklists beside the bars, with its data table", async ({ page, base }) => {
  await open(page, base + "usages/");
  await page.locator(".checklist .item").first().getByLabel("En place").check();
  await page.locator(".checklist .item").nth(1).getByLabel("En place").check();
  await page.locator(".checklist .item").nth(2).getByLabel("En place").check();
  await open(page, base + "assessment/");
  const radar = page.locator("figure.radar");
  assert(await radar.locator("svg.radar-chart").isVisible(), "the radar shows");
  assertEqual(await radar.locator(".radar-label").count(), 5, "five axes, five labels");
  const rows = await radar.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, " ").trim()));
  assertEqual(rows.length, 5, "one row per checklist");
  assert(/^Usages 50\s%/.test(rows[0]) && rows[0].includes("3 points évalués sur 6"), `usages row: ${rows[0]}`);
  // The shape's first point (usages, straight up) is halfway from the centre to the edge.
  const [, y0] = (await radar.locator(".radar-shape").getAttribute("points")).split(" ")[0].split(",").map(Number);
  assert(Math.abs(y0 - (125 - 40)) < 0.2, `usages point at y=${y0}`);
  // Beside the bars on a desktop: same row.
  const side = await page.evaluate(() => {
    const a = document.querySelector(".assess-charts > figure:first-child").getBoundingClientRect();
    const b = document.querySelector("figure.radar").getBoundingClientRect();
    return b.left >= a.right - 1 && Math.abs(a.top - b.top) < 2;
  });
  assert(side, "the radar sits beside the bars");
  // The table is for screen readers on screen, and printed.
  const box = () => radar.locator(".radar-data").evaluate((d) => ({ pos: getComputedStyle(d).position, w: d.getBoundingClientRect().width }));
  const screen = await box();
  assert(screen.pos === "absolute" && screen.w <= 1, `not drawn twice on screen: ${JSON.stringify(screen)}`);
  await page.emulateMedia({ media: "print" });
  const paper = await box();
  assert(paper.pos === "static" && paper.w > 100, `printed: ${JSON.stringify(paper)}`);
  await page.emulateMedia({ media: "screen" });
  assertEqual(await overflowX(page), 0, "no sideways scroll");
});

test("the today tick and the today line share one x, to the pixel, at 1280 and 390 px", async ({ browser, base }) => {
  for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    for (const r of ["phases/", "chronology/"]) {
      await open(page, base + r);
      const xs = await page.evaluate(() => [...document.querySelectorAll(".timeline line.tl-today")].map((l) => l.getBoundingClientRect().x));
      assert(xs.length > 1, "a tick and lines");
      const spread = Math.max(...xs) - Math.min(...xs);
      assert(spread < 0.5, `/${r} at ${viewport.width}px: the tick and lines are ${spread.toFixed(2)}px apart`);
    }
    await context.close();
  }
});

import path from "node:path";
import { test, assert, assertEqual, open, routes, overflowX, axe, theme, ARTIFACTS } from "./harness.mjs";

test("axe finds no WCAG 2.2 AA violation on any route, in both languages and both themes", async ({ browser, base }) => {
  // axe is injected as a script: this context bypasses the page's CSP for that alone.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const found = [];
  // Each page is loaded once and read in both themes (the theme follows the system's at once):
  // every rule in the light theme, then again the rules that colours can change in the dark one.
  for (const lang of ["fr", "en"]) {
    for (const r of routes()) {
      await page.emulateMedia({ colorScheme: "light" });
      await open(page, `${base}${r}?lang=${lang}`);
      if (r === "phases/solomo/") await page.evaluate(() => (document.querySelector(".site-menu").open = true)); // the menu open too
      for (const t of ["light", "dark"]) {
        await theme(page, t);
        for (const v of await axe(page, { colours: t === "dark" })) found.push(`/${r} ${lang} ${t}: ${v}`);
      }
    }
  }
  await context.close();
  const kinds = [...new Set(found.map((f) => f.split(": ")[1] + ": " + f.split(": ")[2]))];
  assert(found.length === 0, `${found.length} violations:\n${kinds.slice(0, 25).join("\n")}`);
});

test("keyboard walk: every interactive element is reachable and shows a visible focus", async ({ page, base }) => {
  for (const r of ["", "phases/blolmexr/", "usages/", "quiz/", "progress/"]) {
    await open(page, base + r);
    const interactive = await page.evaluate(
      () => [...document.querySelectorAll("a[href], button, input, textarea, select, [tabindex='0']")].filter((e) => e.offsetParent !== null || e.id === "import-file").length,
    );
    const seen = new Set();
    let invisibleFocus = [];
    for (let i = 0; i < interactive + 5; i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const s = getComputedStyle(e);
        const label = e.id || e.getAttribute("href") || e.textContent.trim().slice(0, 30);
        const visible = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || e.id === "import-file";
        return { key: e.tagName + ":" + label + ":" + (e.name || "") + ":" + (e.value || ""), visible, label };
      });
      if (!info) continue;
      seen.add(info.key);
      if (!info.visible) invisibleFocus.push(info.label);
    }
    assert(invisibleFocus.length === 0, `/${r}: focus not visible on ${invisibleFocus.slice(0, 5).join(", ")}`);
    // Radio groups are one tab stop each, so fewer stops than elements is expected there.
    assert(seen.size >= Math.min(10, interactive / 3), `/${r}: only ${seen.size} of ${interactive} elements reached`);
  }
});

test("the skip link moves focus to the content", async ({ page, base }) => {
  await open(page, base + "usages/");
  await page.keyboard.press("Tab");
  assertEqual(await page.evaluate(() => document.activeElement.className), "skip-link", "skip link first");
  await page.keyboard.press("Enter");
  assertEqual(await page.evaluate(() => document.activeElement.tagName), "H1", "focus on the heading");
});

test("screens have a heading outline and a meaningful title", async ({ page, base }) => {
  const titles = new Set();
  for (const r of routes()) {
    await open(page, base + r);
    assertEqual(await page.locator("main h1").count(), 1, `/${r} has one h1`);
    const levels = await page.evaluate(() => [...document.querySelectorAll("main h1, main h2, main h3, main h4")].map((h) => Number(h.tagName[1])));
    for (let i = 1; i < levels.length; i++) assert(levels[i] <= levels[i - 1] + 1, `/${r}: heading jumps from h${levels[i - 1]} to h${levels[i]}`);
    titles.add(await page.title());
  }
  assertEqual(titles.size, routes().length, "every screen has its own title");
});

// tests/artifacts/screens/: every route, and home with the menu open, at 390 and 1280 in both
// themes. Each page is loaded once per width and shot in both themes.
test("screenshots at 1280x800 and 390x844 in both themes (menu closed, and open on home), no overflow at 390 or 320 px", async ({ browser, base }) => {
  const shot = (page, name) => page.screenshot({ path: path.join(ARTIFACTS, "screens", name) });
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await context.newPage();
    for (const r of routes()) {
      await page.emulateMedia({ colorScheme: "light" });
      await open(page, base + r);
      for (const t of ["light", "dark"]) {
        await theme(page, t);
        if (w === 390) assertEqual(await overflowX(page), 0, `/${r} overflows at ${w}px (${t})`);
        await shot(page, `${(r || "home").replace(/\//g, "_")}-${w}x${h}-${t}.png`);
      }
      if (w === 390) {
        // The smallest phone: the same page made narrower (the layout follows the width alone).
        await page.setViewportSize({ width: 320, height: 640 });
        assertEqual(await overflowX(page), 0, `/${r} overflows at 320px (dark)`);
        await page.setViewportSize({ width: w, height: h });
      }
    }
    await open(page, base);
    await page.locator("#menu-button").click();
    for (const t of ["light", "dark"]) {
      await theme(page, t);
      await shot(page, `menu-open-${w}x${h}-${t}.png`);
    }
    await context.close();
  }
});

test("touch targets are at least 24 px", async ({ page, base }) => {
  for (const r of ["", "usages/", "quiz/", "progress/"]) {
    await open(page, base + r);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("main button, header button, main input[type=radio], .level, .choice")]
        .filter((e) => e.offsetParent !== null)
        .map((e) => [e, e.getBoundingClientRect()])
        .filter(([, b]) => b.width < 24 || b.height < 24)
        .map(([e]) => e.outerHTML.slice(0, 60)),
    );
    assert(small.length === 0, `/${r}: small targets ${small.slice(0, 3).join(" ")}`);
  }
}, { viewport: { width: 390, height: 844 } });

test("the manual theme switch overrides the system and is kept", async ({ page, base }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await open(page, base);
  await page.getByRole("button", { name: /Thème/ }).click(); // auto -> light
  await page.getByRole("button", { name: /Thème/ }).click(); // light -> dark
  assertEqual(await page.getAttribute("html", "data-theme"), "dark", "dark");
  const said = await page.textContent("[role=status][aria-live]");
  assert(/^Thème\s:\ssombre$/.test(said), `the new theme is said: ${said}`);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assertEqual(bg, "rgb(18, 21, 27)", "dark background");
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  assertEqual(await page.getAttribute("html", "data-theme"), "dark", "kept");
});

test("presenter mode: big type, keys move, Escape leaves, keys ignored outside it", async ({ page, base }) => {
  await open(page, base + "usages/");
  await page.keyboard.press("ArrowRight"); // outside presenter mode: nothing happens
  assertEqual(await page.locator(".presenter").count(), 0, "not open");
  await page.getByRole("button", { name: "Mode présentation" }).click();
  const slide = page.locator(".presenter h2");
  const first = await slide.textContent();
  assert(first.includes("usages"), `starts at the current framework: ${first}`);
  // A slide is drawn in the next frame: waited for (up to 2 s), not read at once.
  const slideIs = (same) => page.waitForFunction(([t, same]) => (document.querySelector(".presenter h2").textContent === t) === same, [first, same], { timeout: 2000 }).then(() => true, () => false);
  await page.keyboard.press("PageDown");
  assert(await slideIs(false), "PageDown moves");
  await page.keyboard.press("ArrowLeft");
  assert(await slideIs(true), "ArrowLeft moves back");
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".presenter h2")).fontSize));
  assert(size >= 36, `large type: ${size}px`);
  await page.keyboard.press("Escape");
  await page.locator(".presenter").waitFor({ state: "detached" }); // "Escape leaves"
}, { viewport: { width: 1920, height: 1080 } });

test("presenter mode keeps focus inside while open and gives it back on leaving", async ({ page, base }) => {
  await open(page, base + "usages/");
  const button = page.getByRole("button", { name: "Mode présentation" });
  await button.click();
  await page.locator(".presenter").waitFor();
  for (const key of ["Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab"]) {
    await page.keyboard.press(key);
    const inside = await page.evaluate(() => !!document.activeElement.closest(".presenter"));
    assert(inside, `after ${key}, focus left the dialog: ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80))}`);
  }
  await page.getByRole("button", { name: "Quitter" }).click();
  await page.waitForFunction(() => document.activeElement.id === "present-button");
  await page.keyboard.press("Enter");
  await page.locator(".presenter").waitFor();
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.activeElement.id === "present-button");
});

test("presenter mode reopened at once stays open: the last opening's late exit from full screen does not close it", async ({ page, base }) => {
  // Leaving full screen is asynchronous: the exit of the closed presentation can arrive after the
  // next one opened. Found in CI under load (the test above timed out waiting for the reopened
  // presenter). Here the reopening comes as soon as the presenter is gone, before that exit; a
  // round where the exit came first anyway does not test it and is tried again.
  await open(page, base + "usages/");
  let raced = 0;
  for (let round = 0; round < 5 && raced < 2; round++) {
    // Each round from a closed presenter and the page out of full screen (the last round's
    // reopening asked for full screen while the exit was still pending).
    if (await page.locator(".presenter").isVisible()) {
      await page.keyboard.press("Escape");
      await page.locator(".presenter").waitFor({ state: "detached" });
    }
    await page.waitForFunction(() => document.fullscreenElement === null);
    await page.locator("#present-button").click();
    await page.locator(".presenter").waitFor();
    const entered = await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 5000 }).then(() => true, () => false);
    assert(entered, "the presenter went full screen (this test needs it)");
    const seen = await page.evaluate(async () => {
      const seen = [];
      const log = () => seen.push(document.fullscreenElement ? "enter" : "exit");
      document.addEventListener("fullscreenchange", log);
      const closed = new Promise((r) => window.addEventListener("popstate", r, { once: true }));
      document.querySelector(".presenter").dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
      await closed;
      while (document.querySelector(".presenter")) await new Promise((r) => setTimeout(r, 0));
      seen.push("reopen");
      document.querySelector("#present-button").click();
      await new Promise((r) => setTimeout(r, 1000));
      document.removeEventListener("fullscreenchange", log);
      return seen;
    });
    if (seen.indexOf("reopen") < seen.indexOf("exit")) raced++;
    assert(await page.locator(".presenter").isVisible(), `round ${round + 1}: the reopened presenter is still open (events: ${seen})`);
  }
  assert(raced > 0, "in no round did the reopening come before the exit from full screen: nothing was tested");
  await page.keyboard.press("Escape");
  await page.locator(".presenter").waitFor({ state: "detached" });
});

test("the browser's Back leaves presenter mode, not the screen; a second Back leaves the screen", async ({ page, base }) => {
  await open(page, base + "usages/");
  await page.getByRole("link", { name: "Quiz", exact: true }).first().click();
  await page.waitForURL(/quiz\/$/);
  await page.getByRole("button", { name: "Mode présentation" }).click();
  await page.locator(".presenter").waitFor();
  await page.goBack();
  await page.locator(".presenter").waitFor({ state: "detached" });
  assert(/quiz\/$/.test(page.url()), `still on the quiz: ${page.url()}`);
  assertEqual(await page.locator("#app [inert]").count(), 0, "nothing left inert");
  await page.waitForFunction(() => document.activeElement.id === "present-button");
  await page.goBack();
  await page.waitForURL(/usages\/$/);
  await page.waitForFunction(() => document.activeElement.matches("main h1"));
});

test("presenter slides fit a 1280×720 projector, controls included, in both languages", async ({ page, base }) => {
  for (const lang of ["fr", "en"]) {
    await open(page, `${base}?lang=${lang}`);
    await page.locator("#present-button").click();
    await page.locator(".presenter").waitFor();
    await page.keyboard.press("Home");
    const count = Number((await page.textContent(".slide-count")).split("/")[1]);
    assert(count >= 20, `slides: ${count}`);
    for (let i = 1; i <= count; i++) {
      await page.waitForFunction((n) => document.querySelector(".slide-count").textContent.startsWith(n + " "), i);
      // The fit runs in a later frame (later still on a loaded machine): give it up to 3 s.
      await page.waitForFunction(() => {
        const s = document.querySelector(".slide");
        return s.scrollHeight - s.clientHeight <= 1;
      }, null, { timeout: 3000 }).catch(() => {});
      const m = await page.evaluate(() => {
        const s = document.querySelector(".slide");
        const bar = document.querySelector(".presenter-bar").getBoundingClientRect();
        return { over: s.scrollHeight - s.clientHeight, bar: bar.bottom, title: s.querySelector("h2").textContent, font: parseFloat(getComputedStyle(s.querySelector("h2")).fontSize) };
      });
      assert(m.over <= 1, `${lang} slide ${i} (${m.title}) overflows by ${m.over}px`);
      assert(m.bar <= 720, `${lang} slide ${i}: controls end at ${m.bar}px`);
      assert(m.font >= 20, `${lang} slide ${i}: title still large (${m.font}px)`);
      await page.keyboard.press("ArrowRight");
    }
    await page.keyboard.press("Escape");
  }
}, { viewport: { width: 1280, height: 720 } });

test("the presenter button is there at 200 % zoom (640 px wide), in the menu", async ({ page, base }) => {
  await open(page, base);
  await page.locator("#menu-button").click();
  const button = page.getByRole("button", { name: "Mode présentation" });
  assert(await button.isVisible(), "visible");
  // Opened from the menu, from the keyboard: focus comes back to that button on leaving.
  await button.focus();
  await page.keyboard.press("Enter");
  await page.locator(".presenter").waitFor();
  await page.waitForFunction(() => !!document.activeElement.closest(".presenter"));
  await page.keyboard.press("Escape");
  await page.locator(".presenter").waitFor({ state: "detached" });
  await page.waitForFunction(() => document.activeElement.id === "menu-present-button", null, { timeout: 5000 }).catch(() => {});
  assertEqual(await page.evaluate(() => document.activeElement.id), "menu-present-button", "focus back on the menu's presenter button");
  assert(await page.evaluate(() => document.querySelector(".site-menu").open), "the menu still open around it");
}, { viewport: { width: 640, height: 360 } });

test("the import button shows the focus ring when its file field has focus", async ({ page, base }) => {
  await open(page, base + "progress/");
  await page.getByRole("button", { name: "Exporter (JSON)" }).focus();
  await page.keyboard.press("Tab"); // keyboard focus, so :focus-visible applies
  assertEqual(await page.evaluate(() => document.activeElement.id), "import-file", "the field has focus");
  const ring = await page.evaluate(() => {
    const label = document.querySelector('label[for="import-file"]');
    const next = label.nextElementSibling;
    return { label: getComputedStyle(label).outlineStyle, next: next ? getComputedStyle(next).outlineStyle : "none" };
  });
  assertEqual(ring, { label: "solid", next: "none" }, "ring on the import button, not on its neighbour");
});

test("no single-key shortcut: P typed on a page does not open presenter mode (WCAG 2.1.4)", async ({ page, base }) => {
  await open(page, base + "usages/");
  await page.locator("main h1").click();
  await page.keyboard.press("p");
  await page.keyboard.press("P");
  await page.waitForTimeout(200);
  assertEqual(await page.locator(".presenter").count(), 0, "presenter stays closed");
});

test("the chronology keeps the row chosen with the keys in view", async ({ page, base }) => {
  for (const size of [{ width: 320, height: 640 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(size);
    await open(page, base + "chronology/");
    await page.locator("#event-timeline").focus();
    for (const key of ["ArrowDown", "ArrowDown", "ArrowDown", "ArrowDown", "End"]) {
      await page.keyboard.press(key);
      // Scrolling may be smooth: wait for it to end in view (to the pixel: rows have fractional edges).
      const seen = await page
        .waitForFunction(() => {
          const r = document.getElementById(document.activeElement.getAttribute("aria-activedescendant")).getBoundingClientRect();
          return r.top >= -1 && r.bottom <= innerHeight + 1;
        }, null, { timeout: 3000 })
        .catch(() => null);
      const r = await page.evaluate(() => document.getElementById(document.activeElement.getAttribute("aria-activedescendant")).getBoundingClientRect().toJSON());
      assert(seen, `${size.width}px, after ${key}: active row at ${Math.round(r.top)}–${Math.round(r.bottom)} in a ${size.height}px window`);
    }
  }
});

test("presenter at 400 % zoom: the arrows scroll a tall slide first; Space presses the focused button", async ({ page, base }) => {
  await page.setViewportSize({ width: 320, height: 256 });
  await open(page, base + "usages/");
  await page.locator("#menu-button").click(); // on a narrow screen, presenter mode is in the menu
  await page.locator("#menu-present-button").click();
  await page.locator(".presenter").waitFor();
  // The fit runs in the next frame and stops at 60 % here, still too tall.
  await page.waitForFunction(() => document.querySelector(".slide").style.fontSize === "60%");
  const count = () => page.textContent(".slide-count");
  const first = await count();
  const over = await page.evaluate(() => { const s = document.querySelector(".slide"); return s.scrollHeight - s.clientHeight; });
  assert(over > 0, `the slide is taller than the window here (${over}px)`);
  await page.keyboard.press("ArrowDown");
  assert((await page.evaluate(() => document.querySelector(".slide").scrollTop)) > 0, "ArrowDown scrolled the slide");
  assertEqual(await count(), first, "and stayed on it");
  await page.keyboard.press("PageDown");
  assert((await count()) !== first, "PageDown moves on");
  await page.waitForFunction(() => document.querySelector(".slide").scrollTop === 0); // the next slide starts at its top
  await page.getByRole("button", { name: "Précédent" }).focus();
  await page.keyboard.press(" ");
  assertEqual(await count(), first, "Space on 'Précédent' goes back");
  await page.getByRole("button", { name: "Quitter" }).focus();
  await page.keyboard.press(" ");
  await page.locator(".presenter").waitFor({ state: "detached" });
});

test("forced colours: the chosen language and the active timeline row stay distinct", async ({ page, base }) => {
  await page.emulateMedia({ forcedColors: "active", reducedMotion: "reduce" }); // no colour transitions
  await open(page, base + "phases/");
  const look = (sel) => page.evaluate((s) => { const c = getComputedStyle(document.querySelector(s)); return [c.borderTopWidth, c.borderTopColor, c.textDecorationLine].join(" "); }, sel);
  assert((await look("button[aria-pressed=true]")) !== (await look("button[aria-pressed=false]")), "language buttons differ");
  await page.locator("#phase-timeline, .timeline").first().focus();
  await page.keyboard.press("ArrowDown");
  assert((await look(".tl-row.active")) !== (await look(".tl-row:not(.active)")), "active row differs");
});

test("text spacing (WCAG 1.4.12) at 320 px: no sideways scroll on the framework screens", async ({ browser, base }) => {
  // The spacing is injected as a style element, which the app's own CSP refuses: bypass it here.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const route of ["iterative-innovation/", "ai-reconfigures/", "usages/"]) {
    await open(page, base + route);
    await page.addStyleTag({ content: "* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; } p { margin-bottom: 2em !important; }" });
    const over = await page.evaluate(() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth);
    assert(over <= 0, `${route}: ${over}px of sideways scroll`);
  }
  await context.close();
});

test("checklist fields name their item for screen readers, and each save is announced", async ({ page, base }) => {
  await open(page, base + "usages/");
  const first = page.locator(".checklist .item").first();
  const name = (await first.locator("h3").textContent()).trim();
  assert((await first.locator("legend").textContent()).includes(name), "the legend names the item");
  assert((await first.locator("label.note").textContent()).includes(name), "the note label names the item");
  const live = () => page.evaluate(() => document.querySelector("[role=status][aria-live]").textContent);
  await first.getByLabel("En cours").check();
  await page.waitForFunction(() => document.querySelector("[role=status][aria-live]").textContent.includes("Enregistré"));
  const once = await live();
  await first.getByLabel("En place").check();
  await page.waitForFunction((o) => document.querySelector("[role=status][aria-live]").textContent !== o, once, { timeout: 2000 }).catch(() => {});
  const twice = await live();
  assert(once.trim() === twice.trim() && once !== twice, `the second save changes the live region: ${JSON.stringify([once, twice])}`);
});

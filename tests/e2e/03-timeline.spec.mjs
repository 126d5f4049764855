import { test, assert, assertEqual, open, overflowX, PHASE_NAMES } from "./harness.mjs";

const active = (page) => page.getAttribute("#phase-timeline", "aria-activedescendant");
const focusedId = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

test("the phases timeline is one tab stop driven by the keyboard", async ({ page, base }) => {
  await open(page, base + "phases/");
  // Tab from the skip link until the timeline has focus.
  for (let i = 0; i < 40 && (await focusedId(page)) !== "phase-timeline"; i++) await page.keyboard.press("Tab");
  assertEqual(await focusedId(page), "phase-timeline", "timeline reachable by Tab");
  assertEqual(await active(page), "phase-solomo", "first phase active");
  await page.keyboard.press("ArrowDown");
  assertEqual(await active(page), "phase-blolmexr", "ArrowDown");
  await page.keyboard.press("End");
  assertEqual(await active(page), "phase-clodaml", "End");
  await page.keyboard.press("Home");
  assertEqual(await active(page), "phase-solomo", "Home");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.waitForURL(/phases\/blolmexr\/$/);
  const details = page.locator(".phase-details");
  assert(await details.isVisible(), "Enter opens details");
  assert((await details.textContent()).includes("BlolMeXR"), "details of BlolMeXR");
  assertEqual(await details.locator(".components li").count(), 3, "three components");
  assertEqual(await focusedId(page), "phase-timeline", "focus stays on the timeline");
  const announced = await page.textContent("[role=status].sr-only");
  assert(announced.includes("BlolMeXR"), `announced: ${announced}`);
  await page.keyboard.press("Escape");
  await page.waitForURL(/phases\/$/);
  assertEqual(await details.count(), 0, "Escape closes");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press(" ");
  await page.waitForURL(/phases\/clodaml\/$/);
  // Keys elsewhere do nothing to the timeline.
  await page.locator(".phase-list a").first().focus();
  await page.keyboard.press("ArrowUp");
  assertEqual(await active(page), "phase-clodaml", "arrow keys outside the timeline are ignored");
});

test("Tab leaves the timeline: no focus trap", async ({ page, base }) => {
  await open(page, base + "phases/");
  await page.focus("#phase-timeline");
  await page.keyboard.press("Tab");
  assert((await focusedId(page)) !== "phase-timeline", "Tab moves on");
  await page.keyboard.press("Shift+Tab");
  assertEqual(await focusedId(page), "phase-timeline", "Shift+Tab comes back");
  await page.keyboard.press("Shift+Tab");
  assert((await focusedId(page)) !== "phase-timeline", "Shift+Tab moves back out");
});

test("Enter shows the right components with the article's examples", async ({ page, base }) => {
  await open(page, base + "phases/");
  await page.focus("#phase-timeline");
  await page.keyboard.press("Enter");
  await page.waitForURL(/phases\/solomo\/$/);
  const text = await page.textContent(".phase-details");
  for (const ex of ["Facebook", "Uber", "iPhone"]) assert(text.includes(ex), `SoLoMo details lack ${ex}`);
});

test("a deep link selects its phase, and back and forward work", async ({ page, base }) => {
  await open(page, base + "phases/clodaml/");
  assertEqual(await active(page), "phase-clodaml", "deep link selects");
  assert((await page.textContent(".phase-details")).includes("CloDaML"), "details shown");
  await page.locator(".phase-list a", { hasText: "SoLoMo" }).click();
  await page.waitForURL(/phases\/solomo\/$/);
  await page.goBack();
  await page.waitForURL(/phases\/clodaml\/$/);
  assertEqual(await active(page), "phase-clodaml", "back selects the previous phase");
  assert((await page.textContent(".phase-details h2")).includes("CloDaML"), "back shows its details");
  await page.goForward();
  await page.waitForURL(/phases\/solomo\/$/);
  assert((await page.textContent(".phase-details h2")).includes("SoLoMo"), "forward");
});

test("approximate dates say so, and the compare view shows the three side by side", async ({ page, base }) => {
  await open(page, base + "phases/");
  const detail = await page.textContent("#phase-solomo .tl-detail");
  assert(/vers 2000/.test(detail), `SoLoMo period: ${detail}`);
  assert((await page.locator(".tl-today").count()) >= 3, "today marker");
  await page.getByRole("link", { name: /côte à côte/ }).first().click();
  await page.waitForURL(/phases\/compare\/$/);
  // The address changes at the click; the table comes with the screen's chunk.
  await page.locator(".compare-table thead th").first().waitFor();
  const heads = await page.locator(".compare-table thead th").allTextContents();
  assertEqual(heads, PHASE_NAMES, "compare columns");
});

test("the chronology places the dated facts and links each to its screen", async ({ page, base }) => {
  await open(page, base + "chronology/");
  const labels = await page.locator("#event-timeline .tl-detail").allTextContents();
  for (const y of ["2012", "2017", "2018", "2024"]) assert(labels.some((l) => l.includes(y)), `no ${y} on the chronology`);
  const years = labels.map((l) => Number(l.match(/\d{4}/)[0]));
  assertEqual([...years].sort((a, b) => a - b), years, "in date order");
  await page.focus("#event-timeline");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => !u.pathname.endsWith("/chronology/"));
});

test("no sideways scroll at 390 px on the timelines", async ({ page, base }) => {
  for (const r of ["phases/", "phases/blolmexr/", "chronology/", "phases/compare/"]) {
    await open(page, base + r);
    assertEqual(await overflowX(page), 0, `/${r} scrolls sideways`);
  }
}, { viewport: { width: 390, height: 844 } });

test("reduced motion turns transitions off", async ({ page, base }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await open(page, base + "phases/");
  const t = await page.evaluate(() => getComputedStyle(document.querySelector(".tl-row")).transitionDuration);
  assertEqual(t, "0s", "transition with reduced motion");
});

test("on a phone, opening a phase on the timeline brings its details into view", async ({ page, base }) => {
  await open(page, base + "phases/");
  await page.locator(".tl-row", { hasText: "BlolMeXR" }).click();
  await page.locator(".phase-details").waitFor();
  await page.waitForFunction(() => {
    const r = document.querySelector(".phase-details").getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight * 0.6;
  }, null, { timeout: 3000 });
}, { viewport: { width: 390, height: 844 } });

test("on a laptop, opening a phase from the keyboard keeps the timeline in view", async ({ page, base }) => {
  await open(page, base + "phases/");
  await page.locator(".timeline").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.locator(".phase-details").waitFor();
  await page.waitForTimeout(800); // any smooth scroll is over
  const m = await page.evaluate(() => ({
    timeline: document.querySelector(".timeline").getBoundingClientRect().bottom,
    details: document.querySelector(".phase-details").getBoundingClientRect().top,
    height: innerHeight,
  }));
  assert(m.timeline > 40, `the timeline (with focus) is still in view: its bottom at ${m.timeline}px`);
  assert(m.details < m.height - 40, `the details are in view: top at ${m.details}px of ${m.height}`);
}, { viewport: { width: 1280, height: 800 } });

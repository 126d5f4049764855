// Per-screen code splitting: each screen's code is its own wasm chunk (dist/chunks.json), fetched
// when the screen is first shown. A chunk that cannot be fetched never takes the app down.
import fs from "node:fs";
import path from "node:path";
import { test, assert, assertEqual, open, guard, workerActivated, DIST } from "./harness.mjs";

const manifest = () => JSON.parse(fs.readFileSync(path.join(DIST, "chunks.json"), "utf8"));
/** The requests a page makes for wasm, by file name. */
function wasmRequests(page) {
  const seen = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && seen.push(path.basename(new URL(r.url()).pathname)));
  return seen;
}
/** Drops the loader's own report of a failed fetch from the guard's list (it is expected here). */
function expectFetchErrors(problems) {
  for (let i = problems.length - 1; i >= 0; i--) {
    if (/Failed to fetch|NetworkError|Load failed|net::ERR_FAILED|Failed to load resource|style sheet \S+ did not load/.test(problems[i])) problems.splice(i, 1);
  }
}

/** The wasm files the page asked for before the live app was in place (Resource Timing). */
const wasmBeforeLive = (page) =>
  page.evaluate(() => {
    const live = performance.getEntriesByName("reperes-live")[0].startTime;
    return performance.getEntriesByType("resource").filter((r) => r.startTime < live && r.name.endsWith(".wasm")).map((r) => r.name.split("/").pop());
  });

test("a screen's code travels before it is live only for that screen, in one bundle; the others come in idle time", async ({ page, base }) => {
  const m = manifest();
  const seen = wasmRequests(page);
  await open(page, base);
  const before = await wasmBeforeLive(page);
  // The page's first screen: its bundle (its code and the shared chunks it needs, one file) and
  // the main module, nothing else.
  assertEqual(before.sort(), [m.main.wasm, m.first.home.file].sort(), "the wasm before the home screen is live");
  // Once live, the other screens' chunks are fetched in idle moments, so a click paints at once.
  await page.waitForFunction((f) => performance.getEntriesByType("resource").some((r) => r.name.endsWith(f)), m.chunks.quiz.file, { timeout: 15000 });
  await page.locator(".primary a", { hasText: "Quiz" }).first().click();
  await page.locator("main h1", { hasText: "Quiz" }).waitFor();
  assertEqual(seen.filter((f) => f === m.first.home.file).length, 1, "home's bundle fetched once");
  assertEqual(seen.filter((f) => f === m.chunks.home.file).length, 0, "home's chunk never: its bundle stands in for it");
  assertEqual(seen.filter((f) => f === m.chunks.quiz.file).length, 1, "the quiz's chunk fetched once");
  assertEqual(seen.filter((f) => f === m.first.quiz.file).length, 0, "the quiz's bundle is for its page alone");
});

test("after a page's bundle, every other screen's code comes in chunks, and the first screen keeps working with what the learner did", async ({ page, base, problems }) => {
  const m = manifest();
  const seen = wasmRequests(page);
  // A framework screen first (its bundle holds shared code that the groups bring again later),
  // an item checked, then screens whose groups hold part of that code, then back.
  await open(page, base + "usages/");
  assertEqual(seen.filter((f) => f === m.first.framework.file).length, 1, "the framework screens' bundle");
  const item = (n) => page.locator(".checklist .item").nth(n).getByLabel("En place");
  await item(0).check();
  const screens = [["Chronologie", "Chronologie", "chronology"], ["Autodiagnostic", "Autodiagnostic", "assessment"], ["Quiz", "Quiz", "quiz"], ["Progression", "progression", "progress"], ["Phases", "phases", "phases"]];
  for (const [link, heading] of screens) {
    await page.locator(".primary a", { hasText: link }).first().click();
    await page.locator("main h1", { hasText: heading }).waitFor({ timeout: 10000 });
  }
  for (const [, , name] of screens) assertEqual(seen.filter((f) => f === m.chunks[name].file).length, 1, `${name}'s chunk`);
  for (let i = 0; i < screens.length; i++) await page.goBack();
  await page.locator("main h1", { hasText: "usages" }).waitFor({ timeout: 10000 });
  assert(await item(0).isChecked(), "the item checked before stays checked");
  await item(1).check();
  assert(await item(1).isChecked(), "and another can be checked");
  assertEqual(seen.filter((f) => f === m.chunks.framework.file).length, 0, "the framework screens' chunk never: the bundle stands in");
  assertEqual(problems, [], "no page error");
});

test("once live, the shared chunks come one at a time in idle moments, then every screen's, presenter mode's and the debrief reading's: all of them, none twice", async ({ page, base }) => {
  const m = manifest();
  const shared = new Set(Object.values(m.shared).map((c) => c.file));
  const seen = wasmRequests(page);
  await open(page, base);
  // The last unit the prefetch walks (src/views/mod.rs), the debrief's reading, comes after every
  // shared chunk and every screen's own.
  await page.waitForFunction((f) => performance.getEntriesByType("resource").some((r) => r.name.endsWith(f)), m.chunks.debrief_read.file, { timeout: 30000 });
  // Not walked: an LMS's runtimes (fetched in a course only) and the not-found screen (no link
  // leads there).
  // leads there), nor the home screen's own chunk, whose bundle the page loaded.
  const notWalked = new Set(["lms", "cmi5", "not_found", "home"]);
  for (const [name, c] of Object.entries(m.chunks)) {
    if (notWalked.has(name)) continue;
    assertEqual(seen.filter((x) => x === c.file).length, 1, `${name}'s chunk fetched once`);
  }
  assertEqual(seen.filter((x) => x === m.chunks.home.file).length, 0, "home's chunk: its bundle stands in");
  const after = await page.evaluate(() => {
    const live = performance.getEntriesByName("reperes-live")[0].startTime;
    return performance.getEntriesByType("resource").filter((r) => r.startTime >= live && /\/chunk_[^/]*\.wasm$/.test(r.name)).map((r) => ({ file: r.name.split("/").pop(), start: r.startTime, end: r.responseEnd }));
  });
  const before = await wasmBeforeLive(page);
  const all = new Set([...before, ...after.map((r) => r.file)]);
  // The groups home's bundle holds whole are not fetched: every other one is.
  const covered = new Set(m.first.home.covers.map((id) => m.shared[id].file));
  for (const f of covered) assert(!all.has(f), `${f}: in home's bundle, not fetched`);
  const missing = [...shared].filter((f) => !all.has(f) && !covered.has(f));
  assertEqual(missing.length, 0, `every other shared chunk is fetched once live; missing: ${missing.join(" ")}`);
  // One at a time: a screen's loader fetches all its chunks in one task, which ran up to 430 ms
  // at CPU 4x; the walk waits for each chunk before it asks for the next. What starts once the
  // app is live (`late`: the worker, the embed bridge, an LMS) is loaded then, not walked: the
  // shared chunks it needs and the home screen did not come with it, side by side.
  const late = new Set(m.chunks.late.shared.map((id) => m.shared[id].file));
  const walked = after.filter((r) => !late.has(r.file)).sort((x, y) => x.start - y.start);
  assert(walked.length > 0, "the walk fetched shared chunks");
  for (let i = 1; i < walked.length; i++) {
    assert(walked[i].start >= walked[i - 1].end, `${walked[i].file} was asked for before ${walked[i - 1].file} had come (${walked[i].start.toFixed(1)} < ${walked[i - 1].end.toFixed(1)})`);
  }
  for (const f of shared) assert(seen.filter((x) => x === f).length <= 1, `${f} fetched once`);
});

test("a screen chunk that fails on the first visit: the prerendered page stays readable and says so; the next page recovers", async ({ page, base, problems }) => {
  const m = manifest();
  let block = true;
  await page.route((u) => [m.chunks.phases.file, m.first.phases.file].some((f) => u.pathname.endsWith(f)), (r) => (block ? r.abort() : r.continue()));
  await page.goto(base + "phases/");
  await page.locator("#load-failed").waitFor({ state: "visible", timeout: 20000 });
  assert((await page.textContent("main")).includes("SoLoMo"), "the prerendered screen stays readable");
  assert(!(await page.evaluate(() => document.documentElement.hasAttribute("data-ready"))), "not live");
  block = false;
  await page.locator("main a[href]", { hasText: "SoLoMo" }).first().click();
  await page.waitForSelector("html[data-ready]", { timeout: 20000 });
  assert(await page.locator("#load-failed").isHidden(), "no failure notice once the page loads");
  expectFetchErrors(problems);
}, { allowFailedRequests: true });

/** From the live home page, a click to the quiz, whose load is blocked: the home screen stays and
 * a notice says so; then, once `unblock` has run, the notice's retry opens the quiz and the
 * notice goes. */
async function quizFailsThenRetries(page, unblock) {
  await page.locator(".primary a", { hasText: "Quiz" }).first().click();
  const notice = page.locator(".notice", { hasText: "n'a pas pu se charger" });
  await notice.waitFor({ timeout: 10000 });
  assert((await page.textContent("main")).includes("SoLoMo"), "the previous screen stays");
  unblock();
  await notice.getByRole("button", { name: "Réessayer" }).click();
  await page.locator("main h1", { hasText: "Quiz" }).waitFor({ timeout: 10000 });
  await notice.waitFor({ state: "detached", timeout: 5000 });
}

test("a screen chunk that fails in the live app: the previous screen stays, a notice says so, and a retry recovers", async ({ page, base, problems }) => {
  const m = manifest();
  let block = true;
  await page.route((u) => u.pathname.endsWith(m.chunks.quiz.file), (r) => (block ? r.abort() : r.continue()));
  await open(page, base);
  await quizFailsThenRetries(page, () => (block = false));
  // The app kept working: another screen still opens.
  await page.locator(".primary a", { hasText: "Phases" }).first().click();
  await page.locator("main", { hasText: "SoLoMo" }).waitFor();
  expectFetchErrors(problems);
}, { allowFailedRequests: true });

test("the home page goes live with the base style sheet alone; the screens' sheet comes with the first screen drawn with it, and one that fails is a notice and a retry", async ({ page, base, problems }) => {
  let block = true;
  await page.route(/\/screens-[0-9a-f]+\.css$/, (r) => (block ? r.abort() : r.continue()));
  const sheets = () => page.evaluate(() => [...document.querySelectorAll("link[rel=stylesheet]")].map((l) => l.getAttribute("href").replace(/-[0-9a-f]+\.css$/, "")));
  // First (the service worker, once it has precached the build, would serve the sheet from its
  // cache, past the block).
  await open(page, base);
  assertEqual(await sheets(), ["main"], "the home page links the base sheet alone");
  const asked = await page.evaluate(() => {
    const live = performance.getEntriesByName("reperes-live")[0].startTime;
    return performance.getEntriesByType("resource").filter((r) => r.startTime < live && /\/screens-/.test(r.name)).length;
  });
  assertEqual(asked, 0, "no request for the screens' sheet before the home page is live");
  await quizFailsThenRetries(page, () => (block = false));
  // Drawn with the screens' sheet: an answer is a row of its box and its words.
  assertEqual(await page.locator(".choice").first().evaluate((e) => getComputedStyle(e).display), "flex", "the quiz's answers styled");
  assertEqual(await sheets(), ["main", "screens"], "the sheet added once");
  // A page whose screen draws with it links it; the sources page does not.
  await open(page, base + "quiz/");
  assertEqual(await sheets(), ["main", "screens"], "the quiz's page links both sheets");
  await open(page, base + "sources/");
  assertEqual(await sheets(), ["main"], "the sources page links the base sheet alone");
  expectFetchErrors(problems);
}, { allowFailedRequests: true });

test("two notices: each keeps its own element while the other comes and goes (focus stays, nothing is said twice)", async ({ page, base, problems }) => {
  const m = manifest();
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  await page.route((u) => u.pathname.endsWith(m.chunks.quiz.file), (r) => r.abort());
  await open(page, base);
  const storage = page.locator(".notice", { hasText: "stockage bloqué" });
  await storage.waitFor();
  await storage.evaluate((n) => { n.__first = true; n.querySelector("button").focus(); });
  // To the quiz without a click, so that focus stays where it is: its code cannot come.
  await page.evaluate(() => { history.pushState(null, "", "quiz/"); dispatchEvent(new PopStateEvent("popstate")); });
  const failed = page.locator(".notice", { hasText: "n'a pas pu se charger" });
  await failed.waitFor({ timeout: 10000 });
  assert(await storage.evaluate((n) => n.__first === true && n.contains(document.activeElement)), "the first notice kept its element and focus");
  const said = await failed.textContent();
  await failed.evaluate((n) => { n.__second = true; });
  await storage.getByRole("button", { name: "Fermer" }).click();
  await storage.waitFor({ state: "detached" });
  assertEqual(await page.locator(".notice").count(), 1);
  assert(await failed.evaluate((n) => n.__second === true), "the notice left is the same element, not the first one's element rewritten");
  assertEqual(await failed.textContent(), said);
  expectFetchErrors(problems);
}, { allowFailedRequests: true });

test("the notices' code is a chunk of its own, fetched with the first notice; if it cannot come, a plain banner says a message waits, and it shows once back online", async ({ page, browser, base, problems }) => {
  const m = manifest();
  assert(m.chunks.notices, "the manifest lists the notices' chunk");
  // Not fetched before a page with no notice is live.
  await open(page, base);
  assert(!(await wasmBeforeLive(page)).includes(m.chunks.notices.file), "no notices' code before a page without notices is live");
  // Storage blocked: a notice from the start, its code refused (no worker: its cache would answer).
  const context = await browser.newContext({ serviceWorkers: "block" });
  const p2 = await context.newPage();
  const problems2 = guard(p2, { allowFailedRequests: true });
  await p2.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  let block = true;
  await p2.route((u) => u.pathname.endsWith(m.chunks.notices.file), (r) => (block ? r.abort() : r.continue()));
  await p2.goto(base);
  await p2.waitForSelector("html[data-ready]", { timeout: 20000 });
  const banner = p2.locator(".notice", { hasText: "attend de s'afficher" });
  await banner.waitFor({ timeout: 10000 });
  assertEqual(await banner.getAttribute("role"), "status", "the waiting banner is a status");
  assertEqual(await p2.locator(".notice", { hasText: "stockage bloqué" }).count(), 0, "the storage notice waits for its code");
  // The app answers meanwhile.
  await p2.locator(".primary a", { hasText: "Quiz" }).first().click();
  await p2.locator("main h1", { hasText: "Quiz" }).waitFor();
  // Back online: the notice comes, the banner goes.
  block = false;
  await p2.evaluate(() => dispatchEvent(new Event("online")));
  await p2.locator(".notice", { hasText: "stockage bloqué" }).waitFor({ timeout: 10000 });
  await banner.waitFor({ state: "detached", timeout: 5000 });
  // Their words are a pack of their own, in each language: the switch brings the English ones.
  await p2.getByRole("button", { name: "English" }).first().click();
  await p2.locator(".notice", { hasText: "storage blocked" }).waitFor({ timeout: 10000 });
  await context.close();
  expectFetchErrors(problems2);
  assertEqual(problems2.filter((x) => !/Service Worker registration blocked/.test(x)), [], "no page error");
}, { allowFailedRequests: true });

test("stored progress is read by a chunk of its own: a first visit goes live without it, a return asks for it as the page starts; refused, nothing is lost", async ({ page, browser, base, problems }) => {
  const m = manifest();
  assert(m.chunks.reader, "the manifest lists the reader's chunk");
  const stored = JSON.stringify({ v: 2, lang: "en", visited: ["quiz/"], answers: {} });
  // A first visit (nothing stored): live without the reader.
  await open(page, base);
  assert(!(await wasmBeforeLive(page)).includes(m.chunks.reader.file), "no reader before a first visit is live");
  // Nor on the debrief's page, which reads a kept debrief with it (none kept here).
  await open(page, base + "debrief/");
  assert(!(await wasmBeforeLive(page)).includes(m.chunks.reader.file), "no reader before the debrief's page is live");
  // Progress stored: its reader comes as the page starts, and the progress is back (English).
  await page.evaluate((v) => localStorage.setItem("reperes", v), stored);
  await page.reload();
  await page.waitForSelector("html[data-ready]", { timeout: 20000 });
  assert((await wasmBeforeLive(page)).includes(m.chunks.reader.file), "the reader before a return is live");
  assertEqual(await page.getAttribute("html", "lang"), "en", "the saved language");

  // The reader refused on a return (no worker: its cache would answer): the prerendered page
  // stays and says so, and the stored text is left as it was.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const p2 = await context.newPage();
  const problems2 = guard(p2, { allowFailedRequests: true });
  let block = true;
  await p2.route((u) => u.pathname.endsWith(m.chunks.reader.file), (r) => (block ? r.abort() : r.continue()));
  await p2.goto(base);
  await p2.waitForSelector("html[data-ready]", { timeout: 20000 });
  const old = JSON.stringify({ v: 1, language: "en", checks: { "usages/messaging": true } });
  await p2.evaluate((v) => localStorage.setItem("reperes", v), old);
  await p2.reload();
  await p2.locator("#load-failed").waitFor({ state: "visible", timeout: 20000 });
  assert(!(await p2.evaluate(() => document.documentElement.hasAttribute("data-ready"))), "not live");
  assertEqual(await p2.evaluate(() => localStorage.getItem("reperes")), old, "the stored text untouched");

  // Another tab changes the progress while this one cannot read it (the reader still refused):
  // this tab stops saving, so as not to overwrite it, and says so.
  await p2.evaluate(() => localStorage.removeItem("reperes"));
  await p2.reload();
  await p2.waitForSelector("html[data-ready]", { timeout: 20000 });
  const other = await context.newPage();
  await other.goto(base + "sources/");
  await other.waitForSelector("html[data-ready]", { timeout: 20000 });
  await other.evaluate((v) => localStorage.setItem("reperes", v), stored);
  await p2.locator(".notice", { hasText: "autre onglet" }).waitFor({ timeout: 10000 });
  // A new screen would be saved as seen: nothing is written, and progress says why.
  await p2.locator(".primary a", { hasText: "Progression" }).first().click();
  await p2.locator("main h1", { hasText: "progression" }).waitFor();
  assert((await p2.textContent(".storage-state")).includes("n'enregistre plus rien"), "progress says this tab no longer saves");
  await p2.waitForTimeout(300);
  assertEqual(await other.evaluate(() => localStorage.getItem("reperes")), stored, "the other tab's progress stays");
  block = false;
  await context.close();
  expectFetchErrors(problems2);
  assertEqual(problems2.filter((x) => !/Service Worker registration blocked/.test(x)), [], "no page error");
}, { allowFailedRequests: true });

test("the quiz's explanations travel after the first answer checked, not with the page; if they cannot come, the choice stays and a notice says so", async ({ browser, base }) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const problems = guard(page, { allowFailedRequests: true });
  const html = fs.readFileSync(path.join(DIST, "quiz", "index.html"), "utf8");
  const own = html.match(/data-text-fr="([^"]*)"/)[1].split(" ");
  // Every other pack refused until the check (the idle fetch stops at the first); then the first
  // one the check asks for (the notices' own words still come).
  let armed = false;
  let explain = null;
  let block = true;
  await page.route(/\/text-fr-\d+-[0-9a-f]+\.txt$/, (r) => {
    const f = path.basename(new URL(r.request().url()).pathname);
    if (own.includes(f)) return r.continue();
    if (!armed) return r.abort();
    explain ||= f;
    return block && f === explain ? r.abort() : r.continue();
  });
  await page.goto(base + "quiz/");
  await page.waitForSelector("html[data-ready]", { timeout: 20000 });
  const q = page.locator("fieldset.question").first();
  await q.locator("input").nth(1).check();
  armed = true;
  await q.getByRole("button", { name: "Vérifier ma réponse" }).click();
  const notice = page.locator(".notice", { hasText: "explication" });
  await notice.waitFor({ timeout: 10000 });
  assertEqual(await notice.getAttribute("role"), "alert");
  assert(explain && !own.includes(explain), `the check asked for a pack the page does not carry: ${explain}`);
  assertEqual(await q.locator(".feedback").count(), 0, "no answer recorded without its explanation");
  assert(await q.locator("input").nth(1).isChecked(), "the choice stays selected");
  assert(/questions traitées\s*:\s*0\ssur/.test(await page.textContent("#quiz-score")), "score untouched");
  // Back: the same button records it, with the explanation from that pack; the notice goes.
  block = false;
  await q.getByRole("button", { name: "Vérifier ma réponse" }).click();
  const feedback = q.locator(".feedback");
  await feedback.waitFor({ timeout: 10000 });
  const words = fs.readFileSync(path.join(DIST, explain), "utf8").split("\u001e");
  const shown = await feedback.textContent();
  assert(words.some((w) => w.length > 20 && shown.includes(w)), `the explanation shown comes from ${explain}: ${shown}`);
  await notice.waitFor({ state: "detached", timeout: 5000 });
  await context.close();
  expectFetchErrors(problems);
  assertEqual(problems.filter((x) => !/Service Worker registration blocked/.test(x)), [], "no page error");
});

test("each chunk stays within its size budget (brotli, tests/budget.json)", async () => {
  const zlib = await import("node:zlib");
  const budget = JSON.parse(fs.readFileSync(path.join(path.dirname(DIST), "tests/budget.json"), "utf8"));
  const modeFile = path.join(path.dirname(DIST), "target/reperes-wasm-mode");
  const mode = fs.existsSync(modeFile) ? fs.readFileSync(modeFile, "utf8").trim() : "debian";
  const slack = mode === "rustup" ? budget.rustup_factor : 1;
  const m = manifest();
  const br = (f) => zlib.brotliCompressSync(fs.readFileSync(path.join(DIST, f)), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const over = [];
  const check = (name, bytes, limit) => {
    if (limit === undefined) over.push(`${name}: no budget in tests/budget.json (measured ${bytes})`);
    else if (bytes > limit * slack) over.push(`${name}: ${bytes} bytes brotli, budget ${Math.round(limit * slack)}`);
  };
  check("main", br(m.main.wasm), budget.main);
  check("glue", br(m.main.js), budget.glue);
  for (const [name, c] of Object.entries(m.chunks)) check(name, br(c.file), budget.screens[name]);
  for (const [name, c] of Object.entries(m.first)) check(`${name}'s first-load bundle`, br(c.file), budget.first[name]);
  const shared = Object.values(m.shared).reduce((a, c) => a + br(c.file), 0);
  check("shared chunks (all)", shared, budget.shared);
  console.log(`     main ${br(m.main.wasm)}, glue ${br(m.main.js)}, shared ${shared}, screens ${Object.entries(m.chunks).map(([n, c]) => `${n} ${br(c.file)}`).join(", ")} (${mode} toolchain)`);
  assertEqual(over, [], "chunks over budget");
});

/** Waits until the service worker controls the page (every file precached). */
const langButton = (page, name) => page.locator(".lang-switch button", { hasText: name }).first();

test("only the text the screen shows travels before it is live, in the language shown; the rest in idle time, the other language on the switch, and offline too", async ({ page, context, base }) => {
  const texts = [];
  page.on("request", (r) => {
    const m = r.url().match(/text-(fr|en)-(\d+)-[0-9a-f]+\.txt$/);
    if (m) texts.push(`${m[1]} ${m[2]}`);
  });
  await page.goto(base + "phases/");
  await page.waitForSelector("html[data-ready]");
  // The phases screen shows pack 0 (what every screen may show), its framework's pack (1), its
  // screen's own (interface and description) and what the screens drawn with the screens' style
  // sheet share: the page carries the four in French, so no text file is asked for before the live app is in place
  // (Resource Timing, against the reperes-live mark).
  const before = await page.evaluate(() => {
    const live = performance.getEntriesByName("reperes-live")[0].startTime;
    return performance.getEntriesByType("resource").filter((r) => r.startTime < live && /text-/.test(r.name)).map((r) => r.name.match(/text-(fr|en)-(\d+)-/).slice(1).join(" "));
  });
  assertEqual(before, [], "no text file before the app is live: the page carries its French text");
  assertEqual(await page.locator('script[type="text/plain"][data-pack^="text-fr-"]').count(), 4, "the page carries its four French packs");
  const packs = fs.readdirSync(DIST).filter((f) => /^text-fr-\d+-/.test(f)).length;
  assert(packs >= 4, `text in packs: ${packs}`);
  // The rest of the French text comes in idle time, so every screen opens at once (and offline).
  await page.waitForFunction((n) => performance.getEntriesByType("resource").filter((r) => /text-fr-\d+-/.test(r.name)).length === n, packs - 4, { timeout: 15000 });
  assert(!texts.some((t) => t.startsWith("en")), `no English before the switch: ${texts.join(", ")}`);
  await workerActivated(page);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  await langButton(page, "English").click();
  await page.locator("html[lang=en]").waitFor({ timeout: 10000 });
  await page.locator("main h1", { hasText: "digital phases" }).waitFor({ timeout: 10000 });
  await langButton(page, "Français").click();
  await page.locator("main h1", { hasText: "phases du numérique" }).waitFor({ timeout: 10000 });
  await context.setOffline(false);
}, { allowFailedRequests: true });

test("a language whose text cannot be fetched: the language shown stays and a notice says so; a later switch works", async ({ page, base, problems }) => {
  let block = true;
  await page.route(/text-en-\d+-[0-9a-f]+\.txt$/, (r) => (block ? r.abort() : r.continue()));
  await open(page, base + "?nosw");
  await langButton(page, "English").click();
  const notice = page.locator(".notice", { hasText: "autre langue" });
  await notice.waitFor({ timeout: 10000 });
  assertEqual(await page.getAttribute("html", "lang"), "fr", "French stays");
  assert((await page.textContent("main")).includes("Les trois phases du numérique"), "French text stays");
  block = false;
  await langButton(page, "English").click();
  await page.locator("html[lang=en]").waitFor({ timeout: 10000 });
  await notice.waitFor({ state: "detached", timeout: 5000 });
  expectFetchErrors(problems);
}, { allowFailedRequests: true });

test("presenter mode's code is a chunk of its own: not fetched before the app is live; if it cannot be fetched, a notice says so and a later click opens it", async ({ page, base, problems }) => {
  const m = manifest();
  assert(m.chunks.presenter, "the manifest lists presenter mode's chunk");
  let block = true;
  await page.route((u) => u.pathname.endsWith(m.chunks.presenter.file), (r) => (block ? r.abort() : r.continue()));
  await open(page, base + "?nosw");
  assert(!(await wasmBeforeLive(page)).includes(m.chunks.presenter.file), "not before the app is live");
  await page.locator("#present-button").click();
  const notice = page.locator(".notice", { hasText: "mode présentation n'a pas pu se charger" });
  await notice.waitFor({ timeout: 10000 });
  assertEqual(await page.locator(".presenter").count(), 0, "no presenter without its code");
  block = false;
  await page.locator("#present-button").click();
  await page.locator(".presenter h2").waitFor({ timeout: 10000 });
  await notice.waitFor({ state: "detached", timeout: 5000 });
  await page.keyboard.press("Escape");
  await page.locator(".presenter").waitFor({ state: "detached" });
  expectFetchErrors(problems);
}, { allowFailedRequests: true });

test("the page's head and the boot script ask for the first screen's glue, main module, bundle and text at once, each once, in the language the app will show (the French text inside the page)", async ({ browser, base }) => {
  const m = manifest();
  const files = [m.main.js, m.main.wasm, m.first.phases.file];
  for (const [query, lang, other] of [["", "fr", "en"], ["?lang=en", "en", "fr"]]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Who asked for each file: the boot script, or (as before) the glue, the chunk loader and
    // the wasm, one step after another.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const asked = [];
    // The whole stack: a request the boot script's fetch makes for the loader or the glue (its
    // fallback, when it has no early response) has their frames below its own.
    const stack = (s) => (s ? [...s.callFrames.map((f) => f.url), ...stack(s.parent)] : []);
    cdp.on("Network.requestWillBeSent", (e) => asked.push({ file: path.basename(new URL(e.request.url).pathname), at: e.timestamp, by: [...new Set(stack(e.initiator.stack))].join(" ") || e.initiator.type }));
    await open(page, base + "phases/" + query);
    const texts = await page.evaluate(() => {
      const live = performance.getEntriesByName("reperes-live")[0].startTime;
      return performance.getEntriesByType("resource").filter((r) => r.startTime < live && /\/text-/.test(r.name)).map((r) => r.name.split("/").pop());
    });
    assert(texts.every((f) => f.startsWith(`text-${lang}-`)), `${query || "no query"}: only ${lang} text before live: ${texts.join(" ")}`);
    assert(!texts.some((f) => f.startsWith(`text-${other}-`)), `no ${other} text before live`);
    // The screen's four packs (0, its framework's, its own, the styled screens' shared) in French
    // travel inside the page (no request); in English they are fetched.
    assertEqual(texts.length, lang === "en" ? 4 : 0, `${lang} packs asked for: ${texts.join(" ")}`);
    assertEqual(await page.locator('script[type="text/plain"][data-pack^="text-fr-"]').count(), 4, "the page carries its four French packs");
    for (const f of [...files, ...texts]) {
      const requests = asked.filter((r) => r.file === f);
      assertEqual(requests.length, 1, `${f} requested once`);
      // The main module is asked for by the page's head (a preload the boot script's fetch takes
      // over), everything else by the boot script.
      const by = f === m.main.wasm ? /^parser$/ : /^\S*\/boot-[0-9a-f]+\.js$/;
      assert(by.test(requests[0].by), `${f} asked for by ${f === m.main.wasm ? "the page's preload" : "the boot script"} alone, not ${requests[0].by}`);
    }
    // The glue, which every step after waits for, is asked for first (not behind the chunks).
    const at = (f) => asked.find((r) => r.file === f).at;
    assert(at(m.main.js) <= at(m.first.phases.file), "the glue is asked for before the screen's bundle");
    assertEqual((await wasmBeforeLive(page)).sort(), [m.main.wasm, m.first.phases.file].sort(), "no other wasm before the screen is live");
    await context.close();
  }
});

test("what starts once the app is live (service worker, embed bridge, LMS) is a chunk of its own: if it cannot be fetched the app works on, and it is tried again once back online", async ({ page, base, problems }) => {
  const m = manifest();
  assert(m.chunks.late, "the manifest lists the late start's chunk");
  let block = true;
  let asked = 0;
  await page.route((u) => u.pathname.endsWith(m.chunks.late.file), (r) => (asked++, block ? r.abort() : r.continue()));
  await open(page, base);
  assert(!(await wasmBeforeLive(page)).includes(m.chunks.late.file), "not before the app is live");
  // Asked for and refused: no worker, but the app answers.
  const deadline = Date.now() + 10000;
  while (asked === 0 && Date.now() < deadline) await page.waitForTimeout(100);
  assert(asked > 0, "the late chunk was asked for");
  await page.waitForTimeout(500);
  assertEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined), true, "no worker while its code cannot load");
  await page.locator(".primary a", { hasText: "Quiz" }).first().click();
  await page.locator("main h1", { hasText: "Quiz" }).waitFor();
  // Refused again on the retry 2 s later: a notice says what waits, and that nothing is lost.
  const waiting = page.locator(".notice", { hasText: "pas encore pu se charger" });
  await waiting.waitFor({ timeout: 10000 });
  assertEqual(await waiting.getAttribute("role"), "status", "a status, not an alert");
  assert(/plateforme de formation/.test(await waiting.textContent()), "it names the learning platform's link");
  // Back online: tried again at once; the notice goes.
  block = false;
  await page.evaluate(() => dispatchEvent(new Event("online")));
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration()) !== undefined, null, { timeout: 10000 });
  await waiting.waitFor({ state: "detached", timeout: 5000 });
  expectFetchErrors(problems);
}, { allowFailedRequests: true });

test("a screen whose code or text is still coming: once it is drawn, its heading has focus (keyboard and screen-reader users start there)", async ({ page, base }) => {
  const m = manifest();
  // The quiz's code, and every text pack but the first (the questions, every framework's own
  // text), come 1.5 s late.
  await page.route((u) => u.pathname.endsWith(m.chunks.quiz.file) || /\/text-fr-[1-9]\d*-/.test(u.pathname), async (r) => {
    await new Promise((go) => setTimeout(go, 1500));
    await r.continue().catch(() => {});
  });
  // The heading has focus (within 3 s of the screen showing), or what has it instead.
  const expectHeadingFocus = async (what) => {
    await page.waitForFunction(() => document.activeElement === document.querySelector("main h1"), null, { timeout: 3000 }).catch(() => {});
    const other = await page.evaluate(() => (document.activeElement === document.querySelector("main h1") ? "" : document.activeElement.outerHTML.slice(0, 80)));
    assertEqual(other, "", `${what}: its heading has focus`);
  };
  await open(page, base);
  await page.locator(".primary a", { hasText: "Quiz" }).first().click();
  await page.locator("main h1", { hasText: "Quiz" }).waitFor({ timeout: 10000 });
  await expectHeadingFocus("the quiz");
  // One framework's screen drawn in place of another's, from another article (its text late).
  await open(page, base + "usages/");
  const families = page.locator(".menu-frameworks .family");
  await page.locator("#menu-button").click();
  const link = families.last().locator("a").first();
  const title = (await link.textContent()).trim();
  await link.click();
  await page.locator("main h1", { hasText: title }).waitFor({ timeout: 10000 });
  await expectHeadingFocus(title);
});

test("the document's description follows the screen shown, from its own text: never empty while a framework's pack is still coming", async ({ page, base }) => {
  const decode = (s) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const prerendered = (route) => decode(fs.readFileSync(path.join(DIST, route, "index.html"), "utf8").match(/<meta name="description" content="([^"]*)">/)[1]);
  const shown = () => page.getAttribute('meta[name="description"]', "content");
  // The AI agents' own pack is held back (the page opened, usages, carries its own).
  const own = fs.readFileSync(path.join(DIST, "ai-agents", "index.html"), "utf8").match(/data-text-fr="([^"]*)"/)[1].split(" ");
  const usages = fs.readFileSync(path.join(DIST, "usages", "index.html"), "utf8");
  const agents = own.filter((f) => !usages.includes(f));
  assert(agents.length > 0, "the AI agents' screen has a pack of its own");
  let release;
  const held = new Promise((r) => (release = r));
  await page.route((u) => agents.some((f) => u.pathname.endsWith(f)), async (r) => (await held, r.continue()));
  await open(page, base + "usages/");
  assertEqual(await shown(), prerendered("usages"), "live, the page's own description");
  await page.locator("#menu-button").click();
  await page.locator(".menu-panel a", { hasText: "Agents d'IA" }).click();
  await page.waitForURL(/ai-agents\/$/);
  await page.waitForTimeout(300);
  const waiting = await shown();
  assert(waiting.length > 20, `while its text is coming, a description all the same: "${waiting}"`);
  release();
  await page.locator("main h1", { hasText: "agents" }).waitFor({ timeout: 10000 });
  assertEqual(await shown(), prerendered("ai-agents"), "then the new screen's own");
});

test("a text pack a screen needs while the idle prefetch is still fetching it travels once", async ({ browser, base }) => {
  // No service worker: its precache fetches the packs out of the page's routes, and the page then
  // takes them from its cache (the idle prefetch walks 33 packs: the worker is often in place
  // before it reaches the quiz's).
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  // The quiz's own packs, as its page's boot tag names them (the questions, the tool screens'
  // interface), but pack 0, which the home page carries.
  const html = fs.readFileSync(path.join(DIST, "quiz", "index.html"), "utf8");
  const packs = html.match(/data-text-fr="([^"]*)"/)[1].split(" ").filter((f) => f && !f.startsWith("text-fr-0-"));
  assert(packs.length > 0, "the quiz has packs of its own");
  const asked = [];
  let release;
  const held = new Promise((r) => (release = r));
  await page.route((u) => packs.some((f) => u.pathname.endsWith(f)), async (r) => {
    asked.push(path.basename(new URL(r.request().url()).pathname));
    await held;
    await r.continue().catch(() => {});
  });
  await open(page, base);
  // The idle prefetch, once the app is live, asks for the quiz's first pack, which is held back.
  for (let i = 0; i < 600 && !asked.includes(packs[0]); i++) await page.waitForTimeout(50);
  assert(asked.includes(packs[0]), `the idle prefetch asked for ${packs[0]}`);
  // The quiz is opened while that pack is coming: its load asks for what it lacks.
  await page.locator(".primary a", { hasText: "Quiz" }).first().click();
  await page.waitForTimeout(500);
  release();
  await page.locator("main h1", { hasText: "Quiz" }).waitFor({ timeout: 10000 });
  for (const f of packs) assertEqual(asked.filter((a) => a === f).length, 1, `${f} asked for once`);
  await context.close();
});

test("a link pointed at or tabbed to starts fetching its screen's code before the click, each file once", async ({ page, base }) => {
  const m = manifest();
  const seen = wasmRequests(page);
  // Every text pack but the first and those of the two screens pointed at is held back: the idle
  // fetch after start-up waits on them (pack 1 first) and never reaches the screens' code, so
  // only pointing at a link can ask for it.
  const own = ["sources", "about"].flatMap((r) => fs.readFileSync(path.join(DIST, r, "index.html"), "utf8").match(/data-text-fr="([^"]*)"/)[1].split(" "));
  await page.route((u) => /\/text-fr-[1-9]\d*-[0-9a-f]+\.txt$/.test(u.pathname) && !own.includes(path.basename(u.pathname)), () => {});
  await open(page, base);
  const footer = page.locator(".site-footer a");
  await page.waitForTimeout(300);
  assert(!seen.includes(m.chunks.sources.file), "the sources' code is not fetched before the pointer comes");
  // A mouse over the link: the sources' code comes, before any click.
  await footer.first().hover();
  await page.waitForFunction((f) => performance.getEntriesByType("resource").some((r) => r.name.endsWith(f)), m.chunks.sources.file, { timeout: 5000 });
  // The link reached with the keyboard: the same for the about screen.
  assert(!seen.includes(m.chunks.about.file), "the about screen's code is not fetched yet");
  await footer.nth(1).focus();
  await page.waitForFunction((f) => performance.getEntriesByType("resource").some((r) => r.name.endsWith(f)), m.chunks.about.file, { timeout: 5000 });
  assert(!seen.includes(m.chunks.quiz.file), "a screen nobody pointed at is not fetched (the idle fetch is held)");
  // The click then draws the screen from what came, asking for nothing twice.
  await footer.first().click();
  await page.locator("main h1", { hasText: "Sources" }).waitFor();
  for (const f of [m.chunks.sources.file, m.chunks.about.file]) assertEqual(seen.filter((s) => s === f).length, 1, `${f} fetched once`);
});

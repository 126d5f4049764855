import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startServer } from "../server.mjs";
import { test, assert, assertEqual, holdWasm, DIST, ROOT } from "./harness.mjs";

const parentPage = (src) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title></head><body>
<h1>Course page</h1><iframe data-reperes id="f" title="Repères" src="${src}" style="width:100%;border:0;height:100px"></iframe>
<script>window.messages=[];addEventListener("message",e=>messages.push({origin:e.origin,data:e.data}));</script>
<script src="${new URL("../embed.js", src).href}"></script></body></html>`;

/** A course page on "localhost" framing the app (on "127.0.0.1": another site) at `route`: a
 * fresh context and page with the page's errors collected, the frame, and `close` (the page, its
 * server and its folder). `before` runs on the page before it is opened (to hold the wasm back,
 * say); its result is `result`. */
async function coursePage(browser, base, route, before = async () => {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "reperes-parent-"));
  fs.writeFileSync(path.join(tmp, "index.html"), parentPage(new URL(route, base).href));
  const parent = await startServer({ root: tmp, host: "localhost" });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const result = await before(page);
  await page.goto(parent.url.replace("127.0.0.1", "localhost"));
  const close = async () => {
    await context.close();
    await parent.close();
    fs.rmSync(tmp, { recursive: true });
  };
  return { page, errors, frame: page.frameLocator("#f"), result, close };
}

test("embedded: the course page sizes the frame to the prerendered page as soon as it paints, before the app's code comes", async ({ browser, base }) => {
  const { page, errors, frame, result: release, close } = await coursePage(browser, base, "usages/?embed=1", holdWasm);
  await page.waitForFunction(() => parseInt(document.getElementById("f").style.height) > 300, null, { timeout: 10000 });
  assertEqual(await frame.locator("html[data-ready]").count(), 0, "the app's code is still held back");
  const real = await frame.locator("#app").evaluate((e) => Math.ceil(e.getBoundingClientRect().height));
  const iframeHeight = await page.evaluate(() => parseInt(document.getElementById("f").style.height));
  assert(Math.abs(iframeHeight - real) <= 2, `the frame sized to the prerendered page: ${iframeHeight} vs ${real}`);
  release();
  await frame.locator("html[data-ready]").waitFor();
  // Then the app's own bridge takes over, from the chunk that comes once the app is live, and stops
  // the boot script's observer; the heights follow the content. (Not "once a progress message has
  // come": the app tells its progress from the main module, before that chunk has run; a
  // sub-path run on a busy machine checked in between.)
  let stopped = false;
  for (let t = 0; t < 100 && !stopped; t++) {
    stopped = await frame.locator("html").evaluate(() => typeof globalThis.__reperesHeight === "undefined");
    if (!stopped) await page.waitForTimeout(100);
  }
  assert(stopped, "the boot script's observer is stopped once the bridge has started (waited 10 s)");
  const last = () => page.evaluate(() => messages.filter((m) => m.data.type === "height").at(-1).data.height);
  const before = await last();
  await frame.locator(".checklist .item textarea").first().evaluate((t) => (t.style.minHeight = "600px"));
  await page.waitForFunction((h) => messages.filter((m) => m.data.type === "height").at(-1).data.height > h + 300, before);
  await close();
  assertEqual(errors, [], "no page error");
});

test("embedded across sites: height messages match the content, storage blocked, nothing throws", async ({ browser, base }) => {
  // The parent is on "localhost", the app on "127.0.0.1": different sites.
  const { page, errors, frame, close } = await coursePage(browser, base, "phases/?embed=1&lang=en");
  await frame.locator("html[data-ready]").waitFor();
  assertEqual(await frame.locator(".site-header").count(), 0, "no site chrome in embed mode");
  assertEqual(await frame.locator("html").getAttribute("lang"), "en", "?lang=en in the frame");
  await page.waitForFunction(() => messages.some((m) => m.data.type === "height"));
  const reported = await page.evaluate(() => messages.filter((m) => m.data.type === "height").at(-1).data.height);
  const real = await frame.locator("#app").evaluate((e) => Math.ceil(e.getBoundingClientRect().height));
  assert(Math.abs(reported - real) <= 2, `height ${reported} vs ${real}`);
  await page.waitForFunction(() => parseInt(document.getElementById("f").style.height) > 300);
  const iframeHeight = await page.evaluate(() => parseInt(document.getElementById("f").style.height));
  assert(Math.abs(iframeHeight - real) <= 2, `iframe resized to ${iframeHeight}`);
  const inner = await frame.locator("html").evaluate(() => document.documentElement.scrollHeight - innerHeight);
  assert(inner <= 1, `the frame does not scroll inside: ${inner}px more than its height`);
  // Open details: the content grows and a new height is sent.
  await frame.locator(".phase-list a").first().click();
  await page.waitForFunction((h) => messages.filter((m) => m.data.type === "height").at(-1).data.height > h, reported);
  // Progress events arrive, with the protocol version.
  await page.waitForFunction(() => messages.some((m) => m.data.type === "progress" && m.data.version === 1));
  // Garbage from the parent is ignored without error; a valid message is obeyed.
  await page.evaluate(() => {
    const w = document.getElementById("f").contentWindow;
    for (const m of ["hello", null, 42, { source: "x" }, { source: "reperes-host", version: 9, type: "set-lang", lang: "fr" }]) w.postMessage(m, "*");
    w.postMessage({ source: "reperes-host", version: 1, type: "set-lang", lang: "fr" }, "*");
  });
  await frame.locator("html[lang=fr]").waitFor();
  // Typing a note changes nothing the parent is told: no message per keystroke.
  await page.evaluate((u) => (document.getElementById("f").src = u), new URL("usages/?embed=1", base).href);
  const note = frame.locator(".checklist .item textarea").first();
  await note.waitFor();
  const progressCount = () => page.evaluate(() => messages.filter((m) => m.data.type === "progress").length);
  await page.waitForTimeout(500); // the messages of the new page's start and visit
  const before = await progressCount();
  await note.click();
  await page.keyboard.type("vingt lettres tapées");
  await page.waitForTimeout(300);
  const sent = (await progressCount()) - before;
  assertEqual(sent, 0, "progress messages while typing 20 letters of a note");
  // Rating an item changes what the parent is told: a message with the new count arrives.
  await frame.locator(".checklist .item").first().getByLabel("En place").check();
  await page.waitForFunction(() => messages.some((m) => m.data.type === "progress" && m.data.ratedItems >= 1), null, { timeout: 5000 });
  assertEqual(errors.filter((e) => !/status of 404/.test(e)), [], "errors in the embed");
  await close();
});

test("embedded with storage blocked: the app works in memory and says so", async ({ browser, base }) => {
  const { frame, close } = await coursePage(browser, base, "usages/?embed=1", (page) =>
    page.addInitScript(() => {
      if (window !== window.top) Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
    }),
  );
  await frame.locator("html[data-ready]").waitFor();
  assert((await frame.locator(".notices").textContent()).includes("stockage bloqué"), "says progress will not be kept");
  await frame.locator(".checklist .item").first().getByLabel("En place").check();
  assert(await frame.locator(".checklist .item").first().getByLabel("En place").isChecked(), "works in memory");
  await close();
});

function unzipPackage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reperes-lms-"));
  execFileSync("python3", [path.join(ROOT, "scripts/package.py"), DIST, dir, "scorm12"]);
  const zip = path.join(dir, "reperes-scorm12.zip");
  const pkg = path.join(dir, "pluginfile.php/123/mod_scorm/content/4");
  fs.mkdirSync(pkg, { recursive: true });
  execFileSync("python3", ["-c", "import zipfile,sys;zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", zip, pkg]);
  return { dir, pkg };
}

test("the SCORM package has a well-formed manifest that lists files that exist", async ({ page }) => {
  const { dir, pkg } = unzipPackage();
  const xml = fs.readFileSync(path.join(pkg, "imsmanifest.xml"), "utf8");
  // Well-formed: the browser's XML parser accepts it.
  const ok = await page.evaluate((x) => !new DOMParser().parseFromString(x, "application/xml").querySelector("parsererror"), xml);
  assert(ok, "manifest is well-formed XML");
  const files = [...xml.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1]);
  assert(files.length > 40, `${files.length} files listed`);
  for (const f of files) assert(fs.existsSync(path.join(pkg, f)), `listed file missing: ${f}`);
  assertEqual((xml.match(/<organization /g) || []).length, 1, "one organization");
  assertEqual((xml.match(/adlcp:scormtype="sco"/g) || []).length, 1, "one SCO");
  fs.rmSync(dir, { recursive: true });
});

test("SCORM 1.2 with scorm-again: initialise, status, score, suspend data, resume, finish", async ({ browser }) => {
  const { dir } = unzipPackage();
  fs.copyFileSync(path.join(ROOT, "node_modules/scorm-again/dist/scorm12.js"), path.join(dir, "scorm12.js"));
  const lms = (saved) => `<!doctype html><html><head><meta charset="utf-8"><title>Moodle</title><script src="/scorm12.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  window.calls = [];
  for (const n of ["LMSInitialize", "LMSCommit", "LMSFinish", "LMSSetValue"]) API.on(n, (k, v) => calls.push([n, k, v]));
  ${saved ? `API.loadFromJSON(${JSON.stringify(saved)});` : ""}
</script></head><body><iframe id="sco" title="SCO" style="width:100%;height:600px" src="/pluginfile.php/123/mod_scorm/content/4/index.html"></iframe></body></html>`;
  fs.writeFileSync(path.join(dir, "lms1.html"), lms(null));
  const server = await startServer({ root: dir });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + "lms1.html");
  const frame = page.frameLocator("#sco");
  await frame.locator("html[data-ready]").waitFor();
  await page.waitForFunction(() => calls.some((c) => c[0] === "LMSInitialize"));
  await page.waitForFunction(() => calls.some((c) => c[0] === "LMSCommit"));
  assertEqual(await page.evaluate(() => API.cmi.core.score.raw), "", "no score before the first answer");
  // Visit a framework, rate an item, answer a question; the app commits (debounced).
  await frame.locator(".primary a", { hasText: "Quiz" }).click();
  await frame.locator("fieldset.question").first().locator("input").nth(0).check();
  await frame.locator("fieldset.question").first().getByRole("button", { name: "Vérifier ma réponse" }).click();
  await frame.locator(".primary a", { hasText: "Phases" }).click();
  await page.waitForFunction(() => calls.filter((c) => c[0] === "LMSCommit").length >= 2, null, { timeout: 10000 });
  await page.waitForFunction(() => API.cmi.core.lesson_location.startsWith("phases"), null, { timeout: 10000 }).catch(() => {});
  let cmi = await page.evaluate(() => ({ s: API.cmi.core.lesson_status, raw: API.cmi.core.score.raw, data: API.cmi.suspend_data, loc: API.cmi.core.lesson_location }));
  assertEqual(cmi.s, "incomplete", "status while not every screen is seen");
  assert(cmi.data.startsWith("R1.") && cmi.data.length < 4096, `suspend_data ${cmi.data.length} chars`);
  assert(cmi.loc.startsWith("phases"), `location ${cmi.loc}`);
  assert(/^\d+$/.test(String(cmi.raw)), `score ${cmi.raw}`);
  // Visit every framework screen: completed.
  const ids = await frame.locator(".site-menu .menu-frameworks a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const href of ids) {
    await frame.locator(`.site-menu .menu-frameworks a[href="${href}"]`).evaluate((a) => a.click());
  }
  await page.waitForFunction(() => API.cmi.core.lesson_status === "completed", null, { timeout: 10000 });
  cmi = await page.evaluate(() => ({ data: API.cmi.suspend_data, loc: API.cmi.core.lesson_location, raw: API.cmi.core.score.raw }));
  // Leave: finish.
  await page.evaluate(() => document.getElementById("sco").remove());
  await page.waitForFunction(() => calls.some((c) => c[0] === "LMSFinish"));
  const set = await page.evaluate(() => Object.fromEntries(calls.filter((c) => c[0] === "LMSSetValue").map((c) => [c[1], c[2]])));
  assertEqual(set["cmi.core.exit"], "", "completed: exit is empty (nothing to resume)");
  assert(/^\d{4}:\d{2}:\d{2}$/.test(set["cmi.core.session_time"]), `session time ${set["cmi.core.session_time"]}`);

  // Second session: resume from the saved data.
  fs.writeFileSync(path.join(dir, "lms2.html"), lms({ suspend_data: cmi.data, core: { lesson_location: "usages", lesson_status: "completed" } }));
  await page.goto(server.url + "lms2.html");
  await frame.locator("html[data-ready]").waitFor();
  // The resume goes to the saved screen once the LMS has answered, which can come just after the
  // app is live (seen once in a warm run: the home heading still there when read at once).
  const resumed = await frame.locator("main h1", { hasText: "usages" }).waitFor({ timeout: 10000 }).then(() => true, () => false);
  assert(resumed, `resumed at the saved location: ${await frame.locator("main h1").textContent()}`);
  await frame.locator(".primary a", { hasText: "Progression" }).click();
  await frame.locator(".visited-list li.seen").first().waitFor({ timeout: 10000 }).catch(() => {});
  const seen = await frame.locator(".visited-list li.seen").count();
  assert(seen >= 20, `visits restored: ${seen}`);
  await server.close();
  await context.close();
  fs.rmSync(dir, { recursive: true });
});

test("SCORM: an LMS that refuses to initialise is not called again; the API is also found on the opener", async ({ browser, base }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.lmsCalls = [];
    const log = (n, v) => (...a) => (window.lmsCalls.push([n, ...a]), v);
    window.API = {
      LMSInitialize: log("LMSInitialize", "false"), LMSGetValue: log("LMSGetValue", ""), LMSSetValue: log("LMSSetValue", "true"),
      LMSCommit: log("LMSCommit", "true"), LMSGetLastError: () => "101", LMSFinish: log("LMSFinish", "true"),
    };
  });
  await page.goto(base + "index.html?view=usages");
  await page.waitForSelector("html[data-ready]");
  await page.locator(".checklist .item").first().getByLabel("En place").check();
  await page.waitForTimeout(1200); // past the commit delay
  const calls = await page.evaluate(() => window.lmsCalls.map((c) => c[0]));
  assertEqual(calls, ["LMSInitialize"], "nothing after a refused LMSInitialize");
  assert(await page.locator(".notice", { hasText: "plateforme" }).first().isVisible(), "the refusal is shown");

  // "Open in a new window": the LMS page holds the API and opens the package.
  const lms = await context.newPage();
  await lms.goto(base + "index.html?view=about"); // any page of the same host as the LMS
  await lms.evaluate(() => {
    window.opened = [];
    window.API = {
      LMSInitialize: () => (opened.push("LMSInitialize"), "true"), LMSGetValue: () => "", LMSSetValue: (k) => (opened.push(k), "true"),
      LMSCommit: () => "true", LMSGetLastError: () => "0", LMSFinish: () => (opened.push("LMSFinish"), "true"),
    };
  });
  const [popup] = await Promise.all([context.waitForEvent("page"), lms.evaluate((u) => void open(u, "sco"), base + "index.html?view=usages")]);
  await popup.waitForSelector("html[data-ready]");
  await lms.waitForFunction(() => opened.includes("LMSInitialize") && opened.includes("cmi.core.lesson_status"));
  await popup.close({ runBeforeUnload: true });
  await lms.waitForFunction(() => opened.includes("LMSFinish"));
  await context.close();
});

test("without an LMS, or with one that fails, the app carries on", async ({ browser, base }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.API = {
      LMSInitialize: () => "true", LMSGetValue: () => "", LMSSetValue: () => { throw new Error("LMS down"); },
      LMSCommit: () => "false", LMSGetLastError: () => "101", LMSFinish: () => "true",
    };
  });
  await page.goto(base + "index.html?view=usages");
  await page.waitForSelector("html[data-ready]");
  // The LMS code is a chunk fetched once the app is live: the notice comes when it has run.
  await page.locator(".notice", { hasText: "plateforme" }).first().waitFor({ timeout: 10000 });
  assert((await page.textContent("main h1")).length > 3, "app works");
  assertEqual(errors, [], "no page error");
  await context.close();
});

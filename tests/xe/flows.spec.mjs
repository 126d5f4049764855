// Each capability's main flow, written once and run in Chromium, Firefox and WebKit (run.mjs).
// The page API (engines.mjs) is small on purpose: goto, reload, click, type, press, text, eval,
// until, waitFor, upload, frame; newContext() gives a fresh profile.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startServer } from "../server.mjs";
import { assert, assertEqual, DIST, ROOT, PHASE_NAMES } from "../e2e/harness.mjs";

export const flows = [];
const flow = (name, fn, opts = {}) => flows.push({ name, fn, opts });

/** Opens a page of the app and waits until the live app has replaced the prerendered one. */
async function open(page, url) {
  await page.goto(url);
  await page.waitFor("html[data-ready]", { timeout: 20000 });
}
const lang = (page) => page.eval(() => document.documentElement.lang);
const item = (n, level) => `.checklist .item:nth-child(${n}) label.level-${level}`;
const checked = (page, n, level) =>
  page.eval((s) => document.querySelector(s).checked, `.checklist .item:nth-child(${n}) input[value="${level}"]`);
// Activated, the worker serves every navigation from then on; the page itself may stay
// uncontrolled if it loaded while the worker was activating (see e2e harness, workerActivated).
const waitForWorker = (page) =>
  page.until(async () => (await navigator.serviceWorker.ready).active.state === "activated", null, { timeout: 20000 });

flow("the start page goes live with the three phases", async ({ newContext, base }) => {
  const { page } = await newContext();
  await open(page, base);
  const main = await page.text("main");
  for (const name of PHASE_NAMES) assert(main.includes(name), `${name} on the start page`);
  assertEqual(await lang(page), "fr", "French by default");
  assert((await page.eval(() => document.title)).includes("Repères"), "title");
});

flow("a checklist rating and a note are kept across a reload", async ({ newContext, base }) => {
  const { page } = await newContext();
  await open(page, base + "usages/");
  await page.click(item(1, 2));
  await page.click(item(2, 1));
  await page.type(".checklist .item:nth-child(1) textarea", "Clients sur WhatsApp");
  await page.until(() => (localStorage.getItem("reperes") || "").includes("WhatsApp"));
  await page.reload();
  await page.waitFor("html[data-ready]");
  assert(await checked(page, 1, 2), "first rating kept");
  assert(await checked(page, 2, 1), "second rating kept");
  assertEqual(await page.eval(() => document.querySelector(".checklist .item textarea").value), "Clients sur WhatsApp", "note kept");
});

flow("the language switch is kept across a reload and in the links", async ({ newContext, base }) => {
  const { page } = await newContext();
  await open(page, base + "phases/");
  await page.click(".lang-switch button[lang=en]");
  await page.until(() => document.documentElement.lang === "en");
  await page.click(".primary a", "Quiz");
  await page.until(() => location.pathname.endsWith("/quiz/"));
  assertEqual(await lang(page), "en", "kept on another screen");
  assert(!(await page.url()).includes("lang=fr"), `the address does not say otherwise: ${await page.url()}`);
  await page.reload();
  await page.waitFor("html[data-ready]");
  assertEqual(await lang(page), "en", "English after a reload");
  assertEqual(await page.eval(() => document.querySelector(".lang-switch button[lang=en]").getAttribute("aria-pressed")), "true", "the switch shows it");
});

flow("the timeline moves with the keys and a deep link opens its phase", async ({ newContext, base }) => {
  const { page } = await newContext();
  await open(page, base + "phases/");
  const active = () => page.eval(() => document.getElementById("phase-timeline").getAttribute("aria-activedescendant"));
  await page.eval(() => document.getElementById("phase-timeline").focus());
  assertEqual(await active(), "phase-solomo", "first phase active");
  await page.press("ArrowDown");
  assertEqual(await active(), "phase-blolmexr", "ArrowDown");
  await page.press("End");
  assertEqual(await active(), "phase-clodaml", "End");
  await page.press("Home");
  await page.press("ArrowRight");
  await page.press("Enter");
  await page.until(() => location.pathname.endsWith("/phases/blolmexr/"));
  assert((await page.text(".phase-details")).includes("BlolMeXR"), "Enter opens the details");
  assertEqual(await page.eval(() => document.activeElement.id), "phase-timeline", "focus stays on the timeline");
  await page.press("Escape");
  await page.until(() => location.pathname.endsWith("/phases/"));

  await open(page, base + "phases/clodaml/");
  assertEqual(await active(), "phase-clodaml", "the deep link selects its phase");
  assert((await page.text(".phase-details h2")).includes("CloDaML"), "and shows its details");
});

flow("a quiz answer is checked and counted (the quiz opened from the home page, drawn with the screens' style sheet)", async ({ newContext, base }) => {
  const { page } = await newContext();
  // The home page links the base sheet alone; the chunk loader adds the screens' with the quiz.
  await open(page, base);
  const sheets = () => page.eval(() => document.querySelectorAll("link[rel=stylesheet]").length);
  assert((await sheets()) === 1, `home: one style sheet, not ${await sheets()}`);
  await page.click('main a[data-to="quiz"]');
  const q = "fieldset.question:first-of-type";
  await page.waitFor(`${q} label.choice`);
  assert((await page.eval((s) => getComputedStyle(document.querySelector(s)).display, `${q} label.choice`)) === "flex", "the answers styled");
  assert((await sheets()) === 2, "the screens' sheet added");
  assert(await page.eval((s) => document.querySelector(s + " .question-check button").disabled, q), "nothing to check before a choice");
  await page.click(`${q} label.choice`);
  await page.click(`${q} .question-check button`);
  await page.waitFor(`${q} .feedback`);
  assert(/traitées\s*:\s*1\ssur/.test(await page.text("#quiz-score")), `counted: ${await page.text("#quiz-score")}`);
  assert(await page.eval((s) => document.querySelector(s + " input").disabled, q), "locked once checked");
});

flow("a learner's share link read in the class debrief: the figures come with their own code and text, in the language shown", async ({ newContext, base }) => {
  // One profile (WebKitWebDriver holds one session at a time): the trainer reads their own link.
  const { page } = await newContext();
  await open(page, base + "usages/");
  await page.click(item(1, 2));
  await open(page, base + "progress/");
  await page.click("main button", "Créer un lien de partage");
  await page.waitFor("#share-link");
  const link = await page.eval(() => document.querySelector("#share-link").value);
  assert(link.includes("#share="), `a share link: ${link}`);
  await open(page, base + "debrief/");
  await page.eval((t) => {
    const field = document.querySelector("#debrief-input");
    field.value = t;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }, link);
  await page.click("#debrief-read");
  await page.waitFor("#debrief-list-usages-table tbody th", { timeout: 20000 });
  assertEqual((await page.text("#debrief-learners")).trim(), "1 participant compté", "one learner counted");
  const first = (await page.text("#debrief-list-usages-table tbody th")).trim();
  await page.click(".lang-switch button[lang=en]");
  await page.until(() => document.querySelector("#debrief-learners").textContent.includes("learner"), null, { timeout: 20000 });
  const english = (await page.text("#debrief-list-usages-table tbody th")).trim();
  assert(english && english !== first, `the items' names in English: "${english}" (was "${first}")`);
});

flow("export, then import into a fresh profile; a bad file changes nothing", async ({ engine, newContext, defer, base }) => {
  const { page } = await newContext();
  await open(page, base + "takeaways/");
  await page.click(item(1, 1));
  await open(page, base + "progress/");
  // What the export hands to the browser as a file: the Blob behind the download link.
  await page.eval(() => {
    window.__blobs = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (b) => (window.__blobs.push(b), create.call(URL, b));
  });
  await page.click(".tools-panel button, main button", "Export");
  const json = await page.until(async () => window.__blobs.length > 0 && (await window.__blobs[0].text()));
  assert(JSON.parse(json).ratings, "the export has the ratings");
  assert(json.includes("takeaways/"), "and the rating given");

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reperes-xe-"));
  defer(() => fs.rmSync(dir, { recursive: true }));
  const good = path.join(dir, "reperes-progress.json");
  const bad = path.join(dir, "bad.json");
  fs.writeFileSync(good, json);
  fs.writeFileSync(bad, '{"hello":"world"}');
  // WebKitWebDriver holds one session at a time: there, the same profile with its storage
  // emptied stands for a fresh one.
  let p2 = page;
  if (engine === "webkit") await page.eval(() => localStorage.clear());
  else ({ page: p2 } = await newContext());
  await open(p2, base + "progress/");
  await p2.upload("#import-file", bad);
  await p2.waitFor(".error[role=alert]");
  assert(!(await p2.eval(() => localStorage.getItem("reperes") || "")).includes("takeaways/"), "a bad file changes nothing");
  await p2.upload("#import-file", good);
  await p2.until(() => (localStorage.getItem("reperes") || "").includes("takeaways/"));
  await open(p2, base + "takeaways/");
  assert(await checked(p2, 1, 1), "the imported rating shows");
});

flow("after one visit the app works offline, on a screen never opened", async ({ newContext, defer }) => {
  const server = await startServer({ root: DIST });
  defer(() => server.close());
  const { page } = await newContext();
  await open(page, server.url);
  await waitForWorker(page);
  await server.close(); // nothing answers any more: the worker serves every file
  await open(page, server.url + "usages/?lang=en");
  assertEqual(await lang(page), "en", "the screen in the language asked");
  assert((await page.text("main h1")).trim().length > 3, "its heading");
  await open(page, server.url + "phases/solomo/");
  assert((await page.text(".phase-details")).includes("SoLoMo"), "a deep link offline");
  await page.click(".lang-switch button[lang=en]");
  await page.until(() => document.documentElement.lang === "en");
}, { allowErrors: /Failed to load resource|NetworkError|net::ERR_CONNECTION_REFUSED/ });

// The parent pages name an empty icon: otherwise browsers ask for /favicon.ico, a 404 that is not the app's.
const parentPage = (src) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,"></head><body>
<h1>Course page</h1><iframe data-reperes id="f" title="Repères" src="${src}" style="width:100%;border:0;height:100px"></iframe>
<script>window.messages=[];addEventListener("message",e=>messages.push({origin:e.origin,data:e.data}));</script>
<script src="${new URL("../embed.js", src).href}"></script></body></html>`;

flow("?embed=1 in a cross-site frame: no site chrome, resized, works whether storage is partitioned or blocked", async ({ newContext, defer, base }) => {
  // The parent is on "localhost", the app on "127.0.0.1": two sites. Chromium and WebKit block or
  // partition the frame's storage, Firefox partitions it: either way the app works.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "reperes-parent-"));
  defer(() => fs.rmSync(tmp, { recursive: true }));
  fs.writeFileSync(path.join(tmp, "index.html"), parentPage(new URL("usages/?embed=1&lang=en", base).href));
  const parent = await startServer({ root: tmp, host: "localhost" });
  defer(() => parent.close());
  const { page } = await newContext();
  await page.goto(parent.url);
  const frame = page.frame("#f");
  await frame.waitFor("html[data-ready]", { timeout: 20000 });
  assertEqual(await frame.eval(() => document.querySelectorAll(".site-header").length), 0, "no site chrome in embed mode");
  assertEqual(await frame.eval(() => document.documentElement.lang), "en", "?lang=en in the frame");
  await page.until(() => messages.some((m) => m.data.type === "height") && parseInt(document.getElementById("f").style.height) > 300);
  await page.until(() => messages.some((m) => m.data.type === "progress" && m.data.version === 1));
  await frame.click(item(1, 2));
  assert(await checked(frame, 1, 2), "a rating works in the frame");
  const storage = await frame.eval(() => {
    try {
      return localStorage.getItem("reperes") ? "kept" : "empty";
    } catch {
      return "blocked";
    }
  });
  const notice = await frame.eval(() => document.querySelector(".notices")?.textContent || "");
  if (storage === "blocked") assert(/storage blocked|stockage bloqué/i.test(notice), `blocked storage is said: ${notice}`);
  else assertEqual(storage, "kept", "partitioned storage keeps the rating");
  // The parent's language message is obeyed.
  await page.eval(() => document.getElementById("f").contentWindow.postMessage({ source: "reperes-host", version: 1, type: "set-lang", lang: "fr" }, "*"));
  await frame.until(() => document.documentElement.lang === "fr");
});

function unzipPackage() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "reperes-xe-scorm-"));
  execFileSync("python3", [path.join(ROOT, "scripts/package.py"), DIST, out, "scorm12"]);
  const zip = path.join(out, "reperes-scorm12.zip");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reperes-lms-"));
  const pkg = path.join(dir, "pluginfile.php/123/mod_scorm/content/4");
  fs.mkdirSync(pkg, { recursive: true });
  execFileSync("python3", ["-c", "import zipfile,sys;zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", zip, pkg]);
  fs.rmSync(out, { recursive: true });
  fs.copyFileSync(path.join(ROOT, "node_modules/scorm-again/dist/scorm12.js"), path.join(dir, "scorm12.js"));
  return dir;
}

flow("SCORM 1.2 in an LMS frame with scorm-again: initialise, status, score, suspend data, finish", async ({ newContext, defer }) => {
  const dir = unzipPackage();
  defer(() => fs.rmSync(dir, { recursive: true }));
  fs.writeFileSync(path.join(dir, "lms.html"), `<!doctype html><html><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,"><script src="/scorm12.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  window.calls = [];
  for (const n of ["LMSInitialize", "LMSCommit", "LMSFinish", "LMSSetValue"]) API.on(n, (k, v) => calls.push([n, k, v]));
</script></head><body><iframe id="sco" title="SCO" style="width:100%;height:600px" src="/pluginfile.php/123/mod_scorm/content/4/index.html"></iframe></body></html>`);
  const server = await startServer({ root: dir });
  defer(() => server.close());
  const { page } = await newContext();
  await page.goto(server.url + "lms.html");
  const sco = page.frame("#sco");
  await sco.waitFor("html[data-ready]", { timeout: 20000 });
  await page.until(() => calls.some((c) => c[0] === "LMSInitialize") && calls.some((c) => c[0] === "LMSCommit"));
  await sco.click(".primary a", "Quiz");
  await sco.waitFor("fieldset.question");
  await sco.click("fieldset.question:first-of-type label.choice");
  await sco.click("fieldset.question:first-of-type .question-check button");
  await sco.waitFor("fieldset.question:first-of-type .feedback");
  // The feedback took focus further down: back to the menu at the top, as a learner scrolls up
  // (WebKitWebDriver does not scroll a frame's document to reach an element).
  await sco.eval(() => scrollTo(0, 0));
  await sco.click(".primary a", "Phases");
  await page.until(() => /^\d+$/.test(String(API.cmi.core.score.raw)) && API.cmi.core.lesson_location.startsWith("phases"));
  const cmi = await page.eval(() => ({ s: API.cmi.core.lesson_status, data: API.cmi.suspend_data, loc: API.cmi.core.lesson_location }));
  assertEqual(cmi.s, "incomplete", "status while not every screen is seen");
  assert(cmi.data.startsWith("R1.") && cmi.data.length < 4096, `suspend_data ${cmi.data.length} chars`);
  assert(cmi.loc.startsWith("phases"), `location ${cmi.loc}`);
  await page.eval(() => document.getElementById("sco").remove());
  await page.until(() => calls.some((c) => c[0] === "LMSFinish"));
  const set = await page.eval(() => Object.fromEntries(calls.filter((c) => c[0] === "LMSSetValue").map((c) => [c[1], c[2]])));
  assertEqual(set["cmi.core.exit"], "suspend", "not completed: suspended, to resume");
  assert(/^\d{4}:\d{2}:\d{2}$/.test(set["cmi.core.session_time"]), `session time ${set["cmi.core.session_time"]}`);
});

flow("presenter mode: opens on the current framework, keys move, Escape leaves and gives focus back", async ({ newContext, base }) => {
  const { page } = await newContext({ viewport: { width: 1920, height: 1080 } });
  await open(page, base + "usages/");
  await page.click("#present-button");
  await page.waitFor(".presenter h2");
  const first = await page.text(".presenter h2");
  assert(first.includes("usages"), `starts at the current framework: ${first}`);
  await page.until(() => !!document.activeElement.closest(".presenter"));
  await page.press("PageDown");
  await page.until((f) => document.querySelector(".presenter h2").textContent !== f, first);
  await page.press("ArrowLeft");
  await page.until((f) => document.querySelector(".presenter h2").textContent === f, first);
  const size = await page.eval(() => parseFloat(getComputedStyle(document.querySelector(".presenter h2")).fontSize));
  assert(size >= 36, `large type: ${size}px`);
  await page.press("Escape");
  await page.waitFor(".presenter", { gone: true });
  await page.until(() => document.activeElement.id === "present-button");
});

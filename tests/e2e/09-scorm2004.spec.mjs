// SCORM 2004 4th edition: the package served at a deep Moodle-like path, with no fallback, in a
// parent page whose API_1484_11 is scorm-again's Scorm2004API (a real runtime, which checks
// element names, types and ranges).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startServer } from "../server.mjs";
import { test, assert, assertEqual, DIST, ROOT } from "./harness.mjs";

const DEEP = "pluginfile.php/77/mod_scorm/content/9/";

function unpack() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reperes-lms2004-"));
  execFileSync("python3", [path.join(ROOT, "scripts/package.py"), DIST, dir, "scorm2004"]);
  const pkg = path.join(dir, DEEP);
  fs.mkdirSync(pkg, { recursive: true });
  execFileSync("python3", ["-c", "import zipfile,sys;zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", path.join(dir, "reperes-scorm2004.zip"), pkg]);
  fs.copyFileSync(path.join(ROOT, "node_modules/scorm-again/dist/scorm2004.js"), path.join(dir, "scorm2004.js"));
  return { dir, pkg };
}

/** The right choice of the first question, read from the content (the quiz lists questions in content order). */
function firstAnswer() {
  const py = "import tomllib,glob;print([q['answer'] for f in sorted(glob.glob('content/articles/*.toml')) for q in tomllib.load(open(f,'rb')).get('question',[])][0])";
  return Number(execFileSync("python3", ["-c", py], { cwd: ROOT }).toString());
}

const lmsPage = (name, dir, saved) => {
  fs.writeFileSync(path.join(dir, name), `<!doctype html><html><head><meta charset="utf-8"><title>Moodle</title><script src="/scorm2004.js"></script>
<script>
  window.API_1484_11 = new Scorm2004API({ autocommit: false, logLevel: 5 });
  window.calls = [];
  for (const n of ["Initialize", "Commit", "Terminate", "SetValue"]) API_1484_11.on(n, (k, v) => calls.push([n, k, v]));
  ${saved ? `API_1484_11.loadFromJSON(${JSON.stringify(saved)});` : ""}
</script></head><body><iframe id="sco" title="SCO" style="width:100%;height:600px" src="/${DEEP}index.html"></iframe></body></html>`);
  return name;
};

test("SCORM 2004 manifest: 4th edition, one SCO, content sets completion and success, every file listed", async ({ page }) => {
  const { dir, pkg } = unpack();
  const xml = fs.readFileSync(path.join(pkg, "imsmanifest.xml"), "utf8");
  const doc = await page.evaluate((x) => {
    const d = new DOMParser().parseFromString(x, "application/xml");
    if (d.querySelector("parsererror")) return null;
    const ns = (el) => el.namespaceURI;
    const all = (local) => [...d.getElementsByTagNameNS("*", local)];
    return {
      root: ns(d.documentElement),
      schema: all("schema")[0]?.textContent,
      version: all("schemaversion")[0]?.textContent,
      scos: all("resource").map((r) => r.getAttributeNS("http://www.adlnet.org/xsd/adlcp_v1p3", "scormType")),
      delivery: all("deliveryControls").map((e) => [ns(e), e.getAttribute("completionSetByContent"), e.getAttribute("objectiveSetByContent")]),
      files: all("file").map((f) => f.getAttribute("href")),
      orgs: all("organization").length,
    };
  }, xml);
  assert(doc, "well-formed XML");
  assertEqual(doc.root, "http://www.imsglobal.org/xsd/imscp_v1p1", "4th-edition content packaging namespace");
  assertEqual([doc.schema, doc.version], ["ADL SCORM", "2004 4th Edition"]);
  assertEqual(doc.scos, ["sco"], "one resource, a SCO");
  assertEqual(doc.orgs, 1);
  assertEqual(doc.delivery, [["http://www.imsglobal.org/xsd/imsss", "true", "true"]], "completion and success set by content");
  const inZip = execFileSync("python3", ["-c", "import zipfile,sys;print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", path.join(dir, "reperes-scorm2004.zip")])
    .toString().trim().split("\n").filter((f) => f !== "imsmanifest.xml").sort();
  assertEqual([...doc.files].sort(), inZip, "every file of the package is listed, and only those");
  fs.rmSync(dir, { recursive: true });
});

test("SCORM 2004 with scorm-again: initialise, progress, score, success, notes in suspend data, location, resume, language, terminate", async ({ browser }) => {
  const { dir } = unpack();
  const server = await startServer({ root: dir });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const api = (f) => page.evaluate(f);
  await page.goto(server.url + lmsPage("s1.html", dir, { scaled_passing_score: "0.02" }));
  const frame = page.frameLocator("#sco");
  await frame.locator("html[data-ready]").waitFor();
  await page.waitForFunction(() => calls.some((c) => c[0] === "Initialize") && calls.some((c) => c[0] === "Commit"));
  let cmi = await api(() => ({ ...JSON.parse(JSON.stringify(API_1484_11.cmi)) }));
  assertEqual(cmi.completion_status, "incomplete", "incomplete at start");
  assertEqual(cmi.progress_measure, "0", "nothing visited yet");
  assertEqual([cmi.score.scaled, cmi.score.raw, cmi.success_status], ["", "", "unknown"], "no score or success before an answer");
  assertEqual(await frame.locator("html").getAttribute("lang"), "fr", "no LMS language: French");

  // A framework screen, a note, the first question answered right.
  await frame.locator('.site-menu nav a[href*="usages"]').first().evaluate((a) => a.click());
  const note = "Note pour la plateforme : « à revoir »";
  await frame.locator(".checklist .item textarea").first().fill(note);
  await frame.locator(".primary a", { hasText: "Quiz" }).click();
  const q = frame.locator("fieldset.question").first();
  await q.locator("input").nth(firstAnswer()).check();
  await q.getByRole("button", { name: "Vérifier ma réponse" }).click();
  await page.waitForFunction(() => API_1484_11.cmi.score.scaled !== "" && API_1484_11.cmi.location === "quiz", null, { timeout: 10000 });
  cmi = await api(() => JSON.parse(JSON.stringify(API_1484_11.cmi)));
  assert(Number(cmi.progress_measure) > 0 && Number(cmi.progress_measure) < 1, `progress ${cmi.progress_measure}`);
  assertEqual(cmi.score.min, "0");
  assertEqual(cmi.score.max, "100");
  assert(Math.abs(Number(cmi.score.scaled) * 100 - Number(cmi.score.raw)) < 1, `scaled ${cmi.score.scaled} vs raw ${cmi.score.raw}`);
  assert(Number(cmi.score.scaled) > 0, "one right answer");
  assertEqual(cmi.success_status, "passed", "scaled score above the LMS's passing score 0.02");
  assert(cmi.suspend_data.includes("à revoir"), "the note travels in the suspend data");
  assert(cmi.suspend_data.length <= 64000);
  // Hidden page: a commit, with exit and session time set already.
  const commits = await api(() => calls.filter((c) => c[0] === "Commit").length);
  await frame.locator("html").evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await page.waitForFunction((n) => calls.filter((c) => c[0] === "Commit").length > n, commits);
  // cmi.exit is write-only: read what was set.
  assertEqual(await api(() => calls.filter((c) => c[0] === "SetValue" && c[1] === "cmi.exit").at(-1)?.[2]), "suspend", "suspend until completed");
  await frame.locator("html").evaluate(() => delete document.visibilityState);

  // Every framework screen: completed.
  const hrefs = await frame.locator(".site-menu nav a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const href of hrefs.filter((h) => !/compare|sources|about/.test(h))) {
    await frame.locator(`.site-menu nav a[href="${href}"]`).first().evaluate((a) => a.click());
  }
  await page.waitForFunction(() => API_1484_11.cmi.completion_status === "completed", null, { timeout: 10000 });
  assertEqual(await api(() => API_1484_11.cmi.progress_measure), "1");
  await frame.locator(".site-menu nav a[href*=usages]").first().evaluate((a) => a.click());
  await page.waitForFunction(() => API_1484_11.cmi.location === "usages", null, { timeout: 10000 });
  const saved = await api(() => ({ suspend_data: API_1484_11.cmi.suspend_data, location: API_1484_11.cmi.location }));

  // Leave: terminate with exit normal (completed) and an ISO 8601 session time.
  await page.evaluate(() => document.getElementById("sco").remove());
  await page.waitForFunction(() => calls.some((c) => c[0] === "Terminate"));
  const set = await api(() => Object.fromEntries(calls.filter((c) => c[0] === "SetValue").map((c) => [c[1], c[2]])));
  assertEqual(set["cmi.exit"], "normal", "completed: normal exit");
  assert(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/.test(set["cmi.session_time"]) && set["cmi.session_time"] !== "PT", `session time ${set["cmi.session_time"]}`);
  assertEqual(await api(() => API_1484_11.lastErrorCode), "0", "the runtime accepted every call");

  // Second session, on another computer (fresh storage): resume where it was, notes included,
  // in the LMS's language.
  const context2 = await browser.newContext();
  const page2 = await context2.newPage();
  page2.on("pageerror", (e) => errors.push(e.message));
  await page2.goto(server.url + lmsPage("s2.html", dir, { ...saved, entry: "resume", learner_preference: { language: "en-GB" } }));
  const frame2 = page2.frameLocator("#sco");
  await frame2.locator("html[data-ready]").waitFor();
  await frame2.locator("html[lang=en]").waitFor();
  await frame2.locator("main h1", { hasText: /usage/i }).waitFor();
  assertEqual(await frame2.locator(".checklist .item textarea").first().inputValue(), note, "the note came back");
  await frame2.locator('.primary a[href*="progress"]').first().click();
  await frame2.locator(".visited-list").waitFor(); // the progress screen's code and text come first
  assert((await frame2.locator(".visited-list li.seen").count()) >= 20, "visits restored");
  // The learner's own choice of language wins over the LMS's next time.
  await frame2.locator(".lang-switch button[lang=fr]").first().evaluate((b) => b.click());
  await page2.waitForTimeout(300);
  await page2.goto(server.url + lmsPage("s3.html", dir, { ...saved, learner_preference: { language: "en" } }));
  await frame2.locator("html[data-ready]").waitFor();
  await page2.waitForFunction(() => calls.some((c) => c[0] === "Commit"));
  assertEqual(await frame2.locator("html").getAttribute("lang"), "fr", "the learner chose French");
  assertEqual(errors, [], "no page error");
  await server.close();
  await context.close();
  await context2.close();
  fs.rmSync(dir, { recursive: true });
});

test("SCORM 2004: a failing LMS leaves the app working; a refused Initialize stops all calls", async ({ browser }) => {
  const { dir } = unpack();
  const failing = (refuse) => `<!doctype html><html><head><meta charset="utf-8"><title>LMS</title><script>
  window.calls = [];
  const log = (n, v) => (...a) => (calls.push([n, ...a]), v);
  window.API_1484_11 = {
    Initialize: log("Initialize", ${refuse ? '"false"' : '"true"'}), GetValue: log("GetValue", ""),
    SetValue: (...a) => { calls.push(["SetValue", ...a]); throw new Error("LMS down"); },
    Commit: log("Commit", "false"), GetLastError: () => "391", GetErrorString: () => "General Commit Failure",
    GetDiagnostic: () => "", Terminate: log("Terminate", "true"),
  };
</script></head><body><iframe id="sco" title="SCO" style="width:100%;height:600px" src="/${DEEP}index.html?view=usages"></iframe></body></html>`;
  fs.writeFileSync(path.join(dir, "fail.html"), failing(false));
  fs.writeFileSync(path.join(dir, "refuse.html"), failing(true));
  const server = await startServer({ root: dir });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url + "fail.html");
  const frame = page.frameLocator("#sco");
  await frame.locator("html[data-ready]").waitFor();
  await frame.locator(".notice", { hasText: "plateforme" }).first().waitFor();
  await frame.locator(".checklist .item").first().getByLabel("En place").check();
  assert(await frame.locator(".checklist .item").first().getByLabel("En place").isChecked(), "the learner keeps working");
  await page.reload();
  await frame.locator("html[data-ready]").waitFor();
  assert(await frame.locator(".checklist .item").first().getByLabel("En place").isChecked(), "kept in the browser");

  await page.goto(server.url + "refuse.html");
  await frame.locator("html[data-ready]").waitFor();
  await frame.locator(".checklist .item").nth(1).getByLabel("En place").check();
  await page.waitForTimeout(1200); // past the commit delay
  assertEqual(await page.evaluate(() => calls.map((c) => c[0])), ["Initialize"], "nothing after a refused Initialize");
  assert(await frame.locator(".notice", { hasText: "plateforme" }).first().isVisible(), "the refusal is shown");
  assertEqual(errors, [], "no page error");
  await server.close();
  await context.close();
  fs.rmSync(dir, { recursive: true });
});

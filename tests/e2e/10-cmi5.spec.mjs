// cmi5 against a real LRS (Ralph, tests/lrs.mjs). The test plays the LMS: it packages
// reperes-cmi5.zip (its pages' connect-src widened to the LMS's origin), serves it on one origin,
// and on another serves the launch's fetch URL, the LMS.LaunchData state and the learner
// preferences (Ralph serves statements only), passing statements through to Ralph. Statements are
// read back from Ralph, checked against the cmi5 rules and validated as xAPI (xapi-validation).
// The package's cmi5.xml is checked too (one AU, a relative launch URL, a moveOn).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { startServer } from "../server.mjs";
import { startRalph, USER, PASSWORD } from "../lrs.mjs";
import { test, assert, assertEqual, DIST, ROOT } from "./harness.mjs";

const validate = createRequire(import.meta.url)("xapi-validation").default;
const AU = "https://w3id.org/xapi/reperes/au";
const ACTOR = { objectType: "Agent", account: { homePage: "http://lms.example", name: "learner-42" }, name: "Camille" };
const CAT_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
const CAT_MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
const SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";

/** The LMS side: fetch (once per launch), LaunchData, preferences, statements passed to Ralph. */
function startLms(lrs) {
  const launches = new Map(); // fetch key → { data, used, token }
  const lms = { launches, statements: "pass", lang: null };
  const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Experience-API-Version", "Access-Control-Allow-Methods": "GET, PUT, POST, OPTIONS" };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    (lms.log ??= []).push(`${req.method} ${url.pathname}`);
    const send = (status, body, type = "application/json") => {
      res.writeHead(status, { ...cors, "Content-Type": type });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    if (req.method === "OPTIONS") return send(204, "");
    const chunks = [];
    try {
      for await (const c of req) chunks.push(c);
    } catch {
      return; // the page went away mid-request (ECONNRESET): nobody is left to answer
    }
    const body = Buffer.concat(chunks).toString();
    if (url.pathname === "/fetch") {
      const l = launches.get(url.searchParams.get("k"));
      if (!l || l.used || l.refuse) return send(200, { "error-code": "1", "error-text": "this fetch URL has been used" });
      l.used = true;
      return send(200, { "auth-token": l.token ?? Buffer.from(`${USER}:${PASSWORD}`).toString("base64") });
    }
    if (url.pathname === "/xapi/activities/state") {
      const reg = url.searchParams.get("registration");
      // The LMS rewrites LaunchData at each launch (new session id): the latest for the registration.
      const l = [...launches.values()].filter((l) => l.registration === reg && url.searchParams.get("stateId") === "LMS.LaunchData").at(-1);
      return l ? send(200, l.data) : send(404, { error: "no state" });
    }
    if (url.pathname === "/xapi/agents/profile") {
      return lms.lang ? send(200, { languagePreference: lms.lang, audioPreference: "on" }) : send(404, {});
    }
    if (url.pathname === "/xapi/statements" && req.method === "PUT") {
      if (lms.statements === "hang") return; // never answers: the AU's timeout
      try {
        const r = await fetch(`${lrs.url}xAPI/statements?${url.searchParams}`, {
          method: "PUT",
          body,
          headers: { Authorization: req.headers.authorization ?? "", "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" },
        });
        return send(r.status, await r.text());
      } catch {
        return send(502, { error: "LRS unreachable" });
      }
    }
    if (url.pathname === "/return") return send(200, "<!doctype html><title>LMS</title><h1>Back in the LMS</h1>", "text/html");
    send(404, {});
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      lms.origin = `http://localhost:${server.address().port}`;
      lms.close = () => new Promise((r) => (server.close(r), server.closeAllConnections()));
      resolve(lms);
    }),
  );
}

/** A launch URL for a new session; registration and LaunchData as given. */
function launchUrl(app, lms, { registration, mode = "Normal", mastery, refuse = false, token } = {}) {
  const k = crypto.randomUUID();
  const session = crypto.randomUUID();
  const data = {
    contextTemplate: { contextActivities: { grouping: [{ objectType: "Activity", id: AU }] }, extensions: { [SESSION]: session } },
    launchMode: mode,
    moveOn: "Completed",
    returnURL: `${lms.origin}/return`,
    ...(mastery !== undefined ? { masteryScore: mastery } : {}),
  };
  lms.launches.set(k, { registration, data, refuse, token });
  const q = new URLSearchParams({ endpoint: `${lms.origin}/xapi/`, fetch: `${lms.origin}/fetch?k=${k}`, actor: JSON.stringify(ACTOR), registration, activityId: AU });
  return { url: `${app}index.html?${q}`, session };
}

function unpack(lmsOrigin) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reperes-cmi5-"));
  execFileSync("python3", [path.join(ROOT, "scripts/package.py"), DIST, dir, "cmi5"], { env: { ...process.env, REPERES_LRS_ORIGINS: lmsOrigin } });
  const pkg = path.join(dir, "course/au1/");
  fs.mkdirSync(pkg, { recursive: true });
  execFileSync("python3", ["-c", "import zipfile,sys;zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", path.join(dir, "reperes-cmi5.zip"), pkg]);
  return { dir, pkg };
}

const verbs = (sts) => sts.map((s) => s.verb.id.split("/").pop());

/** The stored statement queues, one per launch (registration, activity, endpoint), by key. */
const queues = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("reperes.cmi5.queue")).map((k) => [k, localStorage.getItem(k)])));

function checkStatements(sts, { registration, sessions }) {
  for (const s of sts) {
    assertEqual(validate(s).map((w) => `${w.path.join(".")}: ${w.name}`), [], `xAPI-valid ${s.verb.id}`);
    assertEqual(s.context.registration, registration, "registration");
    const cats = s.context.contextActivities.category.map((c) => c.id);
    assert(cats.includes(CAT_CMI5), "cmi5 category");
    const moves = ["completed", "passed", "failed"].includes(s.verb.id.split("/").pop());
    assertEqual(cats.includes(CAT_MOVEON), moves, `moveon category on ${s.verb.id}`);
    assert(sessions.includes(s.context.extensions[SESSION]), "session id from the context template");
    assertEqual(s.context.contextActivities.grouping[0].id, AU, "the rest of the context template kept");
    assertEqual(s.object.id, AU);
    if (s.verb.id.endsWith("initialized")) assertEqual(s.result, undefined);
    else assert(/^PT/.test(s.result.duration), `duration on ${s.verb.id}`);
  }
  const ids = sts.map((s) => s.id);
  assertEqual(new Set(ids).size, ids.length, "no statement twice");
}

async function visitAllFrameworks(page) {
  const hrefs = await page.locator(".site-menu nav a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  // The menu names some screens twice (the phases among the screens and among the frameworks).
  for (const href of [...new Set(hrefs)].filter((h) => !/compare|sources|about/.test(h))) {
    await page.locator(`.site-menu nav a[href="${href}"]`).first().evaluate((a) => a.click());
  }
}

function firstAnswer() {
  const py = "import tomllib,glob;print([q['answer'] for f in sorted(glob.glob('content/articles/*.toml')) for q in tomllib.load(open(f,'rb')).get('question',[])][0])";
  return Number(execFileSync("python3", ["-c", py], { cwd: ROOT }).toString());
}

async function answerFirstRight(page) {
  await page.locator('.primary a[href*="quiz"]').first().evaluate((a) => a.click());
  const q = page.locator("fieldset.question").first();
  await q.locator("input").nth(firstAnswer()).check();
  await q.locator("button[type=button], button").filter({ hasText: /Vérifier|Check/ }).first().click();
}

async function until(f, what, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test("cmi5 course structure: well-formed cmi5.xml, the CourseStructure namespace, one AU at a relative URL, a moveOn", async ({ page }) => {
  const { dir, pkg } = unpack("https:");
  try {
    const xml = fs.readFileSync(path.join(pkg, "cmi5.xml"), "utf8");
    const NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
    const doc = await page.evaluate(
      ([x, NS]) => {
        const d = new DOMParser().parseFromString(x, "application/xml");
        if (d.getElementsByTagName("parsererror").length) return null;
        const children = (el, local) => [...el.children].filter((c) => c.namespaceURI === NS && c.localName === local);
        const langs = (el) => Object.fromEntries(children(el, "langstring").map((l) => [l.getAttribute("lang"), l.textContent]));
        const aus = [...d.getElementsByTagNameNS("*", "au")];
        const course = d.getElementsByTagNameNS(NS, "course")[0];
        return {
          root: [d.documentElement.namespaceURI, d.documentElement.localName],
          aus: aus.map((a) => ({
            ns: a.namespaceURI,
            id: a.getAttribute("id"),
            moveOn: a.getAttribute("moveOn"),
            urls: children(a, "url").map((u) => u.textContent.trim()),
          })),
          title: course ? langs(children(course, "title")[0]) : null,
        };
      },
      [xml, NS],
    );
    assert(doc, "well-formed XML");
    assertEqual(doc.root, [NS, "courseStructure"], "the cmi5 CourseStructure namespace");
    assertEqual(doc.aus.length, 1, "exactly one AU");
    const [au] = doc.aus;
    assertEqual([au.ns, au.id], [NS, AU], "the AU, with the id the launches use");
    assertEqual(au.urls.length, 1, "one launch URL");
    const url = au.urls[0];
    assert(url && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("/") && !url.startsWith("//"), `a relative launch URL: ${url}`);
    assert(fs.existsSync(path.join(pkg, url.split(/[?#]/)[0])), `the launch URL is a file of the package: ${url}`);
    assert(["Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable"].includes(au.moveOn), `a moveOn: ${au.moveOn}`);
    const name = JSON.parse(execFileSync("python3", ["-c", "import tomllib,json;print(json.dumps(tomllib.load(open('content/ui.toml','rb'))['app_name']))"], { cwd: ROOT }).toString());
    assertEqual(doc.title, { fr: name.fr, en: name.en }, "the course title is the app's name from content/ui.toml");
    // Its pages differ from dist/ (their CSP lets the LRS in): the worker's list must give their
    // hashes as packaged, or the browser refuses them and the course never works offline.
    const files = JSON.parse(fs.readFileSync(path.join(pkg, "sw.js"), "utf8").match(/const FILES = (\[.*\]);/)[1]);
    const wrong = files.filter(([file, hash, from = file]) => "sha256-" + crypto.createHash("sha256").update(fs.readFileSync(path.join(pkg, from))).digest("base64") !== hash);
    assertEqual(wrong.map(([f]) => f), [], "every file the worker precaches matches its hash in the package");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("cmi5 with Ralph: Normal launch with a mastery score, second launch resumes, Browse, Review, no mastery", async ({ browser }) => {
  await withCourse(browser, async ({ lrs, lms, page, errors, base }) => {
    // Normal, mastery 0.02 (one right answer of 42 passes), learner prefers English.
    const reg = crypto.randomUUID();
    lms.lang = "de-DE,en-US";
    const s1 = launchUrl(base, lms, { registration: reg, mastery: 0.02 });
    await page.goto(s1.url);
    await page.locator("html[data-ready]").waitFor();
    await page.locator("html[lang=en]").waitFor();
    await until(async () => verbs(await lrs.statements(reg)).includes("initialized"), "initialized");
    await visitAllFrameworks(page);
    await until(async () => verbs(await lrs.statements(reg)).includes("completed"), "completed").catch(async (e) => {
      const state = [await queues(page), ...(await page.evaluate(() => [localStorage.getItem("reperes.cmi5.sent"), location.href, JSON.parse(localStorage.getItem("reperes") || "{}").visited]))];
      throw new Error(`${e.message}: ${JSON.stringify({ state, errors, statements: verbs(await lrs.statements(reg)) })}`);
    });
    await answerFirstRight(page);
    await until(async () => verbs(await lrs.statements(reg)).includes("passed"), "passed");
    await page.getByRole("button", { name: "Leave the module" }).click();
    await page.waitForURL(`${lms.origin}/return`);
    let sts = await lrs.statements(reg);
    assertEqual(verbs(sts), ["initialized", "completed", "passed", "terminated"], "one session's statements, in order");
    const passed = sts.find((s) => s.verb.id.endsWith("passed"));
    assertEqual(passed.result.success, true);
    assert(passed.result.score.scaled >= 0.02, `scaled ${passed.result.score.scaled}`);
    assertEqual(passed.context.extensions["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"], 0.02);
    assertEqual(sts.find((s) => s.verb.id.endsWith("completed")).result.completion, true);
    checkStatements(sts, { registration: reg, sessions: [s1.session] });

    // Second launch, same registration: progress resumes, no second completed or passed.
    lms.lang = null;
    const s2 = launchUrl(base, lms, { registration: reg, mastery: 0.02 });
    await page.goto(s2.url);
    await page.locator("html[data-ready]").waitFor();
    await until(async () => verbs(await lrs.statements(reg)).length === 5, "second initialized");
    await page.locator('.primary a[href*="progress"]').first().evaluate((a) => a.click());
    await page.locator(".visited-list").waitFor(); // the progress screen's code comes first
    assert((await page.locator(".visited-list li.seen").count()) >= 20, "visits kept from the first launch");
    await page.getByRole("button", { name: /Leave the module|Quitter le module/ }).click();
    await page.waitForURL(`${lms.origin}/return`);
    sts = await lrs.statements(reg);
    assertEqual(verbs(sts), ["initialized", "completed", "passed", "terminated", "initialized", "terminated"]);
    checkStatements(sts, { registration: reg, sessions: [s1.session, s2.session] });

    // Browse and Review: no completed, passed or failed, whatever the learner does.
    for (const mode of ["Browse", "Review"]) {
      const r = crypto.randomUUID();
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      const s = launchUrl(base, lms, { registration: r, mode, mastery: 0.02 });
      await p.goto(s.url);
      await p.locator("html[data-ready]").waitFor();
      await visitAllFrameworks(p);
      await answerFirstRight(p);
      await p.waitForTimeout(1500);
      await p.getByRole("button", { name: /Quitter le module|Leave the module/ }).click();
      await p.waitForURL(`${lms.origin}/return`);
      const got = await lrs.statements(r);
      assertEqual(verbs(got), ["initialized", "terminated"], `${mode}: nothing that moves on`);
      checkStatements(got, { registration: r, sessions: [s.session] });
      await ctx.close();
    }

    // Normal without a mastery score: completed, never passed or failed.
    {
      const r = crypto.randomUUID();
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      await p.goto(launchUrl(base, lms, { registration: r }).url);
      await p.locator("html[data-ready]").waitFor();
      await answerFirstRight(p);
      await visitAllFrameworks(p);
      await until(async () => verbs(await lrs.statements(r)).includes("completed"), "completed without mastery");
      await p.waitForTimeout(1500);
      assertEqual(verbs(await lrs.statements(r)), ["initialized", "completed"], "no passed without a mastery score");
      await ctx.close();
    }
    assertEqual(errors, [], "no page error");
  });
});

test("cmi5 with Ralph: LRS down and back, 401, refused token, timeout: local progress, one notice, queued once", async ({ browser }) => {
  const lrs = await startRalph();
  const lms = await startLms(lrs);
  const { dir } = unpack("http://localhost:*");
  const app = await startServer({ root: dir, prefix: "/" });
  const base = app.url + "course/au1/";
  const notice = (p) => p.locator(".notice", { hasText: "ne reçoit pas" });
  const refusedNotice = (p) => p.locator(".notice", { hasText: "connexion refusée" });
  try {
    // The LRS goes down after the launch: statements wait, the learner carries on.
    const reg = crypto.randomUUID();
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // A queue left by an older version, one for every launch: what this launch made would be
    // taken, another registration's stays for its own launch, an unreadable entry goes.
    const other = { id: crypto.randomUUID(), s: JSON.stringify({ object: { id: AU }, context: { registration: crypto.randomUUID() } }) };
    await page.goto(app.url + "seed"); // the app's origin, not the app
    await page.evaluate((old) => localStorage.setItem("reperes.cmi5.queue", JSON.stringify(old)), [other, { id: "x", s: "not json" }]);
    const launch = launchUrl(base, lms, { registration: reg });
    await page.goto(launch.url);
    await page.locator("html[data-ready]").waitFor();
    await until(async () => verbs(await lrs.statements(reg)).includes("initialized"), "initialized");
    assertEqual(JSON.parse((await queues(page))["reperes.cmi5.queue"]), [other], "the old queue keeps only another launch's statement");
    await lrs.stop();
    await visitAllFrameworks(page);
    await notice(page).waitFor({ timeout: 20000 }).catch(async (e) => {
      const state = [JSON.stringify(await queues(page)), ...(await page.evaluate(() => [localStorage.getItem("reperes.cmi5.sent"), document.querySelector(".notices")?.textContent]))];
      throw new Error(`${e.message}: ${JSON.stringify([state[2], state[1], state[0].length, lms.log.slice(-8)])}`);
    });
    assertEqual(await notice(page).count(), 1, "one notice");
    const stored = await queues(page);
    const mine = Object.keys(stored).filter((k) => k !== "reperes.cmi5.queue");
    assertEqual(mine, [`reperes.cmi5.queue:${reg} ${AU} ${lms.origin}/xapi/`], "the queue is this launch's own (registration, activity, endpoint)");
    const queued = JSON.parse(stored[mine[0]]);
    assertEqual(queued.length, 1, "completed waits in the stored queue");
    assert(/^[0-9a-f-]{36}$/.test(queued[0].id) && JSON.parse(queued[0].s).id === queued[0].id, "stored with its id");
    // Dismissed, the notice stays dismissed for the rest of this outage while the queue is retried.
    const puts = () => lms.log.filter((l) => l === "PUT /xapi/statements").length;
    const tried = puts();
    await notice(page).getByRole("button", { name: "Fermer" }).click();
    await notice(page).waitFor({ state: "detached" });
    await until(async () => puts() >= tried + 2, "two more tries while the LRS is down", 20000);
    assertEqual(await notice(page).count(), 0, "a dismissed notice does not come back at each retry");
    await page.reload(); // a reload keeps the launch, the queue and what was sent
    await page.locator("html[data-ready]").waitFor();
    await lrs.start();
    await until(async () => (await lrs.statements(reg)).length >= 3, "the queue delivered");
    await notice(page).waitFor({ state: "detached", timeout: 10000 });
    await page.waitForTimeout(1000);
    const sts = await lrs.statements(reg);
    // The reload ended the session (terminated, queued at pagehide while the LRS was down); the
    // page it reloaded into is the same session, so nothing more is sent, and nothing twice.
    assertEqual(verbs(sts), ["initialized", "completed", "terminated"], "each delivered once after the LRS came back");
    // ...and the learner is told so, with the way back to the platform.
    const ended = page.locator(".notice", { hasText: "session avec la plateforme de formation s'est terminée" });
    await ended.waitFor({ timeout: 10000 });
    assert(await ended.getByRole("button", { name: "Quitter le module" }).isVisible(), "the way back to the platform");
    assertEqual(Object.keys(await queues(page)), ["reperes.cmi5.queue"], "this launch's queue gone once empty; another launch's kept");
    assertEqual(errors, [], "no page error");
    await context.close();

    // 401 (a token the LRS refuses) and a refused fetch are final for the launch, since a fetch
    // URL answers once: another notice says the platform refused the connection and progress
    // stays in this browser (no promise to send it later), and nothing is retried or asked twice.
    // A statements endpoint that never answers: the "not receiving" notice, the queue retried.
    for (const [what, opts, setup] of [
      ["401", { token: Buffer.from("lms:wrong").toString("base64") }, () => {}],
      ["refused token", { refuse: true }, () => {}],
      ["timeout", {}, () => (lms.statements = "hang")],
    ]) {
      setup();
      const from = lms.log.length;
      const requests = (line) => lms.log.slice(from).filter((l) => l === line).length;
      const refused = what !== "timeout";
      const r = crypto.randomUUID();
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      const errors = [];
      p.on("pageerror", (e) => errors.push(e.message));
      await p.goto(launchUrl(base, lms, { registration: r, ...opts }).url);
      await p.locator("html[data-ready]").waitFor();
      await (refused ? refusedNotice(p) : notice(p)).waitFor({ timeout: 20000 });
      await p.locator('.site-menu nav a[href*="usages"]').first().evaluate((a) => a.click());
      await p.locator(".checklist .item").first().getByLabel("En place").check();
      assert(await p.locator(".checklist .item").first().getByLabel("En place").isChecked(), `${what}: the learner carries on`);
      if (refused) {
        const tries = [requests("POST /fetch"), requests("PUT /xapi/statements")];
        await p.waitForTimeout(5000); // longer than the 4 s between retries
        assertEqual([requests("POST /fetch"), requests("PUT /xapi/statements")], tries, `${what}: nothing retried`);
        assertEqual(requests("POST /fetch"), 1, `${what}: the fetch URL asked once`);
        assertEqual(await refusedNotice(p).count(), 1, `${what}: one notice`);
        assert(/dans ce navigateur/.test(await refusedNotice(p).textContent()), `${what}: progress stays in this browser`);
        assertEqual(await notice(p).count(), 0, `${what}: no promise to send it later`);
      } else {
        assertEqual(await notice(p).count(), 1, `${what}: one notice`);
      }
      if (what === "refused token") {
        await p.reload();
        await p.locator("html[data-ready]").waitFor();
        await refusedNotice(p).waitFor({ timeout: 20000 });
        assertEqual(requests("POST /fetch"), 1, `${what}: a reload does not ask the fetch URL again`);
      }
      assertEqual(verbs(await lrs.statements(r)), [], `${what}: nothing reached the LRS`);
      assertEqual(errors, [], `${what}: no page error`);
      await ctx.close();
      lms.statements = "pass";
    }
  } finally {
    await app.close();
    await lms.close();
    await lrs.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** Ralph, the LMS and the unpacked course on its own server, for `body`; then a fresh page and
 * its page errors; all closed and removed afterwards, whatever happens. */
async function withCourse(browser, body) {
  const lrs = await startRalph();
  const lms = await startLms(lrs);
  const { dir } = unpack("http://localhost:*");
  const app = await startServer({ root: dir, prefix: "/" });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await body({ lrs, lms, page, errors, base: app.url + "course/au1/", reg: crypto.randomUUID() });
  } finally {
    await context.close();
    await app.close();
    await lms.close();
    await lrs.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("cmi5: if the runtime's chunk cannot be fetched, the learner carries on and is told; its Reload button recovers", async ({ browser }) => {
  await withCourse(browser, async ({ lrs, lms, page, errors, base, reg }) => {
    let blocked = 0;
    await page.route(/split_cmi5-[0-9a-f]+\.wasm$/, (r) => (blocked++, r.abort()));
    await page.goto(launchUrl(base, lms, { registration: reg }).url);
    await page.locator("html[data-ready]").waitFor();
    const notice = page.locator(".notice", { hasText: "Le lien avec la plateforme de formation n'a pas pu être établi" });
    await notice.waitFor({ timeout: 15000 });
    assert(blocked > 0, "the runtime's chunk was asked for");
    await page.locator('.site-menu nav a[href*="usages"]').first().evaluate((a) => a.click());
    await page.locator(".checklist .item").first().getByLabel("En place").check();
    assert(await page.locator(".checklist .item").first().getByLabel("En place").isChecked(), "the learner carries on");
    assertEqual(verbs(await lrs.statements(reg)), [], "nothing sent without the runtime");
    assertEqual(errors, [], "no page error");
    // The chunk comes back: the same launch (its parameters are in the URL) starts the runtime.
    assertEqual(await notice.count(), 1, "one notice");
    await page.unroute(/split_cmi5-[0-9a-f]+\.wasm$/);
    await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Recharger" }).click()]);
    await page.locator("html[data-ready]").waitFor();
    await until(async () => verbs(await lrs.statements(reg)).includes("initialized"), "initialized after the reload");
    assertEqual(errors, [], "no page error after the reload");
  });
});

test("cmi5: a move in the app before the late start's chunk comes keeps the launch (its parameters read as the page was opened)", async ({ browser }) => {
  await withCourse(browser, async ({ lrs, lms, page, errors, base, reg }) => {
    let block = true;
    await page.route(/split_late-[0-9a-f]+\.wasm$/, (r) => (block ? r.abort() : r.continue()));
    await page.goto(launchUrl(base, lms, { registration: reg }).url);
    await page.locator("html[data-ready]").waitFor();
    await page.locator('.site-menu nav a[href*="usages"]').first().evaluate((a) => a.click());
    await page.locator(".checklist .item").first().getByLabel("En place").check();
    assert(!(await page.evaluate(() => location.search.includes("endpoint="))), "the move took the launch's parameters out of the address");
    assertEqual(verbs(await lrs.statements(reg)), [], "nothing sent before the late start");
    block = false;
    await page.evaluate(() => dispatchEvent(new Event("online")));
    await until(async () => verbs(await lrs.statements(reg)).includes("initialized"), "initialized once the chunk came");
    assertEqual(errors, [], "no page error");
  });
});

// The class debrief: learners' share links pasted by a trainer give the group's figures, with
// exports, a kept copy, bad input handled, and an accessible screen.
import fs from "node:fs";
import path from "node:path";
import { test, assert, assertEqual, open, guard, axe, workerActivated, DIST } from "./harness.mjs";


/** The codec's checksum (FNV-1a over the code's body, in hex): to make codes a test needs. */
function fnv(s) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
const sign = (body) => `${body}.${fnv(body)}`;
const codeOf = (link) => link.split("#share=")[1];

/** One learner in a fresh browser context: rates the first usages items, answers the first two
 * quiz questions with the given choices, opens the extra screens, and copies their share link. */
async function learner(browser, base, { ratings, answers, screens = [] }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = guard(page);
  await open(page, base + "usages/");
  const labels = ["Pas commencé", "En cours", "En place"];
  for (const [i, r] of ratings.entries()) await page.locator(".checklist .item").nth(i).getByLabel(labels[r], { exact: true }).check();
  for (const s of screens) await open(page, base + s);
  await open(page, base + "quiz/");
  const right = [];
  for (const [i, choice] of answers.entries()) {
    const q = page.locator("fieldset.question").nth(i);
    await q.locator("input[type=radio]").nth(choice).check();
    await q.getByRole("button", { name: "Vérifier ma réponse" }).click();
    await q.locator(".feedback").waitFor();
    right.push(await q.locator(".choice").evaluateAll((els) => els.findIndex((e) => e.classList.contains("right"))));
  }
  const ids = await page.locator("fieldset.question").evaluateAll((els) => els.slice(0, 2).map((e) => e.id.slice(2)));
  await open(page, base + "progress/");
  await page.getByRole("button", { name: /partage/ }).click();
  const link = await page.inputValue("#share-link");
  const note = await page.textContent(".tools-panel");
  assert(/bilan de groupe.*sans vos notes ni votre nom/.test(note), "the share panel says what a trainer can read");
  await context.close();
  assertEqual(problems, [], "no problem on the learner's side");
  return { link, right, ids };
}

/** Three learners who rate and answer differently (their share links, and what the trainer
 * should read). Learner A's first answers show which choices are right. */
async function threeLearners(browser, base) {
  const a = await learner(browser, base, { ratings: [2, 0, 1], answers: [0, 0], screens: ["practices/"] });
  const [r0, r1] = a.right;
  const wrong = (r) => (r + 1) % 3;
  const b = await learner(browser, base, { ratings: [2, 1], answers: [r0, wrong(r1)] });
  const c = await learner(browser, base, { ratings: [0], answers: [wrong(r0)] });
  // Question 0: A right if choice 0 is right, B right, C wrong. Question 1: A right if 0 is, B wrong, C none.
  const q0 = [1 + (r0 === 0), 1 + (r0 !== 0), 0];
  const q1 = [Number(r1 === 0), 1 + (r1 !== 0), 1];
  return { links: [a.link, b.link, c.link], ids: a.ids, q0, q1 };
}

/** Puts the text in the field as a paste does (one input event; typing 1 MB through the
 * keyboard path takes far longer than a paste), then reads it. */
async function readPaste(page, text) {
  await page.locator("#debrief-input").evaluate((el, t) => {
    el.focus();
    el.value = t;
    el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
  await page.getByRole("button", { name: "Lire les codes" }).click();
  await page.locator("#debrief-result > *").first().waitFor();
  // The tables are drawn one after the other once the counts are shown; the screens come last.
  await page.locator("#debrief-screens-table, #debrief-message").first().waitFor();
}

/** A row of a debrief table: its header cell and its numbers. */
async function rows(page, table) {
  return page.locator(`${table} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector("th").textContent.trim(), ...[...tr.querySelectorAll("td.num")].map((td) => td.textContent.trim())]),
  );
}

let shared; // the three learners' links, made once for the tests below

test("debrief: three learners' links pasted in a chat give the group's distribution and quiz figures", async ({ browser, page, base }) => {
  shared = await threeLearners(browser, base);
  const { links, ids, q0, q1 } = shared;
  assert(links.every((l) => l.includes("#share=R1.")), `links: ${links}`);
  await open(page, base + "usages/");
  const names = (await page.locator(".checklist .item h3").allTextContents()).map((s) => s.trim());
  // The trainer reaches the debrief from the progress screen.
  await open(page, base + "progress/");
  await page.getByRole("link", { name: /bilan d'un groupe/ }).click();
  await page.waitForURL(/debrief\/$/);
  await page.locator("main h1", { hasText: "Bilan de groupe" }).waitFor({ timeout: 10000 }).catch(() => {});
  assertEqual(await page.locator("main h1").textContent(), "Bilan de groupe", "the debrief screen");
  await readPaste(page, `[10:02] Alice : voici mon lien ${links[0]}\n[10:03] Bob : ${links[1]} (désolé)\nChloé — ${codeOf(links[2])}. Merci !`);
  assertEqual(await page.textContent("#debrief-learners"), "3 participants comptés", "three learners");
  assertEqual(await page.textContent("#debrief-refused"), "0 code refusé", "nothing refused");
  assertEqual(await page.locator("#debrief-repeats").count(), 0, "no repeat");
  assert((await page.textContent("[role=status][aria-live]")).includes("3 participants comptés"), "said to screen readers");

  // Usages: item 0 in place ×2 and not started ×1; item 1 not started, in progress, unrated;
  // item 2 in progress and unrated ×2; the others unrated by all. Lowest first: 1, 2, 0, then 3…
  const usages = await rows(page, "#debrief-list-usages-table");
  assertEqual(usages.slice(0, 4), [
    [names[1], "1", "1", "0", "1"],
    [names[2], "0", "1", "0", "2"],
    [names[0], "1", "0", "2", "0"],
    [names[3], "0", "0", "0", "3"],
  ], "usages: distribution, lowest rated first");
  assertEqual(await page.locator("#debrief-list-usages-table tbody tr").first().locator("rect.seg").count(), 3, "its bar has three segments");

  // Quiz: right, wrong, not answered, share of right among those who answered.
  const quiz = await page.locator("#debrief-quiz-table tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.id, ...[...tr.querySelectorAll("td.num")].map((td) => td.textContent.replace(/\s/g, " ").trim())]));
  const pct = (r, w) => `${Math.round((100 * r) / (r + w))} %`;
  const row0 = quiz.find((r) => r[0] === `debrief-q-${ids[0]}`);
  const row1 = quiz.find((r) => r[0] === `debrief-q-${ids[1]}`);
  assertEqual(row0.slice(1), [...q0.map(String), pct(q0[0], q0[1])], "question 1");
  assertEqual(row1.slice(1), [...q1.map(String), pct(q1[0], q1[1])], "question 2");
  // Most missed first: the answered questions come before those nobody answered.
  const shares = quiz.map((r) => r[4]);
  assert(shares.indexOf("—") === 2 && shares.slice(2).every((s) => s === "—"), `answered first: ${shares.slice(0, 4)}`);
  const first = (q0[0] / (q0[0] + q0[1]) <= q1[0] / (q1[0] + q1[1])) ? row0 : row1;
  assertEqual(quiz[0][0], first[0], "the most missed first");
  // Each question links to its screen.
  const href = await page.locator(`#debrief-q-${ids[0]} th a`).getAttribute("href");
  assert(href && !href.includes("quiz"), `links to the framework: ${href}`);

  // Screens: usages by all three, practices by one.
  const screens = Object.fromEntries((await rows(page, "#debrief-screens-table")).map(([n, v]) => [n, v]));
  const values = Object.values(screens);
  assertEqual(values.filter((v) => v === "3").length, 1, "one screen opened by all three");
  assertEqual(values.filter((v) => v === "1").length, 1, "one screen opened by one");
  assertEqual(values.filter((v) => v === "0").length, values.length - 2, "the rest by none");

  // The tables follow the language switch, and their links move within the app: the figures
  // are still there when the learner comes back (a reload would have emptied them).
  await page.locator(".lang-switch button[lang=en]").first().click();
  await page.locator("#debrief-quiz-table thead th", { hasText: "link to the screen" }).first().waitFor();
  assert((await page.textContent("#debrief-list-usages-table thead")).includes("In place"), "the table's head in English");
  await page.evaluate(() => (window.__sameDocument = true));
  const target = new URL(await page.locator(`#debrief-q-${ids[0]} th a`).evaluate((a) => a.href));
  await page.locator(`#debrief-q-${ids[0]} th a`).click();
  await page.waitForURL((u) => u.pathname === target.pathname, { waitUntil: "commit" });
  await page.locator("main h1").waitFor();
  assert(await page.evaluate(() => window.__sameDocument === true), "the link moved within the app, without a reload");
  await page.goBack();
  await page.locator("#debrief-learners").waitFor();
  assertEqual(await page.textContent("#debrief-learners"), "3 learners counted", "the figures are kept, in English");
}, { viewport: { width: 1280, height: 900 } });

test("debrief: CSV and JSON exports hold the same figures as the screen", async ({ page, base }) => {
  assert(shared, "needs the links of the first debrief test");
  await open(page, base + "debrief/");
  await readPaste(page, shared.links.join("\n") + "\n" + shared.links[1]);
  assertEqual(await page.textContent("#debrief-repeats").then((t) => t.split(" ").slice(0, 3).join(" ")), "1 doublon exact,", "a repeat is counted");
  const [csvFile] = await Promise.all([page.waitForEvent("download"), page.click("#debrief-csv")]);
  const [jsonFile] = await Promise.all([page.waitForEvent("download"), page.click("#debrief-json")]);
  assertEqual(csvFile.suggestedFilename(), "reperes-debrief.csv", "CSV name");
  const csv = fs.readFileSync(await csvFile.path(), "utf8").replace(/^\uFEFF/, "");
  const json = JSON.parse(fs.readFileSync(await jsonFile.path(), "utf8"));
  assertEqual(json.codes.learners, 3, "JSON learners");
  assertEqual(json.codes.repeats, 1, "JSON repeats");
  const lines = csv.trim().split("\n");
  assertEqual(lines[0], "section,id,label,measure,value", "CSV header");
  let checked = 0;
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    const [section, id] = cells;
    const [measure, value] = cells.slice(-2);
    let v;
    if (section === "codes") v = measure.startsWith("refused_") ? json.codes.refused[measure.slice(8)] : json.codes[measure];
    else if (section === "checklist") {
      const [f, i] = id.split("/");
      v = json.checklists.find((l) => l.id === f).items.find((x) => x.id === i)[measure];
    } else v = json[section].find((x) => x.id === id)[measure];
    assertEqual(v, Number(value), `CSV ${line} vs JSON`);
    checked++;
  }
  assert(checked > 100, `every figure compared (${checked})`);
  // And the screen's figures are the export's.
  const usages = json.checklists.find((l) => l.id === "usages").items;
  const screen = await rows(page, "#debrief-list-usages-table");
  for (const item of usages) {
    const row = screen.find((r) => r[0] === item.label);
    assertEqual(row.slice(1).map(Number), [item.not_started, item.in_progress, item.in_place, item.not_rated], `usages ${item.id}`);
  }
  const q = json.quiz.find((x) => x.id === shared.ids[0]);
  assertEqual([q.right, q.wrong, q.not_answered], shared.q0, "quiz figures in JSON");
});

test("debrief: kept on the device only when asked, codes only, and deleted after confirmation", async ({ page, base }) => {
  assert(shared, "needs the links of the first debrief test");
  await open(page, base + "debrief/");
  await readPaste(page, `Alice : ${shared.links[0]}\nBob : ${shared.links[1]}`);
  assertEqual(await page.evaluate(() => localStorage.getItem("reperes.debrief")), null, "nothing kept before asking");
  await page.click("#debrief-keep");
  await page.locator("#debrief-kept").waitFor();
  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem("reperes.debrief")));
  assertEqual(kept, { v: 1, codes: shared.links.slice(0, 2).map(codeOf) }, "its own key and version, the codes only");
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  assertEqual(await page.locator("#debrief-result > *").count(), 0, "the pasted text stays in memory: gone after a reload");
  assertEqual((await page.textContent(".debrief-saved p")).replace(/\s/g, " ").trim(), "Un bilan est gardé sur cet appareil : 2 codes.", "the kept one is offered");
  await page.click("#debrief-open-saved");
  assertEqual(await page.textContent("#debrief-learners"), "2 participants comptés", "opened");
  await page.getByRole("button", { name: "Supprimer le bilan gardé" }).click();
  await page.getByRole("button", { name: "Oui, supprimer" }).click();
  await page.waitForFunction(() => localStorage.getItem("reperes.debrief") === null);
  assertEqual(await page.locator(".debrief-saved").count(), 0, "no longer offered");
  // A kept debrief that cannot be read is said, and can be deleted.
  await page.evaluate(() => localStorage.setItem("reperes.debrief", '{"v":9}'));
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  assert((await page.textContent(".debrief-saved")).includes("illisible"), "unreadable kept debrief said");
});

test("debrief: bad input gets a clear message and never changes the counts", async ({ page, base }) => {
  assert(shared, "needs the links of the first debrief test");
  const [a, b, c] = shared.links.map(codeOf);
  await open(page, base + "debrief/");
  await readPaste(page, [a, b, c].join("\n"));
  const good = await rows(page, "#debrief-list-usages-table");
  const goodQuiz = await rows(page, "#debrief-quiz-table");

  // No code at all.
  await readPaste(page, "Bonjour à tous,\nmerci pour la séance de ce matin. À bientôt !");
  assert((await page.textContent("#debrief-message")).includes("Aucun code"), "no code: said");

  // About 1 MB of chat with no code, then the same with the three codes inside.
  const filler = "[09:00] Quelqu'un : un message sans code, pour remplir le fil.\n".repeat(16000);
  assert(filler.length > 1_000_000, "1 MB");
  await readPaste(page, filler);
  assert((await page.textContent("#debrief-message")).includes("Aucun code"), "1 MB without code: said");
  await readPaste(page, filler + [a, b, c].join("\n") + filler);
  assertEqual(await page.textContent("#debrief-learners"), "3 participants comptés", "1 MB with three codes");
  assertEqual(await rows(page, "#debrief-list-usages-table"), good, "same figures");

  // A flipped character, a code for another content version, a link without a code.
  const i = a.indexOf(".") + 1;
  const flipped = a.slice(0, i) + (a[i] === "2" ? "1" : "2") + a.slice(i + 1);
  const [body] = [a.slice(0, a.lastIndexOf("."))];
  const parts = body.split(".");
  const older = sign([parts[0], parts[1].slice(1), parts[2], parts[3]].join("."));
  await readPaste(page, [a, b, c, flipped, `https://formation.example/#share=${older}`, "https://formation.example/#share=bonjour"].join("\n"));
  assertEqual(await page.textContent("#debrief-learners"), "3 participants comptés", "refused codes not counted");
  const refused = await page.textContent("#debrief-refused");
  assert(/^3 codes refusés/.test(refused), `three refused: ${refused}`);
  for (const reason of ["abîmé ou incomplet : 1", "autre version du contenu : 1", "lien sans code : 1"]) {
    assert(refused.replace(/\s/g, " ").includes(reason), `reason ${reason} in ${refused}`);
  }
  assertEqual(await page.locator("#debrief-flags tbody tr").count(), 3, "each refused code flagged with its line");
  assertEqual(await page.locator("#debrief-flags tbody tr td").first().textContent(), "4", "line of the flipped code");
  assertEqual(await rows(page, "#debrief-list-usages-table"), good, "a refused code never changes the counts");
  assertEqual(await rows(page, "#debrief-quiz-table"), goodQuiz, "nor the quiz figures");

  // Only refused codes: said, with empty figures.
  await readPaste(page, flipped);
  assert((await page.textContent("#debrief-message")).includes("Aucun code n'a pu être compté"), "nothing counted: said");

  // 500 distinct codes, made like the app makes them.
  const [tag, ratings, answers, visited] = parts;
  const codes = [];
  for (let n = 0; n < 500; n++) {
    const r = [...ratings].map((_, k) => "-012"[(n >> (k % 9)) & 3] || "-").join("");
    const q = [...answers].map((_, k) => "-012"[(n + k) % 4]).join("");
    const v = [...visited].map((_, k) => String((n >> k) & 1)).join("");
    codes.push(sign([tag, r, q, v].join(".")));
  }
  const distinct = new Set(codes).size;
  await readPaste(page, codes.join("\n"));
  assertEqual(await page.textContent("#debrief-learners"), `${distinct} participants comptés`, "500 codes read");
  const repeats = 500 - distinct;
  if (repeats) assert((await page.textContent("#debrief-repeats")).startsWith(`${repeats} doublon`), "repeats counted");
  const usages = await rows(page, "#debrief-list-usages-table");
  for (const r of usages) assertEqual(r.slice(1).reduce((s, x) => s + Number(x), 0), distinct, `each item sums to the group: ${r}`);

  // More than 2 MB: refused whole, with its size.
  await readPaste(page, "x".repeat(2 * 1024 * 1024 + 10));
  assert((await page.textContent("#debrief-message")).includes("trop long"), "too long: said");
});

test("debrief: the screen is live before the reading's code and the figures' text; if they cannot come, a message says so, the text stays, and reading again works; the figures follow a language switch", async ({ page, base, problems }) => {
  assert(shared, "needs the links of the first debrief test");
  const reading = JSON.parse(fs.readFileSync(path.join(DIST, "chunks.json"), "utf8")).chunks.debrief_read.file;
  // The packs of the items' names and of the questions (after the five articles' packs).
  const figuresText = /\/text-(fr|en)-[67]-[0-9a-f]+\.txt$/;
  let block = true;
  // Blocked, then let through a second late (a slow network).
  await page.route((u) => u.pathname.endsWith(reading) || figuresText.test(u.pathname), async (r) => {
    if (block) return r.abort();
    await new Promise((go) => setTimeout(go, 1000));
    await r.continue().catch(() => {});
  });
  await open(page, base + "debrief/?nosw");
  const beforeLive = await page.evaluate(() => {
    const live = performance.getEntriesByName("reperes-live")[0].startTime;
    return performance.getEntriesByType("resource").filter((r) => r.startTime < live).map((r) => r.name.split("/").pop());
  });
  assert(!beforeLive.some((f) => f === reading || figuresText.test("/" + f)), `live before them: ${beforeLive}`);
  const text = shared.links.join("\n");
  await page.locator("#debrief-input").fill(text);
  await page.getByRole("button", { name: "Lire les codes" }).click();
  await page.locator("#debrief-message", { hasText: "n'ont pas pu se charger" }).waitFor({ timeout: 10000 });
  assertEqual(await page.inputValue("#debrief-input"), text, "the pasted text stays");
  assertEqual(await page.locator("#debrief-counts").count(), 0, "no figures");
  assert((await page.textContent("[role=status][aria-live]")).includes("n'ont pas pu se charger"), "said to screen readers");
  block = false;
  await page.getByRole("button", { name: "Lire les codes" }).click();
  await page.locator("#debrief-reading", { hasText: "Lecture des codes" }).waitFor({ timeout: 5000 });
  await page.locator("#debrief-screens-table").waitFor({ timeout: 10000 });
  assertEqual(await page.locator("#debrief-reading").count(), 0, "the wait is said, then goes");
  assertEqual(await page.textContent("#debrief-learners"), "3 participants comptés", "read once they come");
  assertEqual(await page.locator("#debrief-message").count(), 0, "the message goes");
  const names = () => page.locator("#debrief-list-usages-table tbody th").allTextContents();
  const french = await names();
  await page.locator(".lang-switch button[lang=en]").first().click();
  await page.locator("#debrief-learners", { hasText: "3 learners counted" }).waitFor({ timeout: 10000 });
  const english = await names();
  assertEqual(english.length, french.length, "as many items");
  assert(english.every((n, i) => n !== french[i]), `the items' names in English: ${english.slice(0, 3)}`);
  for (let i = problems.length - 1; i >= 0; i--) if (/Failed to fetch|net::ERR_FAILED|Failed to load resource/.test(problems[i])) problems.splice(i, 1);
}, { allowFailedRequests: true });

test("debrief: offline after one visit of another screen, codes are read and the figures shown, in both languages", async ({ browser, base }) => {
  assert(shared, "needs the links of the first debrief test");
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = guard(page, { allowFailedRequests: true });
  await open(page, base + "usages/");
  await workerActivated(page);
  await context.setOffline(true);
  await open(page, base + "debrief/");
  await readPaste(page, shared.links.join("\n"));
  assertEqual(await page.textContent("#debrief-learners"), "3 participants comptés", "read offline");
  await page.locator(".lang-switch button[lang=en]").first().click();
  await page.locator("#debrief-learners", { hasText: "3 learners counted" }).waitFor({ timeout: 10000 });
  assert((await page.textContent("#debrief-quiz-table thead")).includes("link to the screen"), "the figures in English, offline");
  await context.close();
  assertEqual(problems.filter((p) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(p)), [], "no page error");
});

test("debrief: works in an embed and through ?view=, and is in the menu", async ({ page, base }) => {
  await open(page, base + "index.html?view=debrief&embed=1&lang=en");
  assertEqual(await page.locator("main h1").textContent(), "Group debrief", "view= opens it, in English");
  assertEqual(await page.locator(".site-header").count(), 0, "no header in an embed");
  await open(page, base);
  await page.locator(".site-menu summary").click();
  await page.locator(".site-menu").getByRole("link", { name: "Bilan de groupe" }).click();
  await page.waitForURL(/debrief\/$/);
  assertEqual(await page.title(), "Bilan de groupe · Repères", "its title");
});

test("debrief: axe finds no WCAG 2.2 AA violation with figures shown, in both languages", async ({ browser, base }) => {
  assert(shared, "needs the links of the first debrief test");
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const problems = guard(page);
  const found = [];
  for (const theme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: theme });
    for (const lang of ["fr", "en"]) {
      await open(page, `${base}debrief/?lang=${lang}`);
      await page.locator("#debrief-input").fill(shared.links.join("\n") + "\nR1.abc\n" + shared.links[0]);
      await page.click("#debrief-read");
      await page.locator("#debrief-flags").waitFor();
      // The tables follow the counts one task each: axe reads the page once the last is drawn
      // (a page that moves under it sees targets overlap).
      await page.locator("#debrief-screens-table").waitFor();
      const v = await axe(page);
      found.push(...v.map((x) => `${lang} ${theme}: ${x}`));
    }
  }
  await context.close();
  assertEqual(found, [], "axe violations");
  assertEqual(problems, [], "no page problem");
});

test("debrief: presenter mode shows the group's figures, one table per slide, in large type", async ({ page, base }) => {
  assert(shared, "needs the links of the first debrief test");
  await open(page, base + "debrief/");
  await readPaste(page, shared.links.join("\n"));
  await page.getByRole("button", { name: "Mode présentation" }).click();
  const title = page.locator(".presenter h2");
  assert((await title.textContent()).startsWith("Bilan de groupe"), `first slide: ${await title.textContent()}`);
  assertEqual(await page.locator(".presenter #slide-list-usages-table tbody tr").count(), await page.locator("#debrief-list-usages-table tbody tr").count(), "the usages table on the slide");
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".presenter td")).fontSize));
  assert(size >= 24, `large type: ${size}px`);
  await page.keyboard.press("End");
  assertEqual((await title.textContent()).trim(), "Écrans ouverts", "last slide: the screens");
  await page.keyboard.press("PageUp");
  assertEqual((await title.textContent()).trim(), "Quiz : bonnes réponses par question".replace(" :", "\u00a0:"), "the quiz before it");
  assertEqual(await page.locator(".presenter .slide-count").textContent(), "6 / 7", "slide count");
  await page.keyboard.press("Escape");
  await page.locator(".presenter").waitFor({ state: "detached" });
  // Elsewhere, presenter mode still shows the frameworks.
  await open(page, base + "usages/");
  await page.getByRole("button", { name: "Mode présentation" }).click();
  assert((await title.textContent()).includes("usages"), "frameworks elsewhere");
}, { viewport: { width: 1920, height: 1080 } });

import { test, assert, open, PHASE_NAMES } from "./harness.mjs";

test("start page renders the three phases with no error and no foreign request", async ({ page, base }) => {
  await open(page, base);
  for (const name of PHASE_NAMES) {
    assert(await page.getByRole("link", { name, exact: true }).first().isVisible(), `${name} not visible`);
  }
  assert((await page.title()).includes("Repères"), "title");
  assert((await page.getAttribute("html", "lang")) === "fr", "French by default");
});

test("an unknown address says so and offers the way home", async ({ page, base, problems }) => {
  await page.goto(base + "not-a-page/");
  await page.waitForSelector("h1");
  const h1 = await page.textContent("h1");
  assert(/introuvable/i.test(h1), `h1: ${h1}`);
  // the 404 status of this one page is expected
  // The 404 status of this page is expected; under a sub-path its assets resolve from the host
  // root (README: 404.html assumes the root), so they 404 too.
  problems.splice(0, problems.length, ...problems.filter((p) => !/status of 404|HTTP 404|ERR_ABORTED/.test(p)));
});

// What a trainer pastes into the debrief for the benchmarks: 200 learners' share links in a chat,
// made from a real share link of this build (so they fit its content) and varied the way the
// end-to-end test varies them, each with its checksum (FNV-1a, as store::codec).
export async function debriefPaste(browser, appUrl, learners = 200) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(appUrl + "progress/");
  await page.waitForSelector("html[data-ready]");
  await page.getByRole("button", { name: /partage/ }).click();
  const [tag, ratings, answers, visited] = (await page.inputValue("#share-link")).split("#share=")[1].split(".");
  await context.close();
  const fnv = (t) => {
    let h = 0x811c9dc5;
    for (const b of Buffer.from(t)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return h.toString(16).padStart(8, "0");
  };
  const codes = [];
  for (let n = 0; n < learners; n++) {
    const body = [tag, [...ratings].map((_, k) => "-012"[(n >> k % 9) & 3]).join(""), [...answers].map((_, k) => "-012"[(n + k) % 4]).join(""), [...visited].map((_, k) => String((n >> k) & 1)).join("")].join(".");
    codes.push(`${body}.${fnv(body)}`);
  }
  return codes.map((c, i) => `learner ${i}: ${appUrl}#share=${c}`).join("\n");
}

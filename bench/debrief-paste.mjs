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

/** Puts `text` in the debrief's field as a paste does, and resolves once it is laid out and
 * painted (the trainer sees it before clicking "read": 20 KB of text in the field is a layout of
 * its own, about 25 ms at CPU 4x, which must not count in the read). */
export function pasteIntoDebrief(page, text) {
  return page.evaluate((text) => new Promise((pasted) => {
    const input = document.querySelector("#debrief-input");
    input.value = text;
    input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    requestAnimationFrame(() => setTimeout(pasted, 0));
  }), text);
}

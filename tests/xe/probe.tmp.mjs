import { startServer } from "../server.mjs";
import { launch } from "./engines.mjs";
const s = await startServer({ root: "dist" });
const br = await launch("webkit");
const c = await br.context();
const p = c.page;
await p.goto(s.url + "usages/");
await p.waitFor("html[data-ready]");
console.log(await p.eval(() => {
  const l = document.querySelector(".checklist .item:nth-child(1) label.level-2");
  const r = l.getBoundingClientRect();
  return JSON.stringify({ iw: innerWidth, ih: innerHeight, r, disp: getComputedStyle(l).display, vis: getComputedStyle(l).visibility, inert: !!l.closest("[inert]") });
}));
try { await p.click(".checklist .item:nth-child(1) label.level-2"); console.log("clicked"); } catch (e) { console.log(e.message); }
console.log(await p.eval(() => { const l = document.querySelector(".checklist .item:nth-child(1) label.level-2"); return JSON.stringify([scrollY, l.getBoundingClientRect().top, document.querySelector(".checklist .item:nth-child(1) input[value='2']").checked]); }));
await c.close(); await br.close(); await s.close();

// Puts the split build together in dist/ (scripts/build.sh runs it): every file that can change is
// named by its content hash, so that hosts and the service worker may keep it forever.
//   node scripts/assemble.mjs <pkg> <dist>
// <pkg> holds wasm-bindgen's main.js and main_bg.wasm, the splitter's __wasm_split.js and one
// split_<screen>.wasm per screen. Writes dist/index.html (the template the prerender fills),
// dist/chunks.json (each screen's chunk and its size), the CSS and the public files.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { small } from "./minify.mjs";
import { transform } from "lightningcss";
import { withoutCustomSections } from "./wasm-sections.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [pkg, dist] = process.argv.slice(2);
if (!pkg || !dist) {
  console.error("usage: node scripts/assemble.mjs <pkg> <dist>");
  process.exit(2);
}
const hash = (...parts) => {
  const h = crypto.createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest("hex").slice(0, 16);
};
const read = (f) => fs.readFileSync(path.join(pkg, f));
// A module as it travels: no custom sections (see wasm-sections.mjs).
const readWasm = (f) => withoutCustomSections(read(f));
const replaceAll = (text, from, to) => text.split(from).join(to);

let glue = read("main.js").toString();
const wasm = readWasm("main_bg.wasm");
const hasLoader = fs.existsSync(path.join(pkg, "__wasm_split.js"));
let loader = hasLoader ? read("__wasm_split.js").toString() : "";

// 1. The chunks, each named by its own hash; the loader fetches them by those names.
// split_<screen>.wasm: a screen's own code; chunk_<n>.wasm: code shared by several screens (the
// loader fetches a screen's shared chunks beside it, in parallel).
// first_<screen>.wasm: a screen's first-load bundle, its own code and its shared chunks in one
// module (see scripts/merge-chunks.mjs), which only a page's first screen loads.
const chunks = {};
const shared = {};
const first = {};
for (const f of fs.readdirSync(pkg).filter((f) => /^(split|chunk|first)_.*\.wasm$/.test(f)).sort()) {
  const body = readWasm(f);
  const name = `${f.replace(/\.wasm$/, "")}-${hash(body)}.wasm`;
  // (The bundles' names are the page's to give: see scripts/merge-chunks.mjs.)
  if (!f.startsWith("first_") && !loader.includes(`"./${f}"`)) throw new Error(`__wasm_split.js does not name ${f}`);
  loader = replaceAll(loader, `"./${f}"`, `"./${name}"`);
  fs.writeFileSync(path.join(dist, name), body);
  const key = f.replace(/^(split|chunk|first)_/, "").replace(/\.wasm$/, "");
  (f.startsWith("split_") ? chunks : f.startsWith("first_") ? first : shared)[key] = { file: name, bytes: body.length };
}
// Which groups each first-load bundle holds whole (the loader does not fetch them after it).
for (const [key, c] of Object.entries(first)) {
  const covers = loader.match(new RegExp(`__reperes_first\\.startsWith\\("first_${key}-"\\) \\? __reperes_bundle\\(\\[([^\\]]*)\\]\\)`));
  if (!covers) throw new Error(`__wasm_split.js: no bundle loader for ${key}`);
  c.covers = [...covers[1].matchAll(/__chunk_(\d+)/g)].map((m) => m[1]);
}
// Which shared chunks each screen needs, read from the loader (for the bench's per-chunk lines).
for (const [key, c] of Object.entries(chunks)) {
  const at = loader.indexOf(`"./${c.file}"`);
  const deps = loader.slice(at).match(/\[([^\]]*)\]\)\);/);
  c.shared = deps ? [...deps[1].matchAll(/__chunk_(\d+)/g)].map((m) => m[1]) : [];
}

// A chunk that fails to load is the app's to report (a screen's: a notice with a retry; the idle
// prefetch's: it stops quietly). The splitter's loader also logs it as a console error, which in
// Firefox is every idle fetch cut short by a click to another page ("NetworkError"): a warning,
// and none at all once the page is being left (Chromium rejects the fetches it aborts at unload
// with "Failed to fetch", after pagehide; a fresh-clone run saw that warning once in 80 page
// changes). A page restored from the back-forward cache reports again.
if (hasLoader) {
  const logged = "console.error(e);";
  if (loader.split(logged).length !== 2) throw new Error(`__wasm_split.js: expected one ${logged} in its callback wrapper`);
  loader = loader.replace(logged, 'if (!leaving) console.warn("Repères: a chunk did not load", e);');
  loader =
    'let leaving = false;\naddEventListener("pagehide", () => (leaving = true));\naddEventListener("pageshow", () => (leaving = false));\n' +
    loader;
}

// The boot script may have asked for this screen's chunks already, as soon as the page painted
// (`EARLY_FETCH` in src/prerender.rs): each chunk's request takes that response if there is one.
if (hasLoader) {
  const asks = loader.split('fetch(new URL("./').length - 1;
  const files = Object.keys(chunks).length + Object.keys(shared).length;
  if (asks !== files) throw new Error(`__wasm_split.js: ${asks} fetches for ${files} chunks`);
  loader = replaceAll(loader, 'fetch(new URL("./', '__reperes_fetch(new URL("./');
  loader = "const __reperes_fetch = (url) => (globalThis.__reperesFetch ? globalThis.__reperesFetch(url) : fetch(url));\n" + loader;
}

// The split points whose code draws with the screens' style sheet (style/screens.css) load it
// beside their chunks, as one more dependency: the boot script's `__reperesStyle`
// (`SCREENS_STYLE` in src/prerender.rs) adds it to a page that does not link it (home, sources,
// about, not found), once, and returns at once elsewhere. A sheet that cannot load fails the
// load like a chunk: the app's notice and retry, and the prerendered screen stays. Here rather
// than in the app's code: there it cost the main module 346 bytes of brotli, here none. The same
// screens as `Route::screens_style` (src/route.rs, whose unit test reads this list), and
// presenter mode, whose slides draw frameworks and the debrief's figures.
const STYLED = ["phases", "compare", "chronology", "framework", "assessment", "quiz", "progress", "debrief", "presenter"];
if (hasLoader) {
  const splitRe = /(export const __wasm_split_load_(\w+) = [\s\S]*?, \[)([^\]]*)(\]\)\);)/g;
  const styled = new Set();
  loader = loader.replace(splitRe, (all, head, name, deps, tail) => {
    if (!STYLED.includes(name)) return all;
    styled.add(name);
    return `${head}${deps.trim() ? `${deps}, ` : ""}__reperes_style${tail}`;
  });
  const missing = STYLED.filter((n) => !styled.has(n));
  if (missing.length) throw new Error(`__wasm_split.js: no loader for ${missing.join(", ")}`);
  loader = "const __reperes_style = () => globalThis.__reperesStyle?.();\n" + loader;
}

// The idle prefetch's first half (`prefetch` in src/views/mod.rs): every shared chunk, one per idle
// moment, those most screens need first (and before them the screens' style sheet, where the
// page does without it). A screen's loader fetches and instantiates all of its
// chunks at once (the home screen's: 27), and each fetch() costs the page about 1.5 ms at CPU 4x:
// prefetching screen by screen made tasks of up to 430 ms after the app was live (a click then
// waited for them). The app finds this function on `globalThis`, where the loader puts it.
if (hasLoader) {
  const users = {};
  for (const c of Object.values(chunks)) for (const id of c.shared) users[id] = (users[id] || 0) + 1;
  const order = Object.keys(shared).sort((a, b) => (users[b] || 0) - (users[a] || 0) || a - b);
  for (const id of order) if (!loader.includes(`const __chunk_${id} = __reperes_coverable(makeLoad(`)) throw new Error(`__wasm_split.js: no loader for chunk ${id}`);
  loader += `
// An idle moment (within a second), or a short timer where there is none (Safari): the app's own
// idle waits (\`dom::idle\`) call this one too, through \`globalThis\`.
const __reperes_idle = () => new Promise((r) => (self.requestIdleCallback ? requestIdleCallback(r, { timeout: 1000 }) : setTimeout(r, 200)));
globalThis.__reperesIdle = __reperes_idle;
const __reperes_update_waiting = async () => {
    try {
        const reg = await navigator.serviceWorker?.getRegistration();
        return !!(reg && reg.waiting);
    } catch {
        return false;
    }
};
globalThis.__reperesWarmChunks = async () => {
    for (const load of [__reperes_style, ${order.map((id) => `__chunk_${id}`).join(", ")}]) {
        await __reperes_idle();
        // A new version waiting: this one's code is about to go, and the walk's fetches through
        // the old worker held its switch back (seen: "update" accepted, no reload for 30 s).
        if (await __reperes_update_waiting()) return false;
        await load();
    }
    return true;
};
`;
}

// 2. The glue and the chunk loader, one file: they import one another, and every screen needs
// both before it is live. As two files, the first screen asked for one request more at the moment
// the browser's six connections per host (HTTP/1.1) were all taken by the first screen's files, so
// the last of them waited a round trip for a free one (seen on the slow profile, session 16).
// The loader's code goes after the glue's; the glue's imports of the loader (`import * as n from
// "./__wasm_split.js"`, the wasm's import object) become imports of the file itself, which ES
// modules allow, and the loader's import of `initSync` from the glue goes (it is the glue's own).
// The wasm's import names (the keys of the imports object) stay "./__wasm_split.js".
const h = hash(glue, wasm, loader);
const js = `reperes-${h}.js`;
const bg = `reperes-${h}_bg.wasm`;
glue = replaceAll(glue, "main_bg.wasm", bg);
if (hasLoader) {
  glue = glue.replace(/(^import \* as \w+ from ")\.\/__wasm_split\.js(")/gm, `$1./${js}$2`);
  if (!glue.includes(`from "./${js}"`)) throw new Error("the glue imports no ./__wasm_split.js: the wasm-bindgen output changed");
  const initImport = 'import { initSync } from "./main.js";';
  if (loader.split(initImport).length !== 2) throw new Error(`__wasm_split.js: expected one line ${initImport}`);
  loader = loader.replace(initImport, "");
  if (/^\s*import\b/m.test(loader)) throw new Error("__wasm_split.js imports something else than initSync: merge it by hand");
  // One module, one scope: a name both declare at their top level would clash (fail, do not guess).
  const tops = (code) => [...code.matchAll(/^(?:export\s+)?(?:async\s+)?(?:const|let|var|function\*?|class)\s+([\w$]+)/gm)].map((m) => m[1]);
  const glueNames = new Set([...tops(glue), ...[...glue.matchAll(/^import \* as (\w+)/gm)].map((m) => m[1])]);
  const clash = tops(loader).filter((n) => glueNames.has(n));
  if (clash.length) throw new Error(`the glue and the chunk loader both declare ${clash.join(", ")}`);
  glue += "\n" + loader;
}
fs.writeFileSync(path.join(dist, js), await small(glue));
fs.writeFileSync(path.join(dist, bg), wasm);

// 3. The style sheets and the public files.
// A style sheet blocks the first paint: each travels minified (lightningcss, an npm dev tool; no
// browser targets, so nothing is rewritten for older engines). Session 14: 5836 -> 4309 bytes
// brotli on every first visit. Two sheets (session 26): main.css on every page, screens.css on
// the pages whose screen needs it (see `Route::screens_style`): the home page 4309 -> 2420.
const sheet = (name) => {
  const { code } = transform({ filename: `${name}.css`, code: fs.readFileSync(path.join(ROOT, `style/${name}.css`)), minify: true });
  const file = `${name}-${hash(code)}.css`;
  fs.writeFileSync(path.join(dist, file), code);
  return file;
};
const cssName = sheet("main");
const screensCss = sheet("screens");
fs.cpSync(path.join(ROOT, "public"), dist, { recursive: true });

// 4. The page template: the prerender writes one page per route from it.
let page = fs.readFileSync(path.join(ROOT, "index.html"), "utf8");
// The tab's icon travels inside each page (a data: address, about 300 bytes brotli): as a file it
// was asked for while the first screen's code was still coming, one request more in that window.
const icon = fs.readFileSync(path.join(ROOT, "public/icons/icon.svg"), "utf8").trim();
const iconLink = '<link rel="icon" href="icons/icon.svg" type="image/svg+xml">';
if (!page.includes(iconLink)) throw new Error("index.html has no icon link");
// Escaped only where a data: address inside a double-quoted attribute must be (`#`, `%`, `<`,
// `>`, the quotes): 419 characters where encodeURIComponent wrote 653, 36 bytes less brotli.
if (/[%']/.test(icon)) throw new Error("icons/icon.svg: a % or a ' in it; escape it here");
const iconData = icon.replace(/"/g, "'").replace(/#/g, "%23").replace(/</g, "%3C").replace(/>/g, "%3E");
page = page.replace(iconLink, `<link rel="icon" href="data:image/svg+xml,${iconData}" type="image/svg+xml">`);
for (const [slot, value] of [["__CSS__", cssName], ["__SCREENS_CSS__", screensCss], ["__JS__", js], ["__WASM__", bg]]) {
  if (!page.includes(slot)) throw new Error(`index.html has no ${slot}`);
  page = replaceAll(page, slot, value);
}
fs.writeFileSync(path.join(dist, "index.html"), page);
fs.writeFileSync(
  path.join(dist, "chunks.json"),
  JSON.stringify({ main: { js, wasm: bg, bytes: wasm.length }, chunks, shared, first }, null, 1) + "\n",
);
console.log(`assembled: main ${wasm.length} bytes, ${Object.keys(chunks).length} screen chunks (${Object.keys(chunks).join(", ")}), ${Object.keys(shared).length} shared chunks, ${Object.keys(first).length} first-load bundles`);

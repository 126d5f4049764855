// Merges the splitter's shared chunks into fewer, larger ones, and joins each screen's chunk and
// shared chunks into its first-load bundle (scripts/build.sh runs it on the optimised modules,
// before assemble.mjs); rewrites the loader to match.
//   node scripts/merge-chunks.mjs <pkg> <raw.wasm>   (raw.wasm: cargo's output, before the split)
//
// Why: wasm-split-cli makes one shared chunk per set of screens that use the same code (91 for 14
// split points), many of them a few hundred bytes. The home screen needed 27 of them, the phases
// screen 44: each a request (its headers), a fetch() call (about 1.5 ms of the page's main thread
// at CPU 4x), an instantiation, and a small brotli stream, which compresses badly (the home
// screen's 28 modules: 23.1 KB brotli one by one, 16.3 KB as one stream).
//
// How: the chunks never call one another directly, only through the shared function table, and
// write only their own slots of the table and their own addresses in memory (active element and
// data segments at fixed offsets); they import the same three things from the main module and
// export nothing. So any set of them can be one module. A greedy pass groups them: two groups
// merge when the requests saved (a request is worth COST bytes, for each screen that needs both)
// outweigh the code that some screens would then fetch without needing it. Each group keeps the
// name of its smallest chunk (chunk_<n>.wasm), so the rest of the build is unchanged.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dataSegments, withoutZeroSegments } from "./wasm-sections.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "node_modules/.bin");
const FEATURES = [
  "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
];
// What one more request costs, in bytes of brotli: its headers (about 300), the small stream's
// poorer compression (about 250 measured), and the main-thread time of a fetch and an
// instantiation, at CPU 4x worth more than either. 2000 gave the home screen 4 modules and the
// phases screen 6, where 500 gave 8 and 12 for barely fewer bytes.
const COST = 2000;
// How much of a chunk's raw size its share of a brotli stream is (measured: 0.33 to 0.35).
const RATIO = 0.35;
// Split points that only an LMS launch loads count for less.
const weight = (split) => (split === "lms" || split === "cmi5" ? 0.3 : 1);
// Code a screen fetches without needing it costs more on the home screen, where most first visits
// start (and the slow-network target is measured): with the same weight as the others, a change
// elsewhere in the app (the timeline's SVG as markup, session 17) moved the grouping and gave the
// home screen 3.4 KB of other screens' code.
const extraWeight = (split) => (split === "home" ? 3 : weight(split));

const [pkg, raw] = process.argv.slice(2);
if (!pkg || !raw) {
  console.error("usage: node scripts/merge-chunks.mjs <pkg> <raw.wasm>");
  process.exit(2);
}
const loaderPath = path.join(pkg, "__wasm_split.js");
let loader = fs.readFileSync(loaderPath, "utf8");

// Which shared chunks each split point loads.
const splitRe = /(export const __wasm_split_load_(\w+) = [\s\S]*?, \[)([^\]]*)(\]\)\);)/g;
const users = {};
for (const m of loader.matchAll(splitRe))
  for (const id of [...m[3].matchAll(/__chunk_(\d+)/g)].map((x) => +x[1])) (users[id] ||= new Set()).add(m[2]);
const ids = Object.keys(users).map(Number).sort((a, b) => a - b);
if (ids.length === 0) {
  console.log("merge-chunks: no shared chunks");
  process.exit(0);
}
for (const id of ids) if (!fs.existsSync(path.join(pkg, `chunk_${id}.wasm`))) throw new Error(`merge-chunks: chunk_${id}.wasm missing`);

// Each screen's first-load bundle (first_<screen>.wasm): its own code and every shared chunk it
// needs, in one module. A page's first screen loads it in place of its split chunk and shared
// chunks (the page names it: `data-first`, see src/prerender.rs): one request, one brotli stream
// and one instantiation, and none of the code the groups below add for other screens (the quiz's
// page: 23.9 KB brotli in 6 files, 17.6 in one). The screens opened after it load the groups as
// before; a group the bundle holds whole is not fetched again (`__reperes_cover`), and one it
// holds in part is: its functions and constants then go into the same table slots and memory
// addresses a second time, the same code and the same bytes. That holds because the shared chunks
// a group holds with others write only read-only data (checked below against the linker's layout)
// and their own table slots. Not for the split points no page starts with (an LMS's launch, the
// unit started once the app is live, presenter mode, the debrief's figures, the notices, the
// reader of stored progress).
const NEVER_FIRST = new Set(["lms", "cmi5", "late", "presenter", "debrief_read", "notices", "reader"]);
const deps = {};
for (const m of loader.matchAll(splitRe)) deps[m[2]] = [...m[3].matchAll(/__chunk_(\d+)/g)].map((x) => +x[1]);
const firsts = Object.keys(deps).filter((s) => !NEVER_FIRST.has(s));
// What each module writes into memory when it loads, checked against the linker's layout (read in
// cargo's output, whose name section names its segments): a shared chunk writes read-only data
// (the same bytes each time) and zeros where memory already holds zeros (`.bss`: those segments are
// emptied here, so that no load can reset a static its code has changed since). Anything else in
// a shared chunk that a bundle holds (`.data`: a static with a starting value, such as a split
// point's loader state) would be written again by a second load: such a chunk stays a group of its
// own (`alone`), which a bundle that holds it holds whole, and the build checks that below. A
// shared chunk no bundle holds may write it (only its group loads it, once), and so may a screen's
// own chunk: the bundle stands in for it, and it is loaded once either way.
const layout = Object.fromEntries(dataSegments(fs.readFileSync(raw)).map((d) => [d.name, d]));
if (!layout[".rodata"] || !layout[".bss"]) throw new Error(`merge-chunks: ${raw} names no .rodata or .bss segment`);
const inside = (d, seg) => d.offset >= seg.offset && d.offset + d.size <= seg.offset + seg.size;
let emptied = 0;
const inBundle = new Set(firsts.flatMap((s) => deps[s]));
// The shared chunks that a bundle holds and that write more than read-only data: each stays a
// group of its own, so that a bundle that holds it holds its group whole and no second load comes.
const alone = new Set();
for (const f of fs.readdirSync(pkg).filter((f) => /^(split|chunk)_\w+\.wasm$/.test(f))) {
  const file = path.join(pkg, f);
  const bss = layout[".bss"];
  const out = withoutZeroSegments(fs.readFileSync(file), bss.offset, bss.offset + bss.size);
  fs.writeFileSync(file, out.module);
  emptied += out.emptied;
  const id = +f.slice(6, -5);
  if (f.startsWith("chunk_") && inBundle.has(id) && dataSegments(out.module).some((d) => d.size > 0 && !inside(d, layout[".rodata"]))) alone.add(id);
}
// The greedy grouping. Deterministic: ties go to the first pair in id order.
const w = (splits, by = weight) => splits.reduce((a, s) => a + by(s), 0);
let groups = ids.map((id) => ({ ids: [id], raw: fs.statSync(path.join(pkg, `chunk_${id}.wasm`)).size, users: users[id] }));
for (;;) {
  let best = null;
  for (let i = 0; i < groups.length; i++)
    for (let j = i + 1; j < groups.length; j++) {
      const [g, h] = [groups[i], groups[j]];
      if ([...g.ids, ...h.ids].some((id) => alone.has(id))) continue;
      const both = [...g.users].filter((s) => h.users.has(s));
      if (both.length === 0) continue;
      const gain =
        COST * w(both) -
        RATIO * g.raw * w([...h.users].filter((s) => !g.users.has(s)), extraWeight) -
        RATIO * h.raw * w([...g.users].filter((s) => !h.users.has(s)), extraWeight);
      if (gain > 0 && (!best || gain > best.gain)) best = { i, j, gain };
    }
  if (!best) break;
  const [g, h] = [groups[best.i], groups[best.j]];
  groups[best.i] = { ids: [...g.ids, ...h.ids].sort((a, b) => a - b), raw: g.raw + h.raw, users: new Set([...g.users, ...h.users]) };
  groups.splice(best.j, 1);
}

// Joins modules into one: a hub module imports what they import and exports it; each module
// imports it from the hub instead; wasm-merge joins them (it cannot join identical imports
// itself); the hub's exports are dropped, and wasm-opt runs over the whole.
const tmp = fs.mkdtempSync(path.join(pkg, ".merge-"));
// binaryen's tools warn about the splitter's name subsections (harmless): their output is shown
// only when a step fails.
const run = (tool, args) => {
  try {
    return execFileSync(path.join(BIN, tool), args, { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 }).toString();
  } catch (e) {
    process.stderr.write(e.stderr || "");
    throw new Error(`merge-chunks: ${tool} ${args.join(" ")} failed`);
  }
};
const importRe = /^ \(import "__wasm_split" "([^"]+)" \((memory|table|global) \$\S+ (.*)\)\)$/;
// Each module's text, read once (a shared chunk goes into up to 12 bundles and a group).
const texts = new Map();
const dis = (f) => texts.get(f) ?? texts.set(f, run("wasm-dis", [path.join(pkg, f)])).get(f);
function merge(files, out) {
  const imports = new Map();
  const args = [];
  files.forEach((f, k) => {
    const text = dis(f);
    for (const line of text.split("\n")) {
      const m = line.match(importRe);
      if (m && !imports.has(m[1])) imports.set(m[1], { kind: m[2], type: m[3] });
    }
    if (/^ \(import "(?!__wasm_split")/m.test(text) || /^ \((export|start) /m.test(text))
      throw new Error(`merge-chunks: ${f} imports from elsewhere, exports or starts: the splitter's output changed`);
    const file = path.join(tmp, `c${k}.wat`);
    fs.writeFileSync(file, text.replaceAll('(import "__wasm_split" ', '(import "hub" '));
    args.push(file, `c${k}`);
  });
  const hub = [...imports].map(([n, { kind, type }], k) =>
    ` (import "__wasm_split" "${n}" (${kind} $i${k} ${type}))\n (export "${n}" (${kind} $i${k}))`);
  fs.writeFileSync(path.join(tmp, "hub.wat"), `(module\n${hub.join("\n")}\n)\n`);
  const merged = path.join(tmp, "merged.wasm");
  run("wasm-merge", [...FEATURES, path.join(tmp, "hub.wat"), "hub", ...args, "-o", merged]);
  const text = run("wasm-dis", [merged]).split("\n").filter((l) => !/^ \(export "/.test(l)).join("\n");
  fs.writeFileSync(path.join(tmp, "merged.wat"), text);
  run("wasm-opt", ["-Oz", ...FEATURES, path.join(tmp, "merged.wat"), "-o", path.join(pkg, out)]);
}

for (const id of alone)
  if (groups.find((g) => g.ids.includes(id)).ids.length !== 1)
    throw new Error(`merge-chunks: chunk_${id}.wasm writes outside the read-only data and shares its group: a second load could undo a change`);
for (const s of firsts) merge([`split_${s}.wasm`, ...deps[s].map((id) => `chunk_${id}.wasm`)], `first_${s}.wasm`);

// One module per group.
const groupOf = {};
for (const g of groups) {
  for (const id of g.ids) groupOf[id] = g.ids[0];
  if (g.ids.length === 1) continue;
  merge(g.ids.map((id) => `chunk_${id}.wasm`), "merged-group.wasm");
  for (const id of g.ids) fs.rmSync(path.join(pkg, `chunk_${id}.wasm`));
  fs.renameSync(path.join(pkg, "merged-group.wasm"), path.join(pkg, `chunk_${g.ids[0]}.wasm`));
}
fs.rmSync(tmp, { recursive: true });

// The loader: one loader per group (the smallest chunk's), and each split point's list of groups.
for (const id of ids) {
  const re = new RegExp(`/\\*[^*]*\\*/\\nconst __chunk_${id} = makeLoad\\([\\s\\S]*?\\n, \\[\\]\\);\\n`);
  if (!re.test(loader)) throw new Error(`merge-chunks: no loader for chunk ${id} in __wasm_split.js`);
  if (groupOf[id] !== id) loader = loader.replace(re, "");
  else {
    const g = groups.find((g) => g.ids[0] === id);
    loader = loader.replace(re, (def) => def.replace(/^\/\*[^*]*\*\//, `/* ${[...g.users].sort().join(", ")}: chunks ${g.ids.join(", ")} */`));
  }
}
loader = loader.replace(splitRe, (all, head, name, deps, tail) => {
  const list = [...new Set([...deps.matchAll(/__chunk_(\d+)/g)].map((x) => groupOf[+x[1]]))];
  return head + list.map((id) => `__chunk_${id}`).join(", ") + tail;
});
// The first-load bundles in the loader: the page's first screen (`globalThis.__reperesFirst`, set
// by the boot script before the loader runs) loads its bundle in place of its chunk and groups,
// and the groups the bundle holds whole count as loaded by it.
for (const id of ids.filter((id) => groupOf[id] === id)) {
  const def = `const __chunk_${id} = makeLoad(`;
  const at = loader.indexOf(def);
  const end = loader.indexOf("\n, []);\n", at);
  if (at < 0 || end < 0) throw new Error(`merge-chunks: no loader for group ${id}`);
  loader = loader.slice(0, at) + `const __chunk_${id} = __reperes_coverable(makeLoad(` + loader.slice(at + def.length, end) + "\n, []));\n" + loader.slice(end + 7);
}
loader = loader.replace(splitRe, (all, _head, name) => {
  if (!firsts.includes(name)) return all;
  const m = all.match(/^(export const __wasm_split_load_\w+ = wrapAsyncCb\()(makeLoad\([\s\S]*\]\))\);$/);
  if (!m || !m[2].includes(`"./split_${name}.wasm"`)) throw new Error(`merge-chunks: the loader of ${name} changed shape`);
  const whole = groups.filter((g) => g.ids.every((id) => deps[name].includes(id))).map((g) => `__chunk_${g.ids[0]}`);
  return `${m[1]}__reperes_first.startsWith("first_${name}-") ? __reperes_bundle([${whole.join(", ")}]) : ${m[2]});`;
});
const firstLine = loader.indexOf("\n") + 1;
loader =
  loader.slice(0, firstLine) +
  `// The first-load bundle the page asked for, \`first_<screen>-<hash>.wasm\`, or "" (see
// scripts/merge-chunks.mjs): the page names it, so that the loader need not.
const __reperes_first = globalThis.__reperesFirst || "";
// A group's loader that a bundle can stand in for: once the bundle is loading, its promise.
const __reperes_coverable = (load) => {
    let by;
    const f = () => by || load();
    f.cover = (p) => {
        by = p;
        p.catch(() => { if (by === p) by = undefined; });
    };
    return f;
};
// A bundle's loader: loading it covers the groups it holds whole. (\`__reperes_fetch\`: see
// scripts/assemble.mjs.)
const __reperes_bundle = (groups) => {
    const load = makeLoad(() => {
        const src = __reperes_fetch(new URL(__reperes_first, import.meta.url));
        src.catch(() => {});
        return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
    }, []);
    return () => {
        const p = load();
        for (const g of groups) g.cover(p);
        return p;
    };
};
` +
  loader.slice(firstLine);
fs.writeFileSync(loaderPath, loader);
console.log(`merge-chunks: ${ids.length} shared chunks into ${groups.length} (${groups.map((g) => g.ids.length).join(" ")}); first-load bundles for ${firsts.join(", ")}; ${emptied} zero segments emptied; ${alone.size} chunks with data of their own kept alone`);

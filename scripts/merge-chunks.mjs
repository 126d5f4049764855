// Merges the splitter's shared chunks into fewer, larger ones (scripts/build.sh runs it on the
// optimised modules, before assemble.mjs), and rewrites the loader to match.
//   node scripts/merge-chunks.mjs <pkg>
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

const pkg = process.argv[2];
if (!pkg) {
  console.error("usage: node scripts/merge-chunks.mjs <pkg>");
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

// The greedy grouping. Deterministic: ties go to the first pair in id order.
const w = (splits, by = weight) => splits.reduce((a, s) => a + by(s), 0);
let groups = ids.map((id) => ({ ids: [id], raw: fs.statSync(path.join(pkg, `chunk_${id}.wasm`)).size, users: users[id] }));
for (;;) {
  let best = null;
  for (let i = 0; i < groups.length; i++)
    for (let j = i + 1; j < groups.length; j++) {
      const [g, h] = [groups[i], groups[j]];
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

// One module per group: a hub module imports what the chunks import and exports it; each chunk
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
const groupOf = {};
for (const g of groups) {
  const name = `chunk_${g.ids[0]}.wasm`;
  for (const id of g.ids) groupOf[id] = g.ids[0];
  if (g.ids.length === 1) continue;
  const imports = new Map();
  const args = [];
  for (const id of g.ids) {
    const text = run("wasm-dis", [path.join(pkg, `chunk_${id}.wasm`)]);
    for (const line of text.split("\n")) {
      const m = line.match(importRe);
      if (m && !imports.has(m[1])) imports.set(m[1], { kind: m[2], type: m[3] });
    }
    if (/^ \(import "(?!__wasm_split")/m.test(text) || /^ \((export|start) /m.test(text))
      throw new Error(`merge-chunks: chunk_${id} imports from elsewhere, exports or starts: the splitter's output changed`);
    const file = path.join(tmp, `c${id}.wat`);
    fs.writeFileSync(file, text.replaceAll('(import "__wasm_split" ', '(import "hub" '));
    args.push(file, `c${id}`);
  }
  const hub = [...imports].map(([n, { kind, type }], k) =>
    ` (import "__wasm_split" "${n}" (${kind} $i${k} ${type}))\n (export "${n}" (${kind} $i${k}))`);
  fs.writeFileSync(path.join(tmp, "hub.wat"), `(module\n${hub.join("\n")}\n)\n`);
  const merged = path.join(tmp, "merged.wasm");
  run("wasm-merge", [...FEATURES, path.join(tmp, "hub.wat"), "hub", ...args, "-o", merged]);
  const text = run("wasm-dis", [merged]).split("\n").filter((l) => !/^ \(export "/.test(l)).join("\n");
  fs.writeFileSync(path.join(tmp, "merged.wat"), text);
  for (const id of g.ids) fs.rmSync(path.join(pkg, `chunk_${id}.wasm`));
  run("wasm-opt", ["-Oz", ...FEATURES, path.join(tmp, "merged.wat"), "-o", path.join(pkg, name)]);
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
fs.writeFileSync(loaderPath, loader);
console.log(`merge-chunks: ${ids.length} shared chunks into ${groups.length} (${groups.map((g) => g.ids.length).join(" ")})`);

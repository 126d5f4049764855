// Takes wasm-streams' three exported classes out of the main module and its glue (scripts/build.sh
// runs it after wasm-bindgen, before wasm-opt, which then drops the code only they reached).
//   node scripts/drop-stream-exports.mjs <pkg>
//
// Why: leptos's `csr` feature brings server_fn's `browser` side, which depends on wasm-streams. Its
// `IntoUnderlyingSource`, `IntoUnderlyingByteSource` and `IntoUnderlyingSink` are
// `#[wasm_bindgen]` exports, so the linker keeps them and wasm-bindgen writes a class for each,
// though the app has no server functions and never makes a stream. Neither rustc nor wasm-bindgen
// can leave them out. Measured (session 14): 4 KB of raw code out of the main module (1.1 KB brotli;
// the closures their methods reach stayed, held by the shared function table: below) and 3.9 KB of glue
// (0.4 KB brotli), on every first visit.
//
// How: the wasm's export section loses every export whose name starts with one of the classes'
// prefixes; the glue loses the classes, their finalization registries and their `Symbol.dispose`
// lines. Nothing else refers to them (checked: the build fails if a name is left in the glue).
//
// Then the code those exports reached through the shared function table (session 18: 64
// functions, with what only they call 7.9 KB of raw code after wasm-opt, 2.3 KB brotli, on every
// first visit). The linker wrote their table slots into the vtables of the data section, which no
// optimiser can read, so wasm-opt kept them. Each function whose name (the name section, which
// wasm-bindgen keeps with --keep-debug) is wasm-streams' own or instantiated for its types gets a
// body of `unreachable`, and wasm-opt then drops what only they called. Only when it is safe: a
// function that anything else calls directly keeps its body (binaryen's call graph,
// `--print-call-graph`; rustc merges identical functions, so a name is not proof of what else may
// use it), as does a function whose name is not unique. The app never makes a stream, so none of
// them can run.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { names as namesOf, reader, rewriteSections, sections, uleb } from "./wasm-sections.mjs";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

const pkg = process.argv[2];
if (!pkg) {
  console.error("usage: node scripts/drop-stream-exports.mjs <pkg>");
  process.exit(2);
}
const CLASSES = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];
const wasmNames = CLASSES.map((c) => c.toLowerCase());
const dropped = (name) => wasmNames.some((c) => name.startsWith(c + "_") || name.startsWith(`__wbg_${c}_`));

// 1. The wasm: rewrite the export section without those exports.
const wasmPath = path.join(pkg, "main_bg.wasm");
let removed = 0;
const wasm = rewriteSections(fs.readFileSync(wasmPath), {
  7: (r) => {
    const count = r.leb();
    const kept = [];
    for (let i = 0; i < count; i++) {
      const at = r.p;
      const name = r.name();
      r.p++; // kind
      r.leb(); // index
      if (dropped(name)) removed++;
      else kept.push(r.buf.subarray(at, r.p));
    }
    return Buffer.concat([uleb(kept.length), ...kept]);
  },
});
if (removed === 0) {
  // wasm-streams gone (or renamed) upstream: nothing to do, and nothing to take out of the glue.
  console.log("drop-stream-exports: no wasm-streams exports found");
  process.exit(0);
}
fs.writeFileSync(wasmPath, wasm);

// 2. The glue: each class (from `export class X {` to the `}` that closes it, at the start of a
// line), its `Symbol.dispose` line and its finalization registry (a three-line statement).
const gluePath = path.join(pkg, "main.js");
let glue = fs.readFileSync(gluePath, "utf8");
for (const c of CLASSES) {
  glue = glue.replace(new RegExp(`^export class ${c} \\{[\\s\\S]*?^\\}\\n`, "m"), "");
  glue = glue.replace(new RegExp(`^if \\(Symbol\\.dispose\\) ${c}\\.prototype.*\\n`, "m"), "");
  glue = glue.replace(new RegExp(`^const ${c}Finalization = [\\s\\S]*?;\\n`, "m"), "");
}
const left = [...CLASSES, ...wasmNames].filter((n) => glue.includes(n));
if (left.length) throw new Error(`drop-stream-exports: the glue still names ${left.join(", ")} (wasm-bindgen's output changed)`);
fs.writeFileSync(gluePath, glue);
console.log(`drop-stream-exports: ${removed} exports and ${CLASSES.length} glue classes taken out`);

// 3. The code only the dropped exports reached (see the top).
const stubbed = stubStreamCode(wasmPath);
console.log(`drop-stream-exports: ${stubbed} functions of wasm-streams' left unreachable, for wasm-opt to drop`);

/** Gives every safely unreachable wasm-streams function a body of `unreachable`; returns how many. */
function stubStreamCode(file) {
  const buf = fs.readFileSync(file);
  // The imported functions (they come first in the index space) and the names.
  let imported = 0;
  const names = namesOf(buf, 1);
  for (const s of sections(buf)) {
    if (s.id !== 2) continue;
    const r = reader(buf, s.start);
    for (let n = r.leb(); n > 0; n--) {
      r.name();
      r.name();
      const kind = buf[r.p++];
      if (kind === 0) (r.leb(), imported++);
      else if (kind === 1) (r.p++, buf[r.p++] & 1 ? (r.leb(), r.leb()) : r.leb());
      else if (kind === 2) (buf[r.p++] & 1 ? (r.leb(), r.leb()) : r.leb());
      else if (kind === 3) r.p += 2;
      else if (kind === 4) (r.p++, r.leb());
    }
  }
  if (names.size === 0) throw new Error("drop-stream-exports: the main module has no names (wasm-bindgen --keep-debug?)");
  // Binaryen's direct call graph, by the same names.
  const FEATURES = ["bulk-memory", "nontrapping-float-to-int", "sign-ext", "mutable-globals", "reference-types", "multivalue"].map((f) => `--enable-${f}`);
  const dot = execFileSync(path.join(ROOT, "node_modules/.bin/wasm-opt"), [file, ...FEATURES, "--print-call-graph", "-o", "/dev/null"], { maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] }).toString();
  const edges = [...dot.matchAll(/^\s*"(.*)" -> "(.*)";?\s*$/gm)].map((m) => [m[1], m[2]]);
  // A name binaryen spells otherwise (escaped, or made unique) could hide a caller: only names
  // that are unique here and that the graph lists as they are.
  const listed = new Set([...dot.matchAll(/^\s*"(.*)" \[style=/gm)].map((m) => m[1]));
  const count = new Map();
  for (const n of names.values()) count.set(n, (count.get(n) || 0) + 1);
  const safe = new Set([...names.values()].filter((n) => /wasm_streams/.test(n) && count.get(n) === 1 && listed.has(n)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [from, to] of edges) if (safe.has(to) && !safe.has(from)) (safe.delete(to), (changed = true));
  }
  // Each such body: no locals, `unreachable`, `end`.
  const STUB = Buffer.from([3, 0, 0x00, 0x0b]);
  let stubbed = 0;
  const out = rewriteSections(buf, {
    10: (c) => {
      const bodies = [];
      const n = c.leb();
      for (let i = 0; i < n; i++) {
        const at = c.p;
        const size = c.leb();
        c.p += size;
        if (safe.has(names.get(imported + i))) (bodies.push(STUB), stubbed++);
        else bodies.push(buf.subarray(at, c.p));
      }
      return Buffer.concat([uleb(n), ...bodies]);
    },
  });
  fs.writeFileSync(file, out);
  return stubbed;
}

// Takes wasm-streams' three exported classes out of the main module and its glue (scripts/build.sh
// runs it after wasm-bindgen, before wasm-opt, which then drops the code only they reached).
//   node scripts/drop-stream-exports.mjs <pkg>
//
// Why: leptos's `csr` feature brings server_fn's `browser` side, which depends on wasm-streams. Its
// `IntoUnderlyingSource`, `IntoUnderlyingByteSource` and `IntoUnderlyingSink` are
// `#[wasm_bindgen]` exports, so the linker keeps them and wasm-bindgen writes a class for each,
// though the app has no server functions and never makes a stream. Neither rustc nor wasm-bindgen
// can leave them out. Measured (session 14): 4 KB of raw code out of the main module (1.1 KB brotli;
// the closures their methods reach stay, held by the shared function table) and 3.9 KB of glue
// (0.4 KB brotli), on every first visit.
//
// How: the wasm's export section loses every export whose name starts with one of the classes'
// prefixes; the glue loses the classes, their finalization registries and their `Symbol.dispose`
// lines. Nothing else refers to them (checked: the build fails if a name is left in the glue).
import fs from "node:fs";
import path from "node:path";
import { rewriteSections, uleb } from "./wasm-sections.mjs";

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

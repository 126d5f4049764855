// Gives the main module's imports from its glue, and its closure exports, short names: in the
// wasm and in the glue alike.
//
// Why: wasm-bindgen names each import after its JS function plus a 16-digit hash
// (`__wbg_createElement_1a2b3c4d5e6f7a8b`), and each closure export after its full Rust path with
// crate hashes. The main module imports 240 functions, and every name travels twice, in the wasm's
// import section and as a key of the glue's import object. Hex hashes hardly compress: they were
// about 3.9 KB of the main module's brotli bytes, and a good part of the glue's, on every first
// visit. binaryen's `--minify-imports-and-exports` would rename every import and export, including
// those the splitter's loader and the chunks find by name (`memory`, `__indirect_function_table`,
// `__wasm_split_shared0`, `__wasm_split_load_*`): this renames only what the glue alone uses.
//
// Usage: node scripts/short-names.mjs <dir with main.js and main_bg.wasm>
import fs from "node:fs";
import path from "node:path";
import { encodeName, rewriteSections, uleb } from "./wasm-sections.mjs";

const dir = process.argv[2];
const wasmFile = path.join(dir, "main_bg.wasm");
const glueFile = path.join(dir, "main.js");
const buf = fs.readFileSync(wasmFile);
let glue = fs.readFileSync(glueFile, "utf8");
const loaderFile = path.join(dir, "__wasm_split.js");
const loader = fs.existsSync(loaderFile) ? fs.readFileSync(loaderFile, "utf8") : "";

// An import's description (a function's type, a table, a memory, a global, a tag): skipped.
const skipDesc = (r, kind) => {
  if (kind === 0) r.leb();
  else if (kind === 1) { r.p++; const f = r.leb(); r.leb(); if (f & 1) r.leb(); }
  else if (kind === 2) { const f = r.leb(); r.leb(); if (f & 1) r.leb(); }
  else if (kind === 3) r.p += 2;
  else if (kind === 4) { r.p++; r.leb(); }
  else throw new Error(`short-names: unknown import kind ${kind}`);
};

// Short names, a, b, ..., Z, aa, ab, ...: none equal to a name that stays.
const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
function* shortNames(taken) {
  for (let len = 1; ; len++) {
    const idx = new Array(len).fill(0);
    for (;;) {
      const s = idx.map((i) => alphabet[i]).join("");
      if (!taken.has(s)) yield s;
      let k = len - 1;
      while (k >= 0 && ++idx[k] === alphabet.length) idx[k--] = 0;
      if (k < 0) break;
    }
  }
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
let renamedImports = 0, renamedExports = 0;
const wasm = rewriteSections(buf, {
  // Imports: those from the glue (`./main_bg.js`) get short names.
  2: (r) => {
    const n = r.leb();
    const entries = [];
    for (let i = 0; i < n; i++) {
      const module = r.name(), field = r.name();
      const from = r.p;
      skipDesc(r, buf[r.p++]);
      entries.push({ module, field, desc: buf.subarray(from, r.p) });
    }
    const names = shortNames(new Set(entries.map((e) => e.field)));
    const parts = [uleb(n)];
    for (const e of entries) {
      let field = e.field;
      if (e.module === "./main_bg.js") {
        // The glue's import object: `name: function(...`, once.
        const key = new RegExp(`(?<![\\w$])${escape(e.field)}(?=\\s*:)`, "g");
        const hits = glue.match(key)?.length ?? 0;
        if (hits !== 1) throw new Error(`short-names: import ${e.field} is ${hits} times a key in the glue, expected once`);
        field = names.next().value;
        glue = glue.replace(key, field);
        renamedImports++;
      }
      parts.push(encodeName(e.module), encodeName(field), e.desc);
    }
    return Buffer.concat(parts);
  },
  // Exports: wasm-bindgen's closure adapters, named after their Rust paths, which the glue calls
  // as `wasm.<name>`. Everything else keeps its name (the loader and the chunks use some).
  7: (r) => {
    const n = r.leb();
    const entries = [];
    for (let i = 0; i < n; i++) {
      const field = r.name();
      const from = r.p;
      r.p++;
      r.leb();
      entries.push({ field, desc: buf.subarray(from, r.p) });
    }
    const rename = (f) => /^wasm_bindgen_[0-9a-f]{16}_/.test(f);
    const names = shortNames(new Set(entries.filter((e) => !rename(e.field)).map((e) => e.field)));
    const parts = [uleb(n)];
    for (const e of entries) {
      let field = e.field;
      if (rename(e.field)) {
        if (loader.includes(e.field)) throw new Error(`short-names: the loader uses export ${e.field}`);
        const use = new RegExp(`(?<=\\bwasm\\.)${escape(e.field)}(?![\\w$])`, "g");
        const hits = glue.match(use)?.length ?? 0;
        if (hits < 1) throw new Error(`short-names: the glue never calls export ${e.field}`);
        field = names.next().value;
        glue = glue.replace(use, field);
        // The glue's own wrapper functions may bear the same name: local, terser shortens them.
        if (glue.includes(`"${e.field}"`) || glue.includes(`'${e.field}'`)) throw new Error(`short-names: the glue names export ${e.field} in a string`);
        renamedExports++;
      }
      parts.push(encodeName(field), e.desc);
    }
    return Buffer.concat(parts);
  },
});

fs.writeFileSync(wasmFile, wasm);
fs.writeFileSync(glueFile, glue);
console.log(`short-names: ${renamedImports} imports and ${renamedExports} exports renamed (${buf.length} -> ${wasm.length} bytes)`);

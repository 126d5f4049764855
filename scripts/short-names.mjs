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

const dir = process.argv[2];
const wasmFile = path.join(dir, "main_bg.wasm");
const glueFile = path.join(dir, "main.js");
const buf = fs.readFileSync(wasmFile);
let glue = fs.readFileSync(glueFile, "utf8");
const loaderFile = path.join(dir, "__wasm_split.js");
const loader = fs.existsSync(loaderFile) ? fs.readFileSync(loaderFile, "utf8") : "";

// --- wasm reading and writing (only the sections rewritten here are decoded) ---
let p = 0;
const leb = () => {
  let r = 0, s = 0, b;
  do { b = buf[p++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80);
  return r;
};
const uleb = (n) => {
  const out = [];
  do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
  return Buffer.from(out);
};
const name = () => { const l = leb(); const s = buf.subarray(p, p + l).toString("utf8"); p += l; return s; };
const enc = (s) => { const b = Buffer.from(s, "utf8"); return Buffer.concat([uleb(b.length), b]); };

// A limits (table, memory) or a global type: skipped as raw bytes.
const skipDesc = (kind) => {
  if (kind === 0) leb();
  else if (kind === 1) { p++; const f = leb(); leb(); if (f & 1) leb(); }
  else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
  else if (kind === 3) p += 2;
  else if (kind === 4) { p++; leb(); }
  else throw new Error(`short-names: unknown import kind ${kind}`);
};

if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error("short-names: main_bg.wasm is not a wasm module");
p = 8;
const sections = [];
while (p < buf.length) {
  const head = p;
  const id = buf[p++];
  const size = leb();
  sections.push({ id, head, start: p, end: p + size });
  p += size;
}

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
const out = [buf.subarray(0, 8)];
let renamedImports = 0, renamedExports = 0;
for (const s of sections) {
  p = s.start;
  if (s.id === 2) {
    const n = leb();
    const parts = [uleb(n)];
    const taken = new Set();
    const entries = [];
    for (let i = 0; i < n; i++) {
      const module = name(), field = name();
      const from = p;
      const kind = buf[p++];
      skipDesc(kind);
      entries.push({ module, field, desc: buf.subarray(from, p) });
      taken.add(field);
    }
    const names = shortNames(taken);
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
      parts.push(enc(e.module), enc(field), e.desc);
    }
    const body = Buffer.concat(parts);
    out.push(Buffer.from([2]), uleb(body.length), body);
  } else if (s.id === 7) {
    const n = leb();
    const parts = [uleb(n)];
    const entries = [];
    for (let i = 0; i < n; i++) {
      const field = name();
      const from = p;
      p++;
      leb();
      entries.push({ field, desc: buf.subarray(from, p) });
    }
    // wasm-bindgen's closure adapters, named after their Rust paths: the glue calls them as
    // `wasm.<name>`. Everything else keeps its name (the loader and the chunks use some).
    const rename = (f) => /^wasm_bindgen_[0-9a-f]{16}_/.test(f);
    const names = shortNames(new Set(entries.filter((e) => !rename(e.field)).map((e) => e.field)));
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
      parts.push(enc(field), e.desc);
    }
    const body = Buffer.concat(parts);
    out.push(Buffer.from([7]), uleb(body.length), body);
  } else {
    out.push(buf.subarray(s.head, s.end));
  }
}
const wasm = Buffer.concat(out);
fs.writeFileSync(wasmFile, wasm);
fs.writeFileSync(glueFile, glue);
console.log(`short-names: ${renamedImports} imports and ${renamedExports} exports renamed (${buf.length} -> ${wasm.length} bytes)`);

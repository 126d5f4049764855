// Reads and rewrites a wasm module section by section, for the build's steps that edit the main
// module after wasm-bindgen (drop-stream-exports.mjs, short-names.mjs). Only the sections a step
// rewrites are decoded; every other one is copied byte for byte.

/** An unsigned LEB128 number, as bytes. */
export const uleb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
};

/** A name as the binary format writes it: its length, then its UTF-8 bytes. */
export const encodeName = (s) => {
  const b = Buffer.from(s, "utf8");
  return Buffer.concat([uleb(b.length), b]);
};

/** A reader over `buf` from `at`: `leb()` and `name()` read and move on; `p` is where it is. */
export const reader = (buf, at) => {
  const r = {
    buf,
    p: at,
    leb() {
      let n = 0, s = 0, b;
      do {
        b = buf[r.p++];
        n += (b & 0x7f) * 2 ** s;
        s += 7;
      } while (b & 0x80);
      return n;
    },
    name() {
      const l = r.leb();
      const s = buf.subarray(r.p, r.p + l).toString("utf8");
      r.p += l;
      return s;
    },
  };
  return r;
};

/**
 * The module with some sections replaced: `edit[id]` gets a reader at the start of that section's
 * body (and the section's end) and returns the new body. Sections with no editor stay as they are.
 */
export function rewriteSections(buf, edit) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  const out = [buf.subarray(0, 8)];
  const r = reader(buf, 8);
  while (r.p < buf.length) {
    const head = r.p;
    const id = buf[r.p++];
    const size = r.leb();
    const start = r.p, end = start + size;
    if (edit[id]) {
      const body = edit[id](reader(buf, start), end);
      out.push(Buffer.from([id]), uleb(body.length), body);
    } else {
      out.push(buf.subarray(head, end));
    }
    r.p = end;
  }
  return Buffer.concat(out);
}

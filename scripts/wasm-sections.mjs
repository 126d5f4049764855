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
 * The module's sections in order: each one's `id`, where it begins (`head`, its id byte) and where
 * its body begins and ends (`start`, `end`).
 */
export function* sections(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  const r = reader(buf, 8);
  while (r.p < buf.length) {
    const head = r.p;
    const id = buf[r.p++];
    const size = r.leb();
    yield { id, head, start: r.p, end: r.p + size };
    r.p += size;
  }
}

/**
 * The names of one subsection of the module's name section (1: functions, 9: data segments), by
 * index; empty when the module has none.
 */
export function names(buf, subsection) {
  const out = new Map();
  for (const s of sections(buf)) {
    const r = reader(buf, s.start);
    if (s.id !== 0 || r.name() !== "name") continue;
    while (r.p < s.end) {
      const sub = buf[r.p++];
      const subEnd = r.leb() + r.p;
      if (sub === subsection) for (let n = r.leb(); n > 0; n--) out.set(r.leb(), r.name());
      r.p = subEnd;
    }
  }
  return out;
}

/**
 * The module with some sections replaced: `edit[id]` gets a reader at the start of that section's
 * body (and the section's end) and returns the new body. Sections with no editor stay as they are.
 */
export function rewriteSections(buf, edit) {
  const out = [buf.subarray(0, 8)];
  for (const { id, head, start, end } of sections(buf)) {
    if (edit[id]) {
      const body = edit[id](reader(buf, start), end);
      out.push(Buffer.from([id]), uleb(body.length), body);
    } else {
      out.push(buf.subarray(head, end));
    }
  }
  return Buffer.concat(out);
}

/**
 * The module without its custom sections (`producers`, `target_features`, names): browsers read
 * none of them, and each is about 200 bytes in every file that travels.
 */
export function withoutCustomSections(buf) {
  const kept = [...sections(buf)].filter((s) => s.id !== 0).map((s) => buf.subarray(s.head, s.end));
  return Buffer.concat([buf.subarray(0, 8), ...kept]);
}

/**
 * The module's active data segments at constant addresses, `{ offset, size, name }` (the name from
 * the name section, when the module has one: the linker's `.rodata`, `.data`, `.bss`).
 */
export function dataSegments(buf) {
  const segments = [];
  for (const s of sections(buf)) {
    if (s.id !== 11) continue;
    const r = reader(buf, s.start);
    const n = r.leb();
    for (let i = 0; i < n; i++) {
      const flags = r.leb();
      if (flags === 1) {
        r.p += r.leb(); // passive: no address
        continue;
      }
      if (flags === 2) r.leb(); // memory index
      if (buf[r.p++] !== 0x41) throw new Error("data segment: not at an i32.const address");
      // A signed LEB128: the addresses here are below 2^31, so its unsigned reading is right
      // unless the sign bit is set.
      const offset = r.leb();
      if (buf[r.p++] !== 0x0b) throw new Error("data segment: address is not one constant");
      const len = r.leb();
      segments.push({ index: i, offset, size: len });
      r.p += len;
    }
  }
  const named = names(buf, 9);
  return segments.map((s) => ({ ...s, name: named.get(s.index) }));
}

/**
 * The module with each active data segment that lies within [lo, hi) and holds only zeros made
 * empty (same index, same address, no bytes): the linker's `.bss`, which memory already holds as
 * zeros. Returns the module and how many segments were emptied.
 */
export function withoutZeroSegments(buf, lo, hi) {
  let emptied = 0;
  const out = rewriteSections(buf, {
    11: (r, end) => {
      const parts = [];
      const n = r.leb();
      parts.push(uleb(n));
      for (let i = 0; i < n; i++) {
        const start = r.p;
        const flags = r.leb();
        if (flags === 1) {
          r.p += r.leb();
          parts.push(buf.subarray(start, r.p));
          continue;
        }
        if (flags === 2) r.leb();
        r.p++; // i32.const
        const offset = r.leb();
        r.p++; // end
        const head = buf.subarray(start, r.p);
        const len = r.leb();
        const bytes = buf.subarray(r.p, r.p + len);
        r.p += len;
        if (len > 0 && offset >= lo && offset + len <= hi && bytes.every((b) => b === 0)) {
          parts.push(head, uleb(0));
          emptied++;
        } else parts.push(head, uleb(len), bytes);
      }
      if (r.p !== end) throw new Error("data section: unexpected trailing bytes");
      return Buffer.concat(parts);
    },
  });
  return { module: out, emptied };
}

// A module as it travels: terser (an npm dev tool) takes out whitespace and comments and shortens
// local names; exports, import.meta, globals and property names stay. For the glue and the chunk
// loader (scripts/assemble.mjs imports `small`) and the boot script (src/prerender.rs runs this
// file, the script on its standard input, the result on its standard output).
// Brotli, session 13: glue 8.8 -> 7.2 KB, loader 2.2 -> 1.3 KB; session 26: boot 1285 -> 1131
// bytes; on every first visit.
import { minify } from "terser";
import fs from "node:fs";
import { fileURLToPath } from "node:url";

export const small = async (code) => {
  const out = await minify(code, { module: true, compress: true, mangle: true, format: { comments: false } });
  if (!out.code) throw new Error("terser returned nothing");
  return out.code;
};

// Run as a script (a path through a symbolic link names the same file).
if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url))) {
  let code = "";
  for await (const chunk of process.stdin) code += chunk;
  process.stdout.write(await small(code));
}

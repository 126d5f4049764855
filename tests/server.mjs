// A small static server for dist/ (Node built-ins only), used by the serve command, the
// end-to-end tests and the benchmark. It can mount the app under a sub-path, fall back or not,
// compress with brotli, and send a CSP header.
//
//   node tests/server.mjs --root dist --port 8080 [--prefix /formation/reperes/] [--fallback index|404] [--brotli]
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".zip": "application/zip",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".xml", ".txt"]);
// Trunk writes the hash as hex without leading zeros: 16 digits or a few fewer.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|txt)$/;

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

export function startServer({ root, port = 0, host = "127.0.0.1", prefix = "/", fallback = "404", brotli = false, csp = false, headers = {} }) {
  const state = { root: path.resolve(root), cache: new Map(), requests: [], sent: [] };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    state.requests.push(url.pathname);
    const send = (status, file, extra = {}) => {
      const ext = path.extname(file);
      let body = fs.readFileSync(file);
      const h = {
        "Content-Type": TYPES[ext] || "application/octet-stream",
        "Cache-Control": HASHED.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
        ...(csp ? { "Content-Security-Policy": CSP } : {}),
        ...headers,
        ...extra,
      };
      if (brotli && COMPRESSIBLE.has(ext) && /\bbr\b/.test(req.headers["accept-encoding"] || "")) {
        const key = file + ":" + fs.statSync(file).mtimeMs;
        if (!state.cache.has(key)) {
          state.cache.set(key, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        }
        body = state.cache.get(key);
        h["Content-Encoding"] = "br";
        h["Vary"] = "Accept-Encoding";
      }
      h["Content-Length"] = body.length;
      state.sent.push([url.pathname, req.method === "HEAD" ? 0 : body.length]);
      res.writeHead(status, h);
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      return res.end("not under " + prefix);
    }
    let rel;
    try {
      rel = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      res.writeHead(400);
      return res.end();
    }
    const file = path.join(state.root, rel);
    if (!file.startsWith(state.root)) {
      res.writeHead(403);
      return res.end();
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!url.pathname.endsWith("/")) {
        res.writeHead(301, { Location: url.pathname + "/" + url.search });
        return res.end();
      }
      const index = path.join(file, "index.html");
      if (fs.existsSync(index)) return send(200, index);
    } else if (fs.existsSync(file)) {
      return send(200, file);
    }
    if (fallback === "index" && !path.extname(rel)) return send(200, path.join(state.root, "index.html"));
    const notFound = path.join(state.root, "404.html");
    if (fs.existsSync(notFound)) return send(404, notFound);
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("not found");
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({
        url: `http://${host}:${p}${prefix}`,
        port: p,
        state,
        setRoot: (dir) => { state.root = path.resolve(dir); state.cache.clear(); },
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf("--" + name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const root = opt("root", "dist");
  if (!fs.existsSync(path.join(root, "index.html"))) {
    console.error(`No ${root}/index.html: build first (./scripts/build.sh).`);
    process.exit(1);
  }
  const s = await startServer({
    root,
    port: Number(opt("port", 8080)),
    prefix: opt("prefix", "/"),
    fallback: opt("fallback", "404"),
    brotli: args.includes("--brotli"),
  });
  console.log(`Repères is served on ${s.url}`);
}

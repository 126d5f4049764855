// Repères service worker (MIT). dist/sw.js is generated from this file by the prerender step
// (src/prerender.rs), which fills in the precache list: every file of the build with its content
// hash. A new build therefore always ships a new worker.
//
// - install: precache every file (URLs relative to the worker, so any sub-path works; a page as
//   its offline twin, without the text it carries, see `write_page` in src/prerender.rs), each body
//   checked against its SHA-256 (see `download`); a file whose hash is unchanged since the
//   previous version is copied from that version's cache, so an update downloads only what
//   changed;
// - it waits: the page asks the learner, then posts {type: "skip-waiting"};
// - activate: delete the caches of older versions, take control;
// - fetch: same-origin GETs under our scope come from the cache first; a page URL maps to its
//   prerendered index.html; an unknown page gets 404.html (with its <base> set to the scope) when
//   the host answers 404, or answers with the home page (a fallback), or the network is down.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = "reperes-" + VERSION;
const SCOPE = new URL("./", self.location).href;

// Trunk writes the hash as hex without leading zeros: 16 digits or a few fewer.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|txt)$/;

// Each cache keeps the list it was filled from under this key, to tell what changed.
const LIST = new URL("__precache-list__", SCOPE).href;

/** The cache holding each file of earlier versions, by "url hash" (checked when it was stored). */
async function earlier() {
  const found = new Map();
  for (const name of await caches.keys()) {
    if (!name.startsWith("reperes-") || name === CACHE) continue;
    const old = await caches.open(name);
    const list = await old.match(LIST);
    if (!list) continue;
    for (const [file, hash] of await list.json()) {
      const url = new URL(file, SCOPE).href;
      if (!found.has(url + " " + hash)) found.set(url + " " + hash, old);
    }
  }
  return found;
}

/** One file of the build, checked by the browser against its SHA-256 from the precache list. A
 * body that does not match (a stale copy kept by a cache between the host and the learner, a cut
 * download) is asked once more past every cache; if it still does not match, the install fails and
 * the previous version stays in use (the next visit tries again). */
async function download(url, hash, fresh) {
  try {
    return await fetch(url, { cache: fresh, integrity: hash });
  } catch {
    return await fetch(url, { cache: "reload", integrity: hash });
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const previous = await earlier();
      try {
        await fill(cache, previous);
      } catch (error) {
        await caches.delete(CACHE); // a failed install leaves nothing behind
        throw error;
      }
    })(),
  );
});

/** Puts every file of FILES in the cache, then the list itself; throws if any file failed (after
 * all have settled, so that nothing is still writing when the caller deletes the cache). */
async function fill(cache, previous) {
  const results = await Promise.allSettled(
    // A page comes with a third name: its offline twin, stored in its place (the same page
    // without the text it carries for a first visit: here every text pack is precached anyway).
    FILES.map(async ([file, hash, from = file]) => {
      const url = new URL(file, SCOPE).href;
      const kept = previous.get(url + " " + hash);
      // A file whose name carries its hash (the wasm, its glue, the CSS) never changes under that
      // name: the copy the page just downloaded, in the HTTP cache, will do.
      const fresh = HASHED.test(file) ? "default" : "no-cache";
      const response = (kept && (await kept.match(url))) || (await download(new URL(from, SCOPE).href, hash, fresh));
      if (!response.ok) throw new Error("precache failed: " + file);
      await cache.put(url, response);
    }),
  );
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
  await cache.put(LIST, new Response(JSON.stringify(FILES), { headers: { "Content-Type": "application/json" } }));
}

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("reperes-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function notFound(cache) {
  const page = await cache.match(new URL("404.html", SCOPE).href);
  if (!page) return null;
  const html = (await page.text()).replace(/<base href="[^"]*">/, `<base href="${new URL(SCOPE).pathname}">`);
  return new Response(html, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/** A host that answers every unknown path with the app's home page (a "fallback to index.html"):
 * that page's relative <base href="./"> would then point into the unknown folder, so none of its
 * files would load. Only the home page has that base; a page deeper than the scope with it is the
 * fallback, not a real page (real pages of a newer version have "../" bases). */
async function isFallback(request, response) {
  const depth = new URL(request.url).pathname.slice(new URL(SCOPE).pathname.length).split("/").filter(Boolean).length;
  if (!response.ok || depth === 0 || !(response.headers.get("Content-Type") || "").includes("text/html")) return false;
  return (await response.clone().text()).includes('<base href="./">');
}

function cacheKey(request) {
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  if (request.mode === "navigate" && url.pathname.endsWith("/")) url.pathname += "index.html";
  return url.href;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const key = cacheKey(request);
      const hit = await cache.match(key);
      if (hit) return hit;
      // A page asked without its trailing slash: redirect, as a static server would, so that the
      // page's relative <base href> resolves from the right folder.
      if (request.mode === "navigate" && !key.endsWith(".html") && (await cache.match(key + "/index.html"))) {
        const url = new URL(request.url);
        url.pathname += "/";
        return Response.redirect(url.href, 301);
      }
      // An unknown page: the host's answer, unless it is a 404 or there is no network; then our
      // own not-found page, whose <base> is set to where the app lives (the built file assumes
      // the host's root, which is wrong under a sub-path).
      try {
        const response = await fetch(request);
        if (request.mode === "navigate" && response.status === 404) return (await notFound(cache)) || response;
        if (request.mode === "navigate" && (await isFallback(request, response))) return (await notFound(cache)) || response;
        return response;
      } catch (err) {
        if (request.mode === "navigate") {
          const page = await notFound(cache);
          if (page) return page;
        }
        // The page asked for it and left (a chunk fetched in idle time, then a click to another
        // page): nobody reads the answer, and a rejection here is a console error in Firefox.
        if (request.signal && request.signal.aborted) return new Response(null, { status: 503, statusText: "aborted" });
        throw err;
      }
    }),
  );
});

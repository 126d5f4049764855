//! Build step, native only: renders every route to its own HTML file, moves the inline loader
//! into a file (so the CSP needs no hash), and generates the service worker with a precache list
//! of every file and its content hash.
//!
//! Each page gets `<base href>` pointing at the app root by a relative path (`../../` for
//! `phases/solomo/index.html`), so the same `dist/` works at the root of a host and under any
//! sub-path, with or without a fallback to index.html.

use crate::content::tables;
use crate::content::ui;
use crate::i18n::Lang;
use crate::route::Route;
use crate::{
    app::App,
    state::{description, title, Boot, Ctx},
};
use leptos::prelude::*;
use std::{fs, path::Path};

/// The live app's HTML for a route, as the browser would first see it (French, nothing saved).
pub fn render(route: Route) -> String {
    let owner = Owner::new();
    owner.with(|| view! { <App ctx=Ctx::new(Boot::prerender(route))/> }.to_html())
}

const APP_SLOT: &str = r#"<div id="app"></div>"#;
const BASE_SLOT: &str = r#"<base href="./">"#;

/// Fills the template for one route.
pub fn page(template: &str, route: Route, base: &str) -> String {
    // Outside the app root, so it stays when the live app replaces the prerendered one; shown by
    // the loader only if the app cannot start (see `paint_first`). In both languages: without the
    // app, nothing knows which one the learner chose.
    let failed = format!(
        r#"<div id="load-failed" class="load-failed" role="alert" hidden><p>{}</p><p lang="en">{}</p></div>"#,
        escape(ui::LOAD_FAILED.get(Lang::Fr)),
        escape(ui::LOAD_FAILED.get(Lang::En))
    );
    let html = template
        .replacen(APP_SLOT, &(failed + &render(route)), 1)
        .replacen(BASE_SLOT, &format!(r#"<base href="{base}">"#), 1);
    let html = html.replacen(
        DESCRIPTION_SLOT,
        &format!(
            r#"<meta name="description" content="{}">"#,
            escape(description(route, Lang::Fr)).replace('"', "&quot;")
        ),
        1,
    );
    replace_title(&html, &title(route, Lang::Fr))
}

const DESCRIPTION_SLOT: &str = r#"<meta name="description" content="">"#;

fn replace_title(html: &str, t: &str) -> String {
    match (html.find("<title>"), html.find("</title>")) {
        (Some(a), Some(b)) => format!(
            "{}<title>{}</title>{}",
            &html[..a],
            escape(t),
            &html[b + 8..]
        ),
        _ => html.to_string(),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Where the app lives on its host (`REPERES_HOST_PATH`, for the not-found page's base): an
/// absolute path ending with `/`; the host root if not given.
pub fn host_path(raw: Option<&str>) -> Result<String, String> {
    let p = raw.map(str::trim).filter(|p| !p.is_empty()).unwrap_or("/");
    let safe = p
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/-_.~%".contains(c));
    if !p.starts_with('/') || !p.ends_with('/') || !safe || p.contains("/../") || p.contains("//") {
        return Err(format!(
            "REPERES_HOST_PATH={p:?}: give the app's path on its host, such as /formation/reperes/"
        ));
    }
    Ok(p.to_string())
}

/// 64-bit FNV-1a, in hex: a content hash for cache busting (not for security).
pub fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Moves Trunk's inline `<script type="module">` loader into `boot-<hash>.js`, changed so that
/// the page paints first: Trunk's preload links go (`with_early_files` puts back the main
/// module's alone), and the loader waits for the first frame before it starts the glue and the
/// wasm (otherwise the wasm's streaming compilation competes with the first paint of the
/// prerendered text); the downloads start before that wait (`EARLY_FETCH`).
fn externalise_loader(template: &str, dist: &Path, minify: Minify) -> Result<String, String> {
    let open = r#"<script type="module">"#;
    let Some(start) = template.find(open) else {
        return Ok(template.to_string());
    };
    let end = template[start..]
        .find("</script>")
        .ok_or("unclosed loader script")?
        + start;
    let code = minify(&paint_first(&template[start + open.len()..end])?)?;
    let name = format!("boot-{}.js", &hash(code.as_bytes())[..12]);
    fs::write(dist.join(&name), &code).map_err(|e| e.to_string())?;
    let page = format!(
        r#"{}<script type="module" src="{name}"></script>{}"#,
        &template[..start],
        &template[end + 9..]
    );
    Ok(without_preloads(&page))
}

/// How the boot script travels: its source here is written to be read.
type Minify = fn(&str) -> Result<String, String>;

/// The boot script minified by terser, as the glue is (scripts/minify.mjs, run by node): local
/// names shortened too, 1285 -> 1131 bytes brotli on every first visit (session 26).
fn terser(code: &str) -> Result<String, String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/minify.mjs");
    let failed = |e: std::io::Error| format!("node {script}: {e}");
    let mut node = Command::new("node")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(failed)?;
    node.stdin
        .take()
        .ok_or("node: no standard input")?
        .write_all(code.as_bytes())
        .map_err(failed)?;
    let out = node.wait_with_output().map_err(failed)?;
    match String::from_utf8(out.stdout) {
        Ok(code) if out.status.success() && !code.trim().is_empty() => Ok(code),
        _ => Err(format!("node {script} could not minify the boot script")),
    }
}

/// The boot script with no indentation, no blank line and no line that is only a comment (3.8
/// KB raw, 1.47 KB brotli; compacted, 1.15 KB brotli): what the unit tests read, without node.
/// Lines stay lines, so no statement can run into the next.
#[cfg(test)]
fn compact_js(code: &str) -> String {
    code.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Trunk's loader (`import init, * as bindings from './x.js'; const wasm = await init(…)`) with
/// the first screen's files asked for at once (`EARLY_FETCH`), and the glue's start made dynamic
/// and delayed until the first frame (or one second, for a page that is not
/// rendering, such as an iframe off screen). If the app cannot be fetched or started (a dropped
/// connection, say, or an error before it is live), the prerendered page stays and says so: its
/// text and links keep working.
fn paint_first(code: &str) -> Result<String, String> {
    let import = "import init, * as bindings from ";
    let at = code
        .find(import)
        .ok_or("Trunk's loader changed: no import line")?;
    let line_end = code[at..].find(';').ok_or("Trunk's loader changed")? + at;
    let module = code[at + import.len()..line_end].trim();
    let rest = code[line_end + 1..].trim();
    if !rest.contains("await init(") {
        return Err("Trunk's loader changed: no init call".into());
    }
    // The main module's request is started with the others (see EARLY_FETCH).
    let rest = rest.replacen("module_or_path: '", "module_or_path: __reperesFetch('", 1);
    let rest = match rest.find("__reperesFetch('") {
        Some(at) => match rest[at + 16..].find('\'') {
            Some(q) => format!("{}){}", &rest[..at + 17 + q], &rest[at + 17 + q..]),
            None => return Err("Trunk's loader changed: unclosed wasm path".into()),
        },
        None => return Err("Trunk's loader changed: no module_or_path".into()),
    };
    Ok(format!(
        "const failed = () => {{ if (!document.documentElement.hasAttribute(\"data-ready\")) document.getElementById(\"load-failed\")?.removeAttribute(\"hidden\"); }};\n\
         addEventListener(\"unhandledrejection\", failed);\n\
         addEventListener(\"error\", failed);\n\
         {EARLY_FETCH}\
         {EARLY_HEIGHT}\
         {SCREENS_STYLE}\
         await new Promise((go) => {{ requestAnimationFrame(() => setTimeout(go, 0)); setTimeout(go, 1000); }});\n\
         try {{\n\
         const bindings = await import({module});\n\
         const init = bindings.default;\n\
         {rest}\n\
         }} catch (error) {{\n\
         failed();\n\
         }}\n"
    ))
}

/// In a frame (an LMS's course page), the boot script tells the parent the page's height as soon
/// as it paints, and at each change, with the messages of the app's own bridge
/// (`platform::embed`, which starts once the app is live and then stops this one,
/// `__reperesHeight`): the course page sizes the frame to the prerendered text at once, not after
/// the app's code (about 1.2 s later on a slow network). `?parent=` restricts the messages as the
/// bridge does; an origin the browser refuses sends none, and never stops the page.
const EARLY_HEIGHT: &str = r#"if (parent !== window) try {
  const to = new URLSearchParams(location.search).get("parent") || "*";
  let told = 0;
  const tell = () => {
    const app = document.getElementById("app");
    const height = app ? Math.ceil(app.getBoundingClientRect().height) : 0;
    if (height && height !== told) try { parent.postMessage({ source: "reperes", version: 1, type: "height", height }, to); told = height; } catch {}
  };
  // The body, not #app: the live app replaces that element.
  globalThis.__reperesHeight = new ResizeObserver(tell);
  globalThis.__reperesHeight.observe(document.body);
} catch {}
"#;

/// The screens' style sheet, for the chunk loader (`STYLED` in scripts/assemble.mjs), which
/// loads it with the code of the screens that draw with it: the pages whose first screen needs it
/// link it; the others' boot tag names it (`data-css`, see [`with_style`]), and the
/// first screen or presenter mode that needs it adds it, once. A load that fails is forgotten:
/// the next call tries again.
const SCREENS_STYLE: &str = r#"let sheet;
globalThis.__reperesStyle = () => sheet ||= new Promise((ok, no) => {
  const href = document.querySelector("script[data-css]")?.dataset.css;
  if (!href) return ok();
  const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href, onload: ok, onerror: () => { link.remove(); sheet = null; no(new Error(`style sheet ${href} did not load`)); } });
  document.head.append(link);
});
"#;

/// The page without the screens' style sheet if its first screen does without it
/// (`Route::screens_style`): the template links it (`data-screens`), and the boot tag then names
/// it instead (`data-css`, read by [`SCREENS_STYLE`]). Unchanged if the template has no such link;
/// an error if it has one and no boot tag to name it on (its screens would open unstyled).
fn with_style(page: &str, route: Route) -> Result<String, String> {
    let Some(end) = page.find("\" data-screens>") else {
        return Ok(page.to_string());
    };
    let open = "<link rel=\"stylesheet\" href=\"";
    let Some(at) = page[..end].rfind(open) else {
        return Ok(page.to_string());
    };
    if route.screens_style() {
        return Ok(page.to_string());
    }
    if !page.contains(" src=\"boot-") {
        return Err("the page has no boot tag to name the screens' style sheet on".into());
    }
    let file = &page[at + open.len()..end];
    let tag_end = end + "\" data-screens>".len();
    let tag_end = tag_end + usize::from(page[tag_end..].starts_with('\n'));
    let page = format!("{}{}", &page[..at], &page[tag_end..]);
    Ok(page.replacen(
        " src=\"boot-",
        &format!(" data-css=\"{file}\" src=\"boot-"),
        1,
    ))
}

/// As soon as it runs (once the style sheet is in), before it waits for the first paint, the boot
/// script asks for everything the first screen needs at once, instead of one step after another
/// (the glue, then the main module, then, once that runs, the screen's chunks and text: three
/// round trips on a slow network). The page's boot tag lists the files (`data-early`: the glue,
/// with the chunk loader in it, first, as every later step waits for it, then the main module,
/// the screen's chunks; `data-text-fr`, `data-text-en`: its text packs, of which the language the
/// app will show, as `lib.rs` chooses it: `?lang=`, else the saved choice, else French). A pack
/// the page carries itself (`data-pack`, see [`with_inline_text`]) is taken from there, with no
/// request. Each response is kept for the one request that wants it (`__reperesFetch`, used by
/// the main module's load, the chunk loader and `platform::text` through `__reperesText`), so
/// nothing travels twice. The screen's code is one file, its first-load bundle, which the page
/// names (`data-first`, see [`with_early_files`]) for the chunk loader. Not with `?view=` (an LMS package's address, whose page is the home
/// page's whatever the screen): there the packs the page carries are still taken from it, when
/// asked for.
const EARLY_FETCH: &str = r#"const early = new Map();
const at = (f) => new URL(f, document.baseURI).href;
// WebKit does not hand a file preloaded with <link rel=preload as=fetch> over to fetch(): asked for
// while the preload is still coming, it travels twice (seen in WebKitGTK: the main module fetched
// twice; DioxusLabs/dioxus#4796). There, fetch() waits for the preload to end, then takes it from
// the cache. Chromium and Firefox take the preload over at once, mid-download.
// The engine, not the brand: every Blink browser says "Chrome/"; on iOS every browser is WebKit.
const webkit = /AppleWebKit/.test(navigator.userAgent) && !/Chrome\//.test(navigator.userAgent);
const afterPreload = (u) => {
  const link = webkit && [...document.querySelectorAll('link[rel=preload]')].find((l) => l.href === u);
  if (!link) return Promise.resolve();
  return new Promise((go) => {
    link.addEventListener("load", go);
    link.addEventListener("error", go);
    if (performance.getEntriesByName(u).length) go();
  });
};
// The text packs the page carries itself (see `with_inline_text`), by address.
const inlined = new Map([...document.querySelectorAll("script[data-pack]")].map((s) => [at(s.dataset.pack), s.textContent]));
const inline = (u) => inlined.has(u) && Promise.resolve(new Response(inlined.get(u)));
globalThis.__reperesFetch = (f) => { const u = at(f); const p = early.get(u); early.delete(u); return p || inline(u) || fetch(u); };
// A text pack's body (`platform::text`). Asked for again while it is coming (a screen's load and
// the idle prefetch), it shares the one request.
const texts = new Map();
globalThis.__reperesText = (f) => {
  const u = at(f);
  if (!texts.has(u)) {
    const p = __reperesFetch(f).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))));
    const done = () => texts.delete(u);
    p.then(done, done);
    texts.set(u, p);
  }
  return texts.get(u);
};
{
  const tag = document.querySelector("script[data-early]");
  const query = new URLSearchParams(location.search);
  if (tag && !query.has("view")) {
    // The first screen's bundle (`data-first`), for the chunk loader, which reads it when the
    // glue first runs (see scripts/merge-chunks.mjs).
    globalThis.__reperesFirst = tag.dataset.first;
    let lang = query.get("lang");
    // Saved progress (`lib.rs` reads it before building the app): its reader's chunk (`data-stored`).
    let stored = null;
    try { stored = localStorage.getItem("reperes"); } catch {}
    if (lang !== "fr" && lang !== "en") try { lang = JSON.parse(stored).lang; } catch {}
    const files = [tag.dataset.early, stored !== null && tag.dataset.stored, lang === "en" ? tag.dataset.textEn : tag.dataset.textFr].filter(Boolean).join(" ").split(" ").filter(Boolean);
    for (const f of files) {
      if (f.endsWith(".js")) import(at(f)).catch(() => {});
      else if (!inlined.has(at(f))) { const p = afterPreload(at(f)).then(() => fetch(at(f))); p.catch(() => {}); early.set(at(f), p); }
    }
  }
}
"#;

/// The boot tag of a route's page with the files its first screen needs (see [`EARLY_FETCH`]),
/// read from the build's manifest (`chunks.json`). With `bundle`, the page as the network serves
/// it: its screen's code is one file, the first-load bundle (`first_<screen>-<hash>.wasm`, see
/// scripts/merge-chunks.mjs), named again in `data-first`, which the boot script hands to the
/// chunk loader (the name tells it which screen the bundle is for, and where it is): one file where
/// there were up to eight (progress: 30.7 KB brotli in 8 files, 20.3 in one). Without (the
/// worker's copy of the page, see [`write_page`]), or when the build has no bundle for the
/// screen: the screen's chunk and its shared chunks.
fn with_early_files(
    page: &str,
    manifest: &serde_json::Value,
    route: Route,
    bundle: bool,
) -> String {
    let screen = crate::views::chunk(route);
    let chunk = &manifest["chunks"][screen];
    let mut early: Vec<String> = [&manifest["main"]["js"], &manifest["main"]["wasm"]]
        .into_iter()
        .filter_map(|f| f.as_str().map(String::from))
        .collect();
    let first = manifest["first"][screen]["file"]
        .as_str()
        .filter(|_| bundle);
    // The screen's chunks, the largest first. With the glue and the main module they are more
    // files than the browser's six connections per host (HTTP/1.1): the last asked for waits a
    // round trip for a free one, and the smallest then arrives soonest after it (slow profile,
    // home page: its 10 KB own chunk, asked for last, came 40 ms after everything else; the
    // time to live, over 12 runs each, moved within the noise).
    let files_of = |chunk: &serde_json::Value| -> Vec<(u64, String)> {
        let mut files: Vec<(u64, String)> = chunk["shared"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|id| id.as_str().map(|id| &manifest["shared"][id]))
            .chain([chunk])
            .filter_map(|c| {
                Some((
                    c["bytes"].as_u64().unwrap_or(0),
                    c["file"].as_str()?.to_string(),
                ))
            })
            .collect();
        // The largest first; a file two shared ids name (merged groups) once.
        files.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        files.dedup();
        files
    };
    let chunks = files_of(chunk);
    // The reader of stored progress (`platform::storage::read_progress`), asked for with the rest
    // when something is stored: a returning visitor's page waits for it before the app is built.
    let stored: Vec<String> = files_of(&manifest["chunks"]["reader"])
        .into_iter()
        .map(|(_, f)| f)
        .collect();
    match first {
        Some(file) => early.push(file.to_string()),
        None => early.extend(chunks.into_iter().map(|(_, f)| f)),
    }
    let first = first.map_or(String::new(), |f| format!(" data-first=\"{f}\""));
    let packs = route.text_packs();
    let text = |lang: Lang| {
        (0..tables::TEXT_PACKS)
            .filter(|p| packs & (1 << p) != 0)
            .map(|p| tables::file(lang, p))
            .collect::<Vec<_>>()
            .join(" ")
    };
    // The main module, the largest file, is asked for from the page's head as well: the boot
    // script only runs once the style sheet is in, so the module's download then overlaps the
    // style sheet's round trip instead of following it (slow network: live about 0.3 s sooner, the
    // first paint about 50 ms later). Only this one: preloading the chunks too took more of the
    // style sheet's share of the bandwidth and was slower overall. `crossorigin` makes the preload
    // match the boot script's `fetch()`, which takes it over (one download).
    let preload = manifest["main"]["wasm"].as_str().map_or(String::new(), |f| {
        format!("<link rel=\"preload\" href=\"{f}\" as=\"fetch\" crossorigin fetchpriority=\"low\">")
    });
    page.replacen(
        "<script type=\"module\" src=\"boot-",
        &format!(
            "{preload}<script type=\"module\"{first} data-early=\"{}\"{} data-text-fr=\"{}\" data-text-en=\"{}\" src=\"boot-",
            early.join(" "),
            if stored.is_empty() {
                String::new()
            } else {
                format!(" data-stored=\"{}\"", stored.join(" "))
            },
            text(Lang::Fr),
            text(Lang::En)
        ),
        1,
    )
}

/// The packs a page carries in its own language, French: every pack its first screen shows, so
/// that French, the language most first visits read, asks for no text file before the screen is
/// live. Most of a pack's strings are in the page's HTML already, and one brotli stream for both
/// sends them about once: the quiz's page with its questions' and tools' packs was 16.5 KB brotli,
/// against 20.0 as three files (and two requests' headers, about 300 bytes each). A visitor who reads in
/// English carries them for nothing (the quiz's page 4.5 KB more, pack 0 about 3.4 KB on the home
/// page) and fetches their own, as they did when only pack 0 travelled inside the page.
const INLINE_PACKS: tables::Packs = tables::ALL;

/// The page with the French text packs of its first screen that it carries itself (see
/// [`INLINE_PACKS`]), at the end of its body, as inert `<script type="text/plain">` blocks (no
/// CSP hash needed: they never run). The boot script hands them to the app as if fetched.
///
/// Why: each text file was one request more at the moment the first screen's files took all of
/// the browser's six connections per host (HTTP/1.1), so the last of them waited a round trip for
/// a free connection. On the slow profile (1.6 Mbps, 150 ms) the home page was live about 80 ms
/// sooner with pack 0 inside it (medians of 10 runs, session 16).
fn with_inline_text(page: &str, route: Route) -> Result<String, String> {
    let mut blocks = String::new();
    for pack in
        (0..tables::TEXT_PACKS).filter(|p| route.text_packs() & INLINE_PACKS & (1 << p) != 0)
    {
        let (name, body) = (tables::file(Lang::Fr, pack), tables::built(Lang::Fr, pack));
        // Raw text inside <script>: only these could end or change the block (and the parser
        // turns a carriage return into a line feed).
        let lower = body.to_lowercase();
        if ["</script", "<script", "<!--"]
            .iter()
            .any(|t| lower.contains(t))
            || body.contains('\r')
        {
            return Err(format!("{name}: cannot travel inside the page (a <script or <!-- in its text, or a carriage return)"));
        }
        blocks.push_str(&format!(
            r#"<script type="text/plain" data-pack="{name}">{body}</script>"#
        ));
    }
    match page.rfind("</body>") {
        Some(at) => Ok(format!("{}{blocks}{}", &page[..at], &page[at..])),
        None => Err("the page has no </body>".into()),
    }
}

/// Where a page's offline twin is written: `index.html` → `index.offline.html`.
pub const OFFLINE_TWIN: &str = ".offline.html";

/// Writes a page as the network serves it, with the text it carries (see [`with_inline_text`]),
/// and its twin for the service worker's copy, without: once the worker has precached the build,
/// every page comes from its cache, and so does every text pack, so a pack inside a page is only
/// bytes the offline copy downloads again for each of the 41 pages (about 155 KB of brotli of
/// about 670 in session 19). The worker stores the twin under the page's own address (see
/// [`precache`]); its boot script then asks for pack 0 like any other.
///
/// The page as served also loads its first screen's bundle (see [`with_early_files`]); the twin
/// loads the screen's chunk and shared chunks, which the worker has precached.
fn write_page(
    path: &Path,
    page: &str,
    manifest: &serde_json::Value,
    route: Route,
) -> Result<(), String> {
    let served = with_inline_text(
        &with_style(&with_early_files(page, manifest, route, true), route)?,
        route,
    )?;
    fs::write(path, served).map_err(|e| e.to_string())?;
    let twin = path.with_extension("").with_extension(&OFFLINE_TWIN[1..]);
    let twin_page = with_style(&with_early_files(page, manifest, route, false), route)?;
    fs::write(twin, twin_page).map_err(|e| e.to_string())
}

/// The page without `<link rel="preload">` and `<link rel="modulepreload">` tags.
fn without_preloads(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find("<link rel=\"") {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        if !(tag.starts_with("<link rel=\"preload\"")
            || tag.starts_with("<link rel=\"modulepreload\""))
        {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Every file under `dir`, as paths relative to it with `/` separators, sorted.
fn files(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let mut entries: Vec<_> = fs::read_dir(dir).into_iter().flatten().flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = format!("{prefix}{}", e.file_name().to_string_lossy());
        if e.path().is_dir() {
            files(&e.path(), &format!("{name}/"), out);
        } else {
            out.push(name);
        }
    }
}

/// A body's SHA-256 in Subresource Integrity form (`sha256-<base64>`): the service worker passes it
/// to `fetch`, and the browser refuses a body that does not match (a stale copy from a cache
/// between the host and the learner, a truncated download).
pub fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The precache list as JSON, and a version derived from it: `["path", "sha256-…"]` for a file
/// stored as it is, `["page.html", "sha256-…", "page.offline.html"]` for a page whose offline
/// twin (see [`write_page`]) is stored in its place (the hash is the twin's).
pub fn precache(dist: &Path) -> (String, String) {
    let mut all = vec![];
    files(dist, "", &mut all);
    let twin_of = |f: &str| {
        f.strip_suffix(".html")
            .map(|p| format!("{p}{OFFLINE_TWIN}"))
    };
    let entries: Vec<Vec<String>> = all
        .iter()
        .filter(|f| {
            *f != "sw.js" && *f != "sw-template.js" && *f != "chunks.json" && !f.ends_with(".map")
        })
        .filter(|f| !f.ends_with(OFFLINE_TWIN))
        // The first-load bundles: only a page from the network loads one; the worker's pages
        // (the twins) load the chunks, which it has.
        .filter(|f| !f.starts_with("first_"))
        .map(|f| {
            let twin = twin_of(f).filter(|t| all.contains(t));
            let from = twin.as_deref().unwrap_or(f);
            let h = integrity(&fs::read(dist.join(from)).unwrap_or_default());
            let mut entry = vec![f.clone(), h];
            entry.extend(twin);
            entry
        })
        .collect();
    let json = serde_json::to_string(&entries).expect("strings serialise");
    let version = hash(json.as_bytes())[..12].to_string();
    (json, version)
}

/// Every route's screen has its chunk in the build's manifest (`chunks.json`, written by
/// scripts/assemble.mjs): a screen whose code the splitter did not cut out would never load.
pub fn check_chunks(manifest: &str) -> Result<(), String> {
    let json: serde_json::Value =
        serde_json::from_str(manifest).map_err(|e| format!("chunks.json: {e}"))?;
    let chunks = json["chunks"].as_object().ok_or("chunks.json: no chunks")?;
    let first = json["first"]
        .as_object()
        .ok_or("chunks.json: no first-load bundles")?;
    let mut missing: Vec<String> = Route::all()
        .into_iter()
        .chain([Route::NotFound])
        .map(crate::views::chunk)
        .filter(|c| !chunks.contains_key(*c) || !first.contains_key(*c))
        .map(String::from)
        .collect();
    missing.dedup();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "no chunk or no first-load bundle in the build for the screens {}",
            missing.join(", ")
        ))
    }
}

pub fn run(dist: &Path) -> Result<usize, String> {
    let manifest = match fs::read_to_string(dist.join("chunks.json")) {
        Ok(manifest) => {
            check_chunks(&manifest)?;
            serde_json::from_str(&manifest).map_err(|e| format!("chunks.json: {e}"))?
        }
        Err(_) => serde_json::Value::Null,
    };
    let index = dist.join("index.html");
    let raw = fs::read_to_string(&index)
        .map_err(|e| format!("{}: {e} (run scripts/build.sh)", index.display()))?;
    let template = if raw.contains(APP_SLOT) {
        // Keep the assembled template aside: the prerender can then run again on the same dist/.
        fs::write(dist.join("template.html.in"), &raw).map_err(|e| e.to_string())?;
        raw
    } else {
        fs::read_to_string(dist.join("template.html.in")).map_err(|_| {
            "dist/index.html is already prerendered and its template is gone: rebuild"
        })?
    };
    let template = externalise_loader(&template, dist, terser)?;
    let mut n = 0;
    for route in Route::all() {
        let depth = route.depth();
        let base = if depth == 0 {
            "./".to_string()
        } else {
            "../".repeat(depth)
        };
        let dir = if depth == 0 {
            dist.to_path_buf()
        } else {
            dist.join(route.path())
        };
        fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let html = page(&template, route, &base);
        write_page(&dir.join("index.html"), &html, &manifest, route)?;
        n += 1;
    }
    // Hosts with no fallback serve 404.html for unknown paths at any depth, so its base is
    // absolute: the host root, or where the app lives if the build was told (see README).
    let host_path = host_path(std::env::var("REPERES_HOST_PATH").ok().as_deref())?;
    let not_found = page(&template, Route::NotFound, &host_path);
    write_page(
        &dist.join("404.html"),
        &not_found,
        &manifest,
        Route::NotFound,
    )?;
    fs::remove_file(dist.join("template.html.in")).ok();

    // Each language's text packs, fetched by the browser as its screens need them.
    for lang in Lang::ALL {
        for pack in 0..crate::content::tables::TEXT_PACKS {
            let name = crate::content::tables::file(lang, pack);
            fs::write(dist.join(name), crate::content::tables::built(lang, pack))
                .map_err(|e| format!("{name}: {e}"))?;
        }
    }
    let sw = fs::read_to_string(dist.join("sw-template.js"))
        .map_err(|e| format!("sw-template.js: {e}"))?;
    fs::remove_file(dist.join("sw-template.js")).ok();
    let (list, version) = precache(dist);
    fs::write(
        dist.join("sw.js"),
        sw.replace("__VERSION__", &version)
            .replace("__FILES__", &list),
    )
    .map_err(|e| e.to_string())?;
    Ok(n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{FRAMEWORKS, PHASES};

    #[test]
    fn every_route_renders_its_text() {
        for route in Route::all() {
            let html = render(route);
            assert!(html.contains(r#"id="app""#), "{route:?}");
            match route {
                Route::Home | Route::Phases(_) | Route::PhasesCompare => {
                    for p in PHASES {
                        assert!(html.contains(p.name), "{route:?} lacks {}", p.name);
                    }
                }
                Route::Framework(id) => {
                    let f = FRAMEWORKS.iter().find(|f| f.id == id).unwrap();
                    assert!(
                        html.contains(&escape(f.title.fr).replace('\'', "&#39;"))
                            || html.contains(f.title.fr),
                        "{id}"
                    );
                }
                _ => {}
            }
        }
    }

    #[test]
    fn every_screen_shows_only_the_text_of_its_packs() {
        use crate::content::PACKS_READ;
        let mut routes = Route::all();
        routes.extend(PHASES.iter().map(|p| Route::Phases(Some(p.id))));
        for route in routes {
            PACKS_READ.with(|r| r.set(0));
            let t = format!(
                "<head><title>x</title>{BASE_SLOT}{DESCRIPTION_SLOT}</head><body>{APP_SLOT}</body>"
            );
            let _ = page(&t, route, "./");
            let _ = crate::state::description(route, Lang::En);
            let read = PACKS_READ.with(|r| r.get());
            assert_eq!(
                read & !route.text_packs(),
                0,
                "{}: shows text of packs {read:b}, waits for {:b}",
                route.path(),
                route.text_packs()
            );
        }
    }

    #[test]
    fn an_answered_quiz_shows_its_explanations_and_waits_for_their_pack() {
        use crate::content::{tables::EXPLAIN_PACK, PACKS_READ, QUESTIONS};
        let q = &QUESTIONS[0];
        let mut boot = Boot::prerender(Route::Quiz);
        boot.progress.answers.insert(q.id.to_string(), q.answer);
        let ctx = Ctx::new(boot);
        PACKS_READ.with(|r| r.set(0));
        let owner = Owner::new();
        let html = owner.with(|| view! { <App ctx/> }.to_html());
        let read = PACKS_READ.with(|r| r.get());
        let mut shown = String::new();
        crate::components::markup::esc(&mut shown, q.explain.fr);
        assert!(html.contains(&shown), "the explanation is shown");
        assert_ne!(read & 1 << EXPLAIN_PACK, 0);
        assert_eq!(
            read & !ctx.text_packs(Route::Quiz),
            0,
            "waits for every pack it shows"
        );
        // A first visit's quiz (nothing answered): no explanation, and its pack not waited for.
        assert_eq!(Route::Quiz.text_packs() & 1 << EXPLAIN_PACK, 0);
    }

    #[test]
    fn a_selected_phase_renders_its_details() {
        let html = render(Route::Phases(Some("solomo")));
        let p = &PHASES[0];
        assert!(html.contains("phase-details"));
        assert!(html.contains(r#"aria-selected="true""#));
        assert!(
            html.contains(&p.components[0].name.fr.replace('\'', "&#39;"))
                || html.contains(p.components[0].name.fr)
        );
    }

    #[test]
    fn pages_get_a_relative_base_and_their_title() {
        let t =
            format!("<html><head><title>x</title>{BASE_SLOT}</head><body>{APP_SLOT}</body></html>");
        let html = page(&t, Route::Phases(Some("solomo")), "../../");
        assert!(html.contains(r#"<base href="../../">"#));
        assert!(html.contains("<title>SoLoMo"));
        assert!(
            html.contains(r#"<div id="load-failed" class="load-failed" role="alert" hidden><p>"#)
        );
        assert!(html.contains(&format!(
            r#"<p lang="en">{}</p>"#,
            escape(ui::LOAD_FAILED.get(Lang::En))
        )));
        assert!(!html.contains(APP_SLOT));
    }

    #[test]
    fn every_page_has_its_own_description_in_both_languages() {
        let t = format!(
            "<head><title>x</title>{BASE_SLOT}{DESCRIPTION_SLOT}</head><body>{APP_SLOT}</body>"
        );
        let mut seen = std::collections::BTreeSet::new();
        for route in Route::all() {
            let html = page(&t, route, "./");
            assert!(
                !html.contains(DESCRIPTION_SLOT),
                "{route:?} has no description"
            );
            for lang in Lang::ALL {
                let d = description(route, lang);
                assert!(d.chars().count() > 20, "{route:?} {lang:?}: {d}");
            }
            seen.insert(description(route, Lang::Fr));
        }
        assert_eq!(seen.len(), Route::all().len(), "one description per page");
    }

    #[test]
    fn a_page_preloads_its_main_module_and_lists_the_glue_first_then_the_largest_chunks() {
        let manifest = serde_json::json!({
            "main": { "js": "g.js", "wasm": "m.wasm" },
            "chunks": { "home": { "file": "h.wasm", "bytes": 900, "shared": ["1", "2"] } },
            "shared": { "1": { "file": "s1.wasm", "bytes": 100 }, "2": { "file": "s2.wasm", "bytes": 1000 } },
        });
        let page = with_early_files(
            r#"<head><script type="module" src="boot-1.js"></script></head>"#,
            &manifest,
            Route::Home,
            true,
        );
        let preload = page.find(r#"<link rel="preload" href="m.wasm" as="fetch" crossorigin"#);
        let boot = page.find("<script");
        assert!(preload.is_some() && preload < boot, "{page}");
        assert!(
            page.contains(r#"data-early="g.js m.wasm s2.wasm h.wasm s1.wasm""#),
            "{page}"
        );
        assert!(page.contains(&format!(
            r#"data-text-fr="{}""#,
            crate::content::tables::file(Lang::Fr, 0)
        )));
    }

    #[test]
    fn a_page_names_the_stored_progress_reader_s_files_each_once_for_a_return_visit() {
        let manifest = serde_json::json!({
            "main": { "js": "g.js", "wasm": "m.wasm" },
            "chunks": {
                "home": { "file": "h.wasm", "bytes": 900, "shared": ["1"] },
                "reader": { "file": "r.wasm", "bytes": 300, "shared": ["1", "2", "3"] },
            },
            "shared": {
                "1": { "file": "s1.wasm", "bytes": 100 },
                "2": { "file": "s2.wasm", "bytes": 1000 },
                "3": { "file": "s2.wasm", "bytes": 1000 },
            },
        });
        let boot = r#"<head><script type="module" src="boot-1.js"></script></head>"#;
        let page = with_early_files(boot, &manifest, Route::Home, true);
        assert!(
            page.contains(r#"data-early="g.js m.wasm h.wasm s1.wasm" data-stored="s2.wasm r.wasm s1.wasm" data-text-fr="#),
            "{page}"
        );
        // The boot script asks for them only when something is stored.
        assert!(EARLY_FETCH.contains("stored !== null && tag.dataset.stored"));
    }

    #[test]
    fn a_page_from_the_network_loads_its_screen_s_bundle_and_its_twin_the_chunks() {
        let mut manifest = serde_json::json!({
            "main": { "js": "g.js", "wasm": "m.wasm" },
            "chunks": { "home": { "file": "h.wasm", "bytes": 900, "shared": ["1"] } },
            "shared": { "1": { "file": "s1.wasm", "bytes": 100 } },
            "first": { "home": { "file": "first_home-1.wasm", "bytes": 950 } },
        });
        let boot = r#"<head><script type="module" src="boot-1.js"></script></head>"#;
        let twin = with_early_files(boot, &manifest, Route::Home, false);
        assert!(twin.contains(r#"<script type="module" data-early="g.js m.wasm h.wasm s1.wasm""#));
        assert!(!twin.contains("data-first"));
        let served = with_early_files(boot, &manifest, Route::Home, true);
        assert!(
            served.contains(
                r#"<script type="module" data-first="first_home-1.wasm" data-early="g.js m.wasm first_home-1.wasm" data-text-fr="#
            ),
            "{served}"
        );
        assert_eq!(
            served
                .replace(r#" data-first="first_home-1.wasm""#, "")
                .replace("first_home-1.wasm", "h.wasm s1.wasm"),
            twin
        );
        // No bundle for that screen (or none in the build): the page loads the chunks.
        let quiz = |m: &serde_json::Value, bundle| with_early_files(boot, m, Route::Quiz, bundle);
        assert_eq!(quiz(&manifest, true), quiz(&manifest, false));
        manifest["first"] = serde_json::Value::Null;
        assert_eq!(with_early_files(boot, &manifest, Route::Home, true), twin);
    }

    #[test]
    fn only_the_pages_of_screens_that_need_it_link_the_screens_style_sheet() {
        let template = "<head><link rel=\"stylesheet\" href=\"main-1.css\">\n<link rel=\"stylesheet\" href=\"screens-2.css\" data-screens>\n<script type=\"module\" data-early=\"g.js\" src=\"boot-1.js\"></script></head>";
        // The quiz's page links both, as the template does.
        assert_eq!(with_style(template, Route::Quiz).unwrap(), template);
        for route in [Route::Home, Route::Sources, Route::About, Route::NotFound] {
            // The others link only the base sheet, and name the other for the boot script.
            assert_eq!(
                with_style(template, route).unwrap(),
                "<head><link rel=\"stylesheet\" href=\"main-1.css\">\n<script type=\"module\" data-early=\"g.js\" data-css=\"screens-2.css\" src=\"boot-1.js\"></script></head>",
                "{route:?}"
            );
        }
        for route in Route::all() {
            let linked = with_style(template, route)
                .unwrap()
                .contains("screens-2.css\" data-screens>");
            assert_eq!(linked, route.screens_style(), "{route:?}");
        }
        // A template without the link is left as it is.
        let plain = "<head><script type=\"module\" src=\"boot-1.js\"></script></head>";
        assert_eq!(with_style(plain, Route::Home).unwrap(), plain);
        // A link and no boot tag to name it on: the build stops.
        let no_boot = "<head><link rel=\"stylesheet\" href=\"screens-2.css\" data-screens></head>";
        assert!(with_style(no_boot, Route::Home).is_err());
        assert_eq!(with_style(no_boot, Route::Quiz).unwrap(), no_boot);
        // The boot script adds the sheet from that name, once, and forgets a failed load.
        assert!(SCREENS_STYLE.contains("dataset.css;\n  if (!href) return ok();"));
        assert!(SCREENS_STYLE.contains("sheet = null"));
    }

    #[test]
    fn a_page_carries_the_french_packs_of_its_screen_and_nothing_else() {
        let page = with_inline_text("<body><p>x</p></body>", Route::Phases(None)).unwrap();
        let block = |pack| {
            format!(
                r#"<script type="text/plain" data-pack="{}">{}</script>"#,
                tables::file(Lang::Fr, pack),
                tables::built(Lang::Fr, pack)
            )
        };
        // Phases shows pack 0 (the interface), its framework's, its screen's own and what the
        // screens drawn with the screens' style sheet share: all four, in French.
        let (own, screen) = (tables::framework_pack("phases"), tables::PHASES_PACK);
        let shared = tables::SHARED_PACK;
        assert_eq!(
            Route::Phases(None).text_packs(),
            1 | 1 << own | 1 << screen | 1 << shared
        );
        assert!(page.starts_with("<body><p>x</p>"));
        assert!(page.ends_with(&format!(
            "{}{}{}{}</body>",
            block(0),
            block(own),
            block(screen),
            block(shared)
        )));
        // English readers' packs are fetched, and so are the packs of other screens.
        assert_eq!(page.matches("data-pack=").count(), 4);
        // What the app reads back is each pack as built (the same count of strings).
        assert!(tables::parse(0, tables::built(Lang::Fr, 0)).is_ok());
        assert!(tables::parse(own, tables::built(Lang::Fr, own)).is_ok());
        assert!(with_inline_text("<p>no body end</p>", Route::Home).is_err());
    }

    #[test]
    fn the_boot_script_travels_without_indentation_or_comment_lines() {
        let code = "// why\nconst a = 1;\n\n  if (a) {\n    // how\n    go(\"//x\");\n  }\n";
        assert_eq!(
            compact_js(code),
            "const a = 1;\nif (a) {\ngo(\"//x\");\n}\n"
        );
    }

    /// Trunk 0.21's loader, as it writes it into index.html.
    const TRUNK_PAGE: &str = r#"<head><link rel="stylesheet" href="./main.css"/>
<script type="module">
import init, * as bindings from './reperes-1.js';
const wasm = await init({ module_or_path: './reperes-1_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>
<link rel="modulepreload" href="./reperes-1.js" crossorigin="anonymous"><link rel="preload" href="./reperes-1_bg.wasm" as="fetch" type="application/wasm"></head>"#;

    #[test]
    fn the_loader_waits_for_the_first_paint_and_preloads_go() {
        let dir = std::env::temp_dir().join(format!("reperes-loader-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let page = externalise_loader(TRUNK_PAGE, &dir, |c| Ok(compact_js(c))).unwrap();
        assert!(
            !page.contains("<script type=\"module\">"),
            "no inline script (CSP)"
        );
        assert!(!page.contains("preload"), "{page}");
        assert!(page.contains(r#"<link rel="stylesheet" href="./main.css"/>"#));
        let name = page
            .split("src=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let code = fs::read_to_string(dir.join(name)).unwrap();
        let wait = code.find("requestAnimationFrame").unwrap();
        let import = code.find("await import('./reperes-1.js')").unwrap();
        assert!(wait < import, "{code}");
        assert!(
            code.contains("await init({ module_or_path: __reperesFetch('./reperes-1_bg.wasm') })")
        );
        let early = code.find("globalThis.__reperesFetch =").unwrap();
        assert!(
            early < wait && wait < import,
            "the first screen's files asked for at once, the glue's start after the first paint"
        );
        assert!(code.contains("TrunkApplicationStarted"));
        let catch = code.find("} catch (error)").unwrap();
        assert!(
            import < catch && code[catch..].contains("failed()"),
            "a failure shows the notice"
        );
        assert!(code.contains("unhandledrejection") && code.contains("load-failed"));
        assert!(!code.contains("import init"), "no static import left");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_unknown_loader_is_an_error_not_a_silent_change() {
        let page = "<head><script type=\"module\">start();</script></head>";
        assert!(externalise_loader(page, &std::env::temp_dir(), |c| Ok(compact_js(c))).is_err());
    }

    #[test]
    fn the_host_path_is_an_absolute_folder() {
        assert_eq!(host_path(None).unwrap(), "/");
        assert_eq!(host_path(Some("")).unwrap(), "/");
        assert_eq!(
            host_path(Some("/formation/reperes/")).unwrap(),
            "/formation/reperes/"
        );
        for bad in [
            "formation/",
            "/formation",
            "/a/../b/",
            "//evil.example/",
            "/a\"><script>/",
        ] {
            assert!(host_path(Some(bad)).is_err(), "{bad}");
        }
        let t = format!("<head><title>x</title>{BASE_SLOT}</head><body>{APP_SLOT}</body>");
        let html = page(
            &t,
            Route::NotFound,
            &host_path(Some("/formation/reperes/")).unwrap(),
        );
        assert!(html.contains(r#"<base href="/formation/reperes/">"#));
    }

    #[test]
    fn every_route_maps_to_a_chunk_of_the_manifest() {
        let names: Vec<&str> = Route::all()
            .into_iter()
            .chain([Route::NotFound])
            .map(crate::views::chunk)
            .collect();
        let all = names
            .iter()
            .map(|n| format!(r#""{n}": {{"file": "split_{n}-0123456789abcdef.wasm", "bytes": 1}}"#))
            .collect::<Vec<_>>()
            .join(",");
        let manifest = format!(r#"{{"main": {{}}, "chunks": {{{all}}}, "first": {{{all}}}}}"#);
        assert_eq!(check_chunks(&manifest), Ok(()));
        // One screen's chunk or bundle missing from the build: named in the error.
        let without_quiz = manifest.replacen(r#""quiz":"#, r#""other":"#, 1);
        assert!(check_chunks(&without_quiz).unwrap_err().contains("quiz"));
        let without_bundle = manifest.replacen(r#""home":"#, r#""other":"#, 2).replacen(
            r#""other":"#,
            r#""home":"#,
            1,
        );
        assert!(check_chunks(&without_bundle).unwrap_err().contains("home"));
        assert!(check_chunks("not json").is_err());
        // The real manifest is checked by the prerender itself, at each build (`run`).
    }

    #[test]
    fn a_page_is_written_twice_and_the_worker_stores_its_twin() {
        let dist = std::env::temp_dir().join(format!("reperes-twins-{}", std::process::id()));
        fs::create_dir_all(dist.join("phases")).unwrap();
        let page =
            r#"<html><body><p>x</p><script type="module" src="boot-1.js"></script></body></html>"#;
        let manifest = serde_json::json!({
            "main": { "js": "g.js", "wasm": "m.wasm" },
            "chunks": { "home": { "file": "a.wasm" }, "phases": { "file": "a.wasm" } },
            "first": { "home": { "file": "first_home-1.wasm" } },
        });
        write_page(&dist.join("index.html"), page, &manifest, Route::Home).unwrap();
        write_page(
            &dist.join("phases/index.html"),
            page,
            &manifest,
            Route::Phases(None),
        )
        .unwrap();
        fs::write(dist.join("a.wasm"), b"wasm").unwrap();
        fs::write(dist.join("first_home-1.wasm"), b"bundle").unwrap();
        fs::write(dist.join("sw.js"), b"worker").unwrap();
        // As served: with pack 0 inside. The twin: the same page without it.
        let served = fs::read_to_string(dist.join("index.html")).unwrap();
        let twin = fs::read_to_string(dist.join("index.offline.html")).unwrap();
        assert!(served.contains("data-pack=") && !twin.contains("data-pack="));
        // As served, the home screen's bundle; the twin, its chunks.
        assert!(served.contains(
            r#"data-first="first_home-1.wasm" data-early="g.js m.wasm first_home-1.wasm""#
        ));
        assert!(twin.contains(r#"<script type="module" data-early="g.js m.wasm a.wasm""#));
        assert_eq!(twin, with_early_files(page, &manifest, Route::Home, false));
        assert!(fs::read_to_string(dist.join("phases/index.offline.html")).is_ok());
        // The list: each page under its own address, from its twin, with the twin's hash; the
        // twins are not listed themselves, nor the worker, nor the bundles (only a page from the
        // network loads one).
        let (list, _) = precache(&dist);
        let list: Vec<Vec<String>> = serde_json::from_str(&list).unwrap();
        let h = |f: &str| integrity(&fs::read(dist.join(f)).unwrap());
        assert_eq!(
            list,
            vec![
                vec!["a.wasm".to_string(), h("a.wasm")],
                vec![
                    "index.html".into(),
                    h("index.offline.html"),
                    "index.offline.html".into()
                ],
                vec![
                    "phases/index.html".into(),
                    h("phases/index.offline.html"),
                    "phases/index.offline.html".into()
                ],
            ]
        );
        fs::remove_dir_all(&dist).ok();
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(hash(b""), "cbf29ce484222325");
        // The SRI form browsers check (the known SHA-256 of "abc").
        assert_eq!(
            integrity(b"abc"),
            "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        assert_ne!(hash(b"a"), hash(b"b"));
    }
}

//! Build step, native only: renders every route to its own HTML file, moves Trunk's inline loader
//! into a file (so the CSP needs no hash), and generates the service worker with a precache list
//! of every file and its content hash.
//!
//! Each page gets `<base href>` pointing at the app root by a relative path (`../../` for
//! `phases/solomo/index.html`), so the same `dist/` works at the root of a host and under any
//! sub-path, with or without a fallback to index.html.

use crate::app::{title, App, Boot};
use crate::i18n::Lang;
use crate::route::Route;
use leptos::prelude::*;
use std::{fs, path::Path};

/// The live app's HTML for a route, as the browser would first see it (French, nothing saved).
pub fn render(route: Route) -> String {
    let owner = Owner::new();
    owner.with(|| view! { <App boot=Boot::prerender(route)/> }.to_html())
}

const APP_SLOT: &str = r#"<div id="app"></div>"#;
const BASE_SLOT: &str = r#"<base href="./">"#;

/// Fills the template for one route.
pub fn page(template: &str, route: Route, base: &str) -> String {
    let html = template.replacen(APP_SLOT, &render(route), 1).replacen(
        BASE_SLOT,
        &format!(r#"<base href="{base}">"#),
        1,
    );
    replace_title(&html, &title(route, Lang::Fr))
}

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

/// 64-bit FNV-1a, in hex: a content hash for cache busting (not for security).
pub fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Moves Trunk's inline `<script type="module">` loader into `boot-<hash>.js`.
fn externalise_loader(template: &str, dist: &Path) -> Result<String, String> {
    let open = r#"<script type="module">"#;
    let Some(start) = template.find(open) else {
        return Ok(template.to_string());
    };
    let end = template[start..]
        .find("</script>")
        .ok_or("unclosed loader script")?
        + start;
    let code = &template[start + open.len()..end];
    let name = format!("boot-{}.js", &hash(code.as_bytes())[..12]);
    fs::write(dist.join(&name), code.trim()).map_err(|e| e.to_string())?;
    Ok(format!(
        r#"{}<script type="module" src="{name}"></script>{}"#,
        &template[..start],
        &template[end + 9..]
    ))
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

/// The precache list as JSON: `[["path", "hash"], …]`, and a version derived from it.
pub fn precache(dist: &Path) -> (String, String) {
    let mut all = vec![];
    files(dist, "", &mut all);
    let entries: Vec<(String, String)> = all
        .into_iter()
        .filter(|f| f != "sw.js" && f != "sw-template.js" && !f.ends_with(".map"))
        .map(|f| {
            let h = hash(&fs::read(dist.join(&f)).unwrap_or_default());
            (f, h)
        })
        .collect();
    let json = serde_json::to_string(&entries).expect("strings serialise");
    let version = hash(json.as_bytes())[..12].to_string();
    (json, version)
}

pub fn run(dist: &Path) -> Result<usize, String> {
    let index = dist.join("index.html");
    let raw = fs::read_to_string(&index)
        .map_err(|e| format!("{}: {e} (run trunk build first)", index.display()))?;
    let template = if raw.contains(APP_SLOT) {
        // Keep Trunk's output aside: the prerender can then run again on the same dist/.
        fs::write(dist.join("template.html.in"), &raw).map_err(|e| e.to_string())?;
        raw
    } else {
        fs::read_to_string(dist.join("template.html.in")).map_err(|_| {
            "dist/index.html is already prerendered and its template is gone: rebuild"
        })?
    };
    let template = externalise_loader(&template, dist)?;
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
        fs::write(dir.join("index.html"), page(&template, route, &base))
            .map_err(|e| e.to_string())?;
        n += 1;
    }
    // Hosts with no fallback serve 404.html for unknown paths at any depth: its base is the host
    // root, so under a sub-path it shows its text but not the app (see README).
    fs::write(dist.join("404.html"), page(&template, Route::NotFound, "/"))
        .map_err(|e| e.to_string())?;
    fs::remove_file(dist.join("template.html.in")).ok();

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
        assert!(!html.contains(APP_SLOT));
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(hash(b""), "cbf29ce484222325");
        assert_ne!(hash(b"a"), hash(b"b"));
    }
}

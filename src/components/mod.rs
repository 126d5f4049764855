//! Reusable pieces of the screens.

pub mod chart;
pub mod checklist;
pub mod confirm;
pub mod debrief;
pub mod framework_links;
pub mod header;
pub mod icon;
pub mod link;
pub mod markup;
pub mod notices;
pub mod number;
pub mod presenter;
pub mod source;
pub mod timeline;

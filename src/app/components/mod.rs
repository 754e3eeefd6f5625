//! The board's components, one or a small family per file.

mod banners;
mod card;
mod column;
mod deal_dialog;
mod deal_menu;
mod dialogs;
mod header;
mod pipeline;
mod stage_editor;

pub use banners::Banners;
pub use dialogs::Dialogs;
pub use header::BoardHeader;
pub use pipeline::Pipeline;

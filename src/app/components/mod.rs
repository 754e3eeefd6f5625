//! The board's components, one or a small family per file.

mod banners;
mod card;
mod column;
mod deal_dialog;
mod deal_menu;
mod dialogs;
mod header;
mod help;
mod pipeline;
mod stage_editor;
mod toast;

pub use banners::Banners;
pub use dialogs::Dialogs;
pub use header::BoardHeader;
pub use pipeline::Pipeline;
pub use toast::UndoToast;

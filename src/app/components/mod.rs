//! The board's components, one or a small family per file.

mod banners;
mod card;
mod column;
mod csv_dialog;
mod deal_dialog;
mod deal_menu;
mod dialogs;
mod header;
mod help;
mod import_dialog;
mod pipeline;
mod rows;
mod share;
mod shown;
mod stage_editor;
mod targets;
mod toast;

pub use banners::Banners;
pub use dialogs::Dialogs;
pub use header::BoardHeader;
pub use pipeline::Pipeline;
pub use share::{carries_files, drop_files};
pub use shown::shown_or;
pub use targets::TargetsView;
pub use toast::UndoToast;

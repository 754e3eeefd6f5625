//! Dealboard: a sales pipeline board that runs entirely in the browser.

pub mod app;
pub mod domain;
pub mod i18n;
pub mod io;

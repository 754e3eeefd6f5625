//! The pure sales model: no browser code here, so all of it is tested natively.

pub mod agenda;
pub mod alerts;
pub mod board;
pub mod columns;
pub mod command;
pub mod date;
pub mod deal;
pub mod deals;
pub mod filter;
pub mod history;
pub mod lowercase;
pub mod merge;
pub mod metrics;
pub mod money;
pub mod next_step;
pub mod ordering;
pub mod positions;
pub mod quote;
pub mod sample;
pub mod scorecard;
pub mod sort;
pub mod stays;
pub mod targets;
pub mod view_patch;

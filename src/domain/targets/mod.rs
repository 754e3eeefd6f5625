//! Sales targets (SEED-NOTES §3, §6): set for a period and a scope, decomposed by time (year →
//! quarter → month → ISO week) or by rep, product, region or customer, and followed by
//! attainment, forecast and pace. Pure: `today` and `now` are passed in. See `docs/targets.md`.

mod edit;
pub mod merge;
pub mod period;
pub mod progress;
pub mod scope;
pub mod split;
pub mod target;

pub use period::{Period, PeriodKind};
pub use progress::{
    allocation_gap, attained, behind_targets, current_target_for, forecast, may_change_progress,
    pace, progress, status, Progress, TargetStatus, DEFAULT_BEHIND_THRESHOLD,
};
pub use split::{allocate, propose_split, split_slots, SplitPart};
pub use target::{
    Measure, Scope, SplitBy, SplitMethod, Target, TargetError, TargetId, TargetTombstone,
};

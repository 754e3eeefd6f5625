//! How much of the browser's localStorage a board takes, checked before each save so that the
//! user hears about a full storage while the board is still safe in the tab (and can export
//! it), not after a write failed. Browsers give no API for the quota: Chromium and Firefox give
//! each site 5 Mi UTF-16 code units for keys and values together (Safari about the same), so
//! that is the assumption; a smaller real quota still shows up as a failed write.

/// The space a site gets, in UTF-16 code units.
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// From this share of the quota on, the user is warned that storage is running out.
pub const WARN_PERCENT: usize = 80;

/// How much a text takes in storage: UTF-16 code units, whatever its characters. Counted on
/// the UTF-8 bytes without decoding characters (a save measures megabytes of text): every
/// byte but a continuation byte starts a character of one unit, and a 4-byte character (a
/// leading byte of 0xF0 or above) takes a second one. Runs of ASCII, most of a board, are
/// counted by their length (`is_ascii` checks a word at a time: ~4× faster in wasm).
pub fn units(text: &str) -> usize {
    text.as_bytes()
        .chunks(64)
        .map(|chunk| {
            if chunk.is_ascii() {
                chunk.len()
            } else {
                chunk
                    .iter()
                    .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
                    .sum()
            }
        })
        .sum()
}

/// How a board would fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Room {
    /// Below the warning level.
    Fits,
    /// Fits, but storage would be `percent` full.
    Nearly { percent: usize },
    /// Does not fit: it needs `percent` of the quota.
    Over { percent: usize },
}

/// How a board whose stored text (key included) takes `board_units` fits next to
/// `other_units` taken by everything else the site stores.
pub fn room(board_units: usize, other_units: usize) -> Room {
    let used = board_units.saturating_add(other_units);
    // Rounded up, so a board that does not fit never reads as 100 %.
    let percent = used.saturating_mul(100).div_ceil(QUOTA_UNITS);
    if used > QUOTA_UNITS {
        Room::Over { percent }
    } else if percent >= WARN_PERCENT {
        Room::Nearly { percent }
    } else {
        Room::Fits
    }
}

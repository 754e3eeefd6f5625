//! Every user-visible text, by key. Each language is one file with one exhaustive `match`, so
//! the compiler refuses a language that misses a key; adding a language is one file plus its
//! line in `Lang`.

pub mod command_errors;
pub mod csv_issues;
mod en;
mod key;
pub mod target_errors;
mod zh_cn;

pub use key::Key;

use crate::domain::board::{Board, PresetStage, Timestamp};
use crate::domain::sample;

/// A language the interface speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    ZhCn,
}

impl Lang {
    /// Every language, in the order the switcher lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag, as stored and put on `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "简体中文",
        }
    }

    /// The best language for a browser tag such as `zh-Hans-CN` or `en-GB`; English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::ZhCn
        } else {
            Lang::En
        }
    }

    /// The text for `key`; `{0}`, `{1}` … mark where `fill` puts arguments.
    pub fn text(self, key: Key) -> &'static str {
        match self {
            Lang::En => en::text(key),
            Lang::ZhCn => zh_cn::text(key),
        }
    }

    /// The text for `key` with its placeholders filled from `args`: `{0}` is the first
    /// argument; `{0|deal|deals}` is the first argument and the word for its number, the
    /// first form for exactly 1 ("1 deal", "3 deals"). This is the one place that knows the
    /// plural; a language without one (Chinese) writes `{0}` and its own word. A placeholder
    /// with no argument is left as written, and arguments are not searched for placeholders.
    pub fn fill(self, key: Key, args: &[&str]) -> String {
        let text = self.text(key);
        let mut out = String::with_capacity(text.len() + 16);
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(len) = rest[open..].find('}') else {
                break;
            };
            let mut parts = rest[open + 1..open + len].split('|');
            let arg = parts
                .next()
                .and_then(|i| args.get(i.parse::<usize>().ok()?));
            match (arg, parts.next(), parts.next()) {
                (Some(arg), Some(one), Some(many)) => {
                    out.push_str(arg);
                    out.push(' ');
                    out.push_str(if *arg == "1" { one } else { many });
                }
                (Some(arg), None, _) => out.push_str(arg),
                _ => out.push_str(&rest[open..=open + len]),
            }
            rest = &rest[open + len + 1..];
        }
        out.push_str(rest);
        out
    }

    /// "1 day", "12 days", "12 天": a number of days.
    pub fn days(self, n: i64) -> String {
        self.count(n, Key::Days)
    }

    /// `key` with the number `n` filled in ("1 deal", "3 deals": see `fill`).
    pub fn count(self, n: i64, key: Key) -> String {
        self.fill(key, &[&n.to_string()])
    }

    /// The sample pipeline with its stage names and loss reasons in this language.
    pub fn sample_board(self, now: Timestamp) -> Board {
        let reasons = [
            self.text(Key::SampleLossPrice),
            self.text(Key::SampleLossTiming),
        ];
        sample::sample_board(|p| self.stage_name(p), reasons, now)
    }

    /// The default name of a preset stage in this language.
    pub fn stage_name(self, preset: PresetStage) -> String {
        let key = match preset {
            PresetStage::Lead => Key::StageLead,
            PresetStage::Qualified => Key::StageQualified,
            PresetStage::Demo => Key::StageDemo,
            PresetStage::Proposal => Key::StageProposal,
            PresetStage::Negotiation => Key::StageNegotiation,
            PresetStage::Won => Key::StageWon,
            PresetStage::Lost => Key::StageLost,
        };
        self.text(key).to_string()
    }
}

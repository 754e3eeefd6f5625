//! The app's reactive state and the one `dispatch` every input goes through.

use crate::app::clock;
use crate::app::components::target_label;
use crate::app::view_memo::view_memo;
use crate::domain::board::{Board, DealId, StageId};
use crate::domain::columns::BoardView;
use crate::domain::command::{Command, DomainError, Outcome};
use crate::domain::date::Date;
use crate::domain::filter::DealFilter;
use crate::domain::history::History;
use crate::domain::ordering::position_of;
use crate::domain::targets::may_change_progress;
use crate::domain::view_patch::PendingChanges;
use crate::i18n::{Key, Lang};
use leptos::prelude::*;

/// A notice across the top of the board.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Banner {
    /// Stored data could not be read; it was kept under `backup_key`.
    Unreadable {
        detail: String,
        backup_key: Option<String>,
        newer: bool,
    },
    /// Storage is full (a write failed); the last change lives only in memory.
    Quota,
    /// The board needs more than the storage quota (`percent` of it), so it was not written;
    /// changes since the last save live only in memory.
    TooBig { percent: usize },
    /// The board fits, but storage is `percent` full.
    NearlyFull { percent: usize },
    /// Storage is blocked; the board lives only in memory.
    Unavailable,
    /// A save failed for another reason.
    SaveFailed(String),
}

/// Which dialog is open.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    NewDeal {
        stage: StageId,
    },
    EditDeal(DealId),
    /// Asks why a deal was lost before moving it to a lost stage.
    LossReason {
        deal: DealId,
        to: StageId,
        index: usize,
    },
    ConfirmClear,
    Stages,
    /// The keyboard shortcuts.
    Help,
    /// Every deal's next step, soonest first.
    Agenda,
    /// A file was read: show what it holds and let the user decide.
    Import(Box<crate::app::files::PendingImport>),
}

/// Everything the components share, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub board: RwSignal<Board>,
    pub lang: RwSignal<Lang>,
    pub filter: RwSignal<DealFilter>,
    pub banners: RwSignal<Vec<Banner>>,
    /// The text of the polite live region.
    pub announcement: RwSignal<String>,
    pub dialog: RwSignal<Option<Dialog>>,
    /// True when the deal dialog should open on its delete confirmation (menu → Delete).
    pub confirm_delete: RwSignal<bool>,
    /// The deal whose card menu is open: at most one at a time.
    pub open_menu: RwSignal<Option<DealId>>,
    /// This tab's undo and redo stacks.
    pub history: RwSignal<History>,
    /// The brief "… — Undo" notice after a move or deletion.
    pub toast: RwSignal<Option<Toast>>,
    /// What the board shows (columns, cards, figures) for the current filter, in one memo.
    pub view: Memo<BoardView>,
    /// The deal changes `view` has not folded in yet. Every write to `board` records here
    /// what it changed (or marks it unknown), so the view is patched, not recomputed.
    pub changes: StoredValue<PendingChanges>,
    /// True while the Targets view is shown instead of the board.
    pub show_targets: RwSignal<bool>,
    /// Part of every card's key: bumped when another tab's version of a deal arrives with the
    /// same revision and update time as ours (a change in the same millisecond), which the
    /// key would otherwise not tell apart.
    pub render_epoch: RwSignal<u32>,
    /// What the import dialog found the board it put in place takes in storage, for the
    /// next save (`persist`): it need not write out a board far over the quota again to
    /// learn that it does not fit (on 50,000 deals that is a task of ~90 ms).
    pub measured: StoredValue<Option<Measured>>,
    /// Bumped by every write to `board` that may change a target's attained figure or status
    /// (`may_change_progress`; a replace or another tab's merge always): what the header's
    /// target figures follow instead of `board`, so that moving an open deal does not work
    /// them out again over every deal. A new write to `board` must bump it too.
    pub progress_revision: RwSignal<u64>,
    /// Today (UTC), the day target progress is measured at; `clock::follow_day` moves it on
    /// at midnight, so a page left open overnight shows the new day's pace and periods.
    pub today: RwSignal<Date>,
    /// The deal whose card is about to take the focus (`AppState::focus_deal`): its column
    /// draws it even when it lies past the cards shown so far (a new deal at the foot of a
    /// long column), since a card not drawn cannot be focused or scrolled to.
    pub reveal: RwSignal<Option<DealId>>,
}

/// A board's size in storage, measured when it had `deals` deals.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measured {
    pub deals: usize,
    /// Storage units (`io::capacity::units`) of the board's stored text.
    pub units: usize,
}

/// A brief notice with an Undo button; `serial` tells one toast from the next.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub text: String,
    pub serial: u64,
    /// The deal the undone step puts back: focus goes to it, not to the page's top, when
    /// the toast's Undo (which goes with the toast) had it.
    pub deal: Option<DealId>,
}

impl AppState {
    /// State around a loaded board.
    pub fn new(board: Board, lang: Lang, banners: Vec<Banner>) -> AppState {
        let board = RwSignal::new(board);
        // The view's alerts are worked out for today; `follow_today` keeps it so.
        let filter = RwSignal::new(DealFilter {
            today: clock::today(),
            ..DealFilter::default()
        });
        let changes = StoredValue::new(PendingChanges::none());
        AppState {
            board,
            lang: RwSignal::new(lang),
            filter,
            view: view_memo(board, filter, changes),
            changes,
            banners: RwSignal::new(banners),
            announcement: RwSignal::new(String::new()),
            dialog: RwSignal::new(None),
            confirm_delete: RwSignal::new(false),
            open_menu: RwSignal::new(None),
            history: RwSignal::new(History::default()),
            toast: RwSignal::new(None),
            show_targets: RwSignal::new(false),
            render_epoch: RwSignal::new(0),
            measured: StoredValue::new(None),
            progress_revision: RwSignal::new(0),
            today: RwSignal::new(clock::today()),
            reveal: RwSignal::new(None),
        }
    }

    /// A deal just added that the search or a filter hides (another rep's, not off track) would
    /// seem lost: the filters are lifted so that it shows, and the page says so.
    pub fn show_new_deal(&self, id: &DealId) {
        let hidden = self.board.with_untracked(|b| {
            b.deal(id)
                .is_some_and(|d| !self.filter.with_untracked(|f| f.matches(d, &b.stages)))
        });
        if hidden {
            self.filter.update(|f| {
                *f = DealFilter {
                    today: f.today,
                    ..DealFilter::default()
                }
            });
            self.announcement
                .set(self.t(Key::FiltersLifted).to_string());
        }
    }

    /// Puts the focus on `id`'s card after the next render, drawing it first if its column
    /// had not come to it (the focus also scrolls it into sight).
    pub fn focus_deal(&self, id: &DealId) {
        self.reveal.set(Some(id.clone()));
        focus_card(id);
        // Asked once: a column made later (another board put in place) must not draw all its
        // cards down to this one.
        let reveal = self.reveal;
        request_animation_frame(move || reveal.set(None));
    }

    /// The text for `key` in the current language (tracked).
    pub fn t(&self, key: Key) -> &'static str {
        self.lang.get().text(key)
    }

    /// The text for `key` as a signal. Views use this rather than a closure per text: every
    /// text then shares one concrete type and one copy of the render code, which keeps the
    /// wasm small.
    pub fn tr(&self, key: Key) -> Signal<&'static str> {
        let lang = self.lang;
        Signal::derive(move || lang.get().text(key))
    }

    /// A text that depends on the language and other signals, as one concrete type (see `tr`).
    pub fn text(&self, make: impl Fn(Lang) -> String + Send + Sync + 'static) -> Signal<String> {
        let lang = self.lang;
        Signal::derive(move || make(lang.get()))
    }

    /// The text for `key` with arguments (tracked).
    pub fn fill(&self, key: Key, args: &[&str]) -> String {
        self.lang.get().fill(key, args)
    }

    /// Applies a command at the current time and announces what it did. The board only
    /// notifies its readers when the command succeeded.
    pub fn dispatch(&self, cmd: Command) -> Result<Outcome, DomainError> {
        self.settle_history();
        if let Command::ReplaceBoard(new) = cmd {
            return Ok(self.replace_board(*new, None));
        }
        let now = clock::now();
        let removed_from = match &cmd {
            Command::DeleteDeal { id } => self.board.with_untracked(|b| position_of(b, id)),
            _ => None,
        };
        let result = self
            .board
            .try_maybe_update(|board| match board.apply_recorded(cmd, now) {
                Ok(done) => {
                    self.changes.update_value(|c| c.record(&done.1));
                    (true, Ok(done))
                }
                Err(err) => (false, Err(err)),
            })
            .unwrap_or_else(|| Err(DomainError::UnknownDeal(DealId(String::new()))));
        let result = result.map(|(outcome, step)| {
            if may_change_progress(&step) {
                self.progress_moved();
            }
            self.history.update(|h| h.record(step));
            outcome
        });
        if let Ok(outcome) = &result {
            self.announce(outcome);
            self.offer_undo(outcome);
            match outcome {
                Outcome::DealMoved { id, .. } => self.focus_deal(id),
                Outcome::DealDeleted(_) => {
                    if let Some((stage, index, _)) = removed_from {
                        self.focus_near(&stage, index);
                    }
                }
                _ => {}
            }
        }
        result
    }

    /// Tells the header's target figures that they may have changed (`progress_revision`).
    pub(crate) fn progress_moved(&self) {
        self.progress_revision.update(|r| *r += 1);
    }

    /// The name a stage shows in the current language.
    pub fn stage_name(&self, board: &Board, id: &StageId) -> String {
        let lang = self.lang.get_untracked();
        board
            .stage(id)
            .map(|s| display_stage_name(s, lang))
            .unwrap_or_default()
    }

    pub(crate) fn announce(&self, outcome: &Outcome) {
        let lang = self.lang.get_untracked();
        let text = self.board.with_untracked(|board| {
            let title = |id: &DealId| board.deal(id).map(|d| d.title.clone()).unwrap_or_default();
            match outcome {
                Outcome::DealAdded(id) => {
                    let stage = board.deal(id).map(|d| self.stage_name(board, &d.stage));
                    lang.fill(
                        Key::AnnounceAdded,
                        &[&title(id), &stage.unwrap_or_default()],
                    )
                }
                Outcome::DealEdited(id) => lang.fill(Key::AnnounceEdited, &[&title(id)]),
                Outcome::DealDeleted(deal) => lang.fill(Key::AnnounceDeleted, &[&deal.title]),
                Outcome::TargetDeleted(target) => {
                    lang.fill(Key::AnnounceDeleted, &[&target_label(target, lang)])
                }
                Outcome::DealMoved { id, from, to } => lang.fill(
                    Key::AnnounceMoved,
                    &[
                        &title(id),
                        &self.stage_name(board, &from.0),
                        &(from.1 + 1).to_string(),
                        &from.2.to_string(),
                        &self.stage_name(board, &to.0),
                        &(to.1 + 1).to_string(),
                        &to.2.to_string(),
                    ],
                ),
                Outcome::BoardReplaced => lang.text(Key::AnnounceBoardReplaced).to_string(),
                Outcome::Restored => String::new(),
                Outcome::StagesChanged | Outcome::SettingsChanged | Outcome::TargetsChanged(_) => {
                    String::new()
                }
            }
        });
        if !text.is_empty() {
            self.announcement.set(text);
        }
    }

    /// After a deal left a stage, focus the card now at its place (or the one above), else
    /// the stage's "new deal" button, so keyboard users are not dropped to the page top.
    fn focus_near(&self, stage: &StageId, index: usize) {
        let neighbour = self.board.with_untracked(|b| {
            let column = b.deals_in(stage);
            column.get(index).or(column.last()).map(|d| d.id.clone())
        });
        match neighbour {
            Some(id) => self.focus_deal(&id),
            None => focus_selector(format!("[data-stage-id=\"{}\"] .add-deal", stage.0)),
        }
    }

    /// Shows a banner unless the same one is already shown.
    pub fn show_banner(&self, banner: Banner) {
        self.banners.update(|banners| {
            if !banners.contains(&banner) {
                banners.push(banner);
            }
        });
    }

    /// Removes banners that `keep` rejects.
    pub fn drop_banners(&self, keep: impl Fn(&Banner) -> bool) {
        self.banners.update(|banners| banners.retain(|b| keep(b)));
    }
}

/// A stage's name: the preset's name in `lang` while it has one, else what the user typed.
pub fn display_stage_name(stage: &crate::domain::board::Stage, lang: Lang) -> String {
    match stage.preset {
        Some(preset) => lang.stage_name(preset),
        None => stage.name.clone(),
    }
}

/// The shared state; panics outside `App`, which provides it.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Puts focus on a deal's card once it is (re)mounted, e.g. in the column it moved to.
fn focus_card(id: &DealId) {
    focus_selector(format!("[data-deal-id=\"{}\"]", id.0.replace('"', "")));
}

/// Focuses the first element matching `selector` after the next render.
pub fn focus_selector(selector: String) {
    request_animation_frame(move || {
        let found = document().query_selector(&selector).ok().flatten();
        if let Some(el) =
            found.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = el.focus();
        }
    });
}

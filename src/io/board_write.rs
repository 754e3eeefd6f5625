//! The board's types written as JSON (`json_write`): the snapshot format that `board_read`
//! reads, members in the order and form serde's derive wrote them (optional members left out
//! when empty, enums by name). `tests/json_write.rs` checks the text, byte for byte, against
//! what the serde build wrote.

use crate::domain::board::{
    Activity, Board, Deal, DealStatus, NextStep, Settings, Stage, StageKind, StageVisit,
};
use crate::domain::date::iso_date;
use crate::domain::merge::Content;
use crate::domain::targets::target::{Measure, Scope, SplitMethod, Target};
use crate::io::json_write::{float, int, list, option, string, Object};

/// The board: stages, deals, deletions, settings, targets and their deletions.
pub fn board(out: &mut String, board: &Board) {
    let mut o = Object::new(out);
    list(o.key("stages"), &board.stages, stage);
    list(o.key("deals"), &board.deals, deal);
    list(o.key("deleted"), &board.deleted, |out, t| {
        id_and_time(out, &t.id.0, t.at)
    });
    settings(o.key("settings"), &board.settings);
    list(o.key("targets"), &board.targets, target);
    list(
        o.key("deleted_targets"),
        &board.deleted_targets,
        |out, t| id_and_time(out, &t.id.0, t.at),
    );
    o.end();
}

pub fn stage(out: &mut String, stage: &Stage) {
    let mut o = Object::new(out);
    o.string("id", &stage.id.0);
    o.string("name", &stage.name);
    o.some("preset", stage.preset, |out, p| string(out, p.key()));
    o.int("probability", i64::from(stage.probability));
    o.string("kind", kind_name(stage.kind));
    o.some("idle_days", stage.idle_days, |out, n| {
        int(out, i64::from(n))
    });
    o.some("limit", stage.limit, |out, n| int(out, i64::from(n)));
    let checklist = (!stage.checklist.is_empty()).then_some(&stage.checklist);
    o.some("checklist", checklist, |out, items| {
        list(out, items, |out, i| string(out, i))
    });
    o.end();
}

fn next_step(out: &mut String, step: &NextStep) {
    let mut o = Object::new(out);
    o.string("kind", step.kind.key());
    o.string("due", &iso_date(step.due));
    o.string("note", &step.note);
    o.end();
}

fn activity(out: &mut String, done: &Activity) {
    let mut o = Object::new(out);
    o.string("kind", done.kind.key());
    o.string("done", &iso_date(done.done));
    o.string("note", &done.note);
    o.some("rating", done.rating, |out, r| int(out, r.get().into()));
    o.end();
}

fn kind_name(kind: StageKind) -> &'static str {
    match kind {
        StageKind::Open => "open",
        StageKind::Won => "won",
        StageKind::Lost => "lost",
    }
}

pub fn deal(out: &mut String, d: &Deal) {
    let mut o = Object::new(out);
    o.string("id", &d.id.0);
    o.string("title", &d.title);
    o.string("customer", &d.customer);
    o.string("contact", &d.contact);
    o.int("value", d.value);
    o.string("currency", d.currency.code());
    o.some("cost", d.cost, int);
    o.string("owner", &d.owner);
    o.string("product", &d.product);
    o.string("region", &d.region);
    option(o.key("close_date"), d.close_date, |out, date| {
        string(out, &iso_date(date))
    });
    o.string("notes", &d.notes);
    o.some("next_step", d.next_step.as_ref(), next_step);
    let checked = (!d.checked.is_empty()).then_some(&d.checked);
    o.some("checked", checked, |out, items| {
        list(out, items, |out, i| string(out, i))
    });
    let activities = (!d.activities.is_empty()).then_some(&d.activities);
    o.some("activities", activities, |out, all| {
        list(out, all, activity)
    });
    o.string("stage", &d.stage.0);
    float(o.key("rank"), d.rank);
    let status = match d.status {
        DealStatus::Open => "open",
        DealStatus::Won => "won",
        DealStatus::Lost => "lost",
    };
    o.string("status", status);
    o.some("loss_reason", d.loss_reason.as_deref(), string);
    o.int("created", d.created);
    o.int("updated", d.updated);
    o.int("stage_entered", d.stage_entered);
    o.some("won_at", d.won_at, int);
    list(o.key("history"), &d.history, |out, v: &StageVisit| {
        let mut o = Object::new(out);
        o.string("stage", &v.stage.0);
        o.int("entered", v.entered);
        o.end();
    });
    o.int("revision", i64::from(d.revision));
    o.end();
}

/// A tombstone of a deal or a target.
fn id_and_time(out: &mut String, id: &str, at: i64) {
    let mut o = Object::new(out);
    o.string("id", id);
    o.int("at", at);
    o.end();
}

pub fn settings(out: &mut String, settings: &Settings) {
    let mut o = Object::new(out);
    o.string("default_currency", settings.default_currency.code());
    o.int("behind_threshold", i64::from(settings.behind_threshold));
    let team = (!settings.team.is_empty()).then_some(&settings.team);
    o.some("team", team, |out, reps| {
        list(out, reps, |out, r| string(out, r))
    });
    o.end();
}

pub fn target(out: &mut String, t: &Target) {
    let mut o = Object::new(out);
    o.string("id", &t.id.0);
    o.some("parent", t.parent.as_ref(), |out, p| string(out, &p.0));
    let measure = match t.measure {
        Measure::WonValue => "won_value",
        Measure::WonCount => "won_count",
        Measure::GrossMargin => "gross_margin",
    };
    o.string("measure", measure);
    o.string("period", &t.period.label());
    scope(o.key("scope"), &t.scope);
    o.int("amount", t.amount);
    o.string("currency", t.currency.code());
    o.some("market", t.market, int);
    o.some("split", t.split.as_ref(), |out, split| match split {
        SplitMethod::Even => string(out, "even"),
        SplitMethod::Seasonal => string(out, "seasonal"),
        SplitMethod::Weights(weights) => {
            let mut o = Object::new(out);
            list(o.key("weights"), weights, |out, w| int(out, i64::from(*w)));
            o.end();
        }
    });
    o.some("split_by", t.split_by, |out, by| string(out, by.key()));
    o.int("revision", i64::from(t.revision));
    o.int("updated", t.updated);
    o.end();
}

fn scope(out: &mut String, scope: &Scope) {
    let mut o = Object::new(out);
    o.some("owner", scope.owner.as_deref(), string);
    o.some("product", scope.product.as_deref(), string);
    o.some("region", scope.region.as_deref(), string);
    o.some("customer", scope.customer.as_deref(), string);
    o.end();
}

/// A merge orders two versions of a record with the same stamp by their text as written here.
impl Content for Deal {
    fn content(&self) -> String {
        let mut out = String::new();
        deal(&mut out, self);
        out
    }
}

impl Content for Target {
    fn content(&self) -> String {
        let mut out = String::new();
        target(&mut out, self);
        out
    }
}

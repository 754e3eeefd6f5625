//! The sample pipeline shown on first run, so a new user sees a board that works before
//! typing anything. Deterministic for a given `now`.

use crate::domain::board::{Board, DealFields, DealId, PresetStage, Timestamp};
use crate::domain::command::Command;
use crate::domain::date::day_of;
use crate::domain::money::Currency;
use crate::domain::next_step::{NextStep, StepKind};

const DAY_MS: i64 = 86_400_000;

const REPS: [&str; 4] = ["Alice Chen", "Ben Okafor", "Carla Ruiz", "Dev Patel"];
/// What each kind of next step is about (`StepKind::ALL`'s first four, in order).
const STEP_NOTES: [&str; 4] = [
    "Confirm budget and timing",
    "Meet the buying committee",
    "Show the reporting module",
    "Check how the trial went",
];
const PRODUCTS: [&str; 3] = ["Analytics Suite", "Cloud Storage", "Support Plan"];

/// (title, customer, contact, region, value in major units, currency, stage).
const DEALS: [(&str, &str, &str, &str, i64, &str, PresetStage); 24] = [
    (
        "Acme renewal",
        "Acme Corp",
        "Jane Doe",
        "North America",
        24_000,
        "USD",
        PresetStage::Negotiation,
    ),
    (
        "Globex pilot",
        "Globex",
        "Hank Scorpio",
        "North America",
        8_500,
        "USD",
        PresetStage::Demo,
    ),
    (
        "Initech rollout",
        "Initech",
        "Bill Lumbergh",
        "North America",
        56_000,
        "USD",
        PresetStage::Proposal,
    ),
    (
        "Umbrella data platform",
        "Umbrella plc",
        "Alice Abernathy",
        "Europe",
        120_000,
        "EUR",
        PresetStage::Qualified,
    ),
    (
        "Stark upgrade",
        "Stark Industries",
        "Pepper Potts",
        "North America",
        75_000,
        "USD",
        PresetStage::Lead,
    ),
    (
        "Wayne support",
        "Wayne Enterprises",
        "Lucius Fox",
        "North America",
        18_000,
        "USD",
        PresetStage::Won,
    ),
    (
        "Hooli expansion",
        "Hooli",
        "Gavin Belson",
        "North America",
        42_000,
        "USD",
        PresetStage::Lead,
    ),
    (
        "Soylent trial",
        "Soylent",
        "Sol Roth",
        "Europe",
        6_000,
        "EUR",
        PresetStage::Lost,
    ),
    (
        "Tyrell archive",
        "Tyrell Corp",
        "Rachael Tyrell",
        "APAC",
        33_000,
        "USD",
        PresetStage::Demo,
    ),
    (
        "Cyberdyne analytics",
        "Cyberdyne",
        "Miles Dyson",
        "North America",
        64_000,
        "USD",
        PresetStage::Negotiation,
    ),
    (
        "Massive Dynamic seats",
        "Massive Dynamic",
        "Nina Sharp",
        "North America",
        27_500,
        "USD",
        PresetStage::Proposal,
    ),
    (
        "Oscorp backup",
        "Oscorp",
        "Harry Osborn",
        "North America",
        12_000,
        "USD",
        PresetStage::Qualified,
    ),
    (
        "Nakatomi storage",
        "Nakatomi Trading",
        "Joe Takagi",
        "APAC",
        48_000,
        "USD",
        PresetStage::Won,
    ),
    (
        "Vandelay imports",
        "Vandelay Industries",
        "Art Vandelay",
        "Europe",
        9_800,
        "EUR",
        PresetStage::Lead,
    ),
    (
        "Huawen distribution",
        "Huawen Trading",
        "Li Wei",
        "APAC",
        350_000,
        "CNY",
        PresetStage::Proposal,
    ),
    (
        "Jinhai retail pilot",
        "Jinhai Retail",
        "Zhang Min",
        "APAC",
        120_000,
        "CNY",
        PresetStage::Demo,
    ),
    (
        "Pied Piper compression",
        "Pied Piper",
        "Richard Hendricks",
        "North America",
        15_000,
        "USD",
        PresetStage::Qualified,
    ),
    (
        "Dunder Mifflin paper",
        "Dunder Mifflin",
        "Michael Scott",
        "North America",
        4_200,
        "USD",
        PresetStage::Lead,
    ),
    (
        "Aperture research",
        "Aperture Science",
        "Cave Johnson",
        "North America",
        90_000,
        "USD",
        PresetStage::Negotiation,
    ),
    (
        "Black Mesa support",
        "Black Mesa",
        "Eli Vance",
        "North America",
        22_000,
        "USD",
        PresetStage::Lost,
    ),
    (
        "Wonka logistics",
        "Wonka Industries",
        "Charlie Bucket",
        "Europe",
        31_000,
        "EUR",
        PresetStage::Demo,
    ),
    (
        "Gringotts compliance",
        "Gringotts",
        "Griphook",
        "Europe",
        57_000,
        "EUR",
        PresetStage::Won,
    ),
    (
        "Monarch renewal",
        "Monarch Solutions",
        "Mark Baum",
        "APAC",
        19_500,
        "USD",
        PresetStage::Proposal,
    ),
    (
        "Stark Asia pilot",
        "Stark Industries",
        "Happy Hogan",
        "APAC",
        14_000,
        "USD",
        PresetStage::Qualified,
    ),
];

/// The default stages filled with two dozen realistic deals and the history a real pipeline
/// has, so that the scorecard and the stage conversion show figures on first run: each deal
/// was created weeks ago and moved through the stages in order, won and lost deals closed on
/// the day they were decided (within the last two weeks), lost ones say why, open ones
/// close over the coming months (one is overdue, to show the alert) and each has its next
/// step. Targets are left for the manager to set. Deterministic for a given `now`;
/// `loss_reasons` are in the user's language.
pub fn sample_board(
    default_names: impl Fn(PresetStage) -> String,
    loss_reasons: [&str; 2],
    now: Timestamp,
) -> Board {
    let mut board = Board::with_default_stages(default_names);
    let today = day_of(now);
    for (i, &(title, customer, contact, region, major, currency, stage)) in DEALS.iter().enumerate()
    {
        let n = i as i64;
        let path = path_to(stage, i);
        // Days in the stage it is in now, and days between two moves before that.
        let settled = 2 + n * 7 % 13;
        let gap = 6 + n % 5 * 2;
        let created = now - (settled + path.len() as i64 * gap) * DAY_MS;
        let decided = matches!(stage, PresetStage::Won | PresetStage::Lost);
        let fields = DealFields {
            title: title.into(),
            customer: customer.into(),
            contact: contact.into(),
            value: major * 100,
            currency: Currency::parse(currency).expect("sample currencies are valid"),
            cost: None,
            owner: REPS[i % REPS.len()].into(),
            product: PRODUCTS[i % PRODUCTS.len()].into(),
            region: region.into(),
            // Open deals close over the next five months (the first one is overdue); decided
            // ones closed on the day they were won or lost.
            close_date: if decided {
                Some(day_of(now - settled * DAY_MS))
            } else {
                today.add_days(n * 37 % 150 - 5)
            },
            notes: String::new(),
            // Every open deal has its next step, as Pipedrive asks of each deal; a few are
            // due yesterday, to show the alert.
            next_step: (!decided)
                .then(|| today.add_days(n % 6 - 1))
                .flatten()
                .map(|due| NextStep {
                    kind: StepKind::ALL[i % 4],
                    due,
                    note: STEP_NOTES[i % 4].into(),
                }),
            checked: Vec::new(),
            activities: Vec::new(),
            loss_reason: None,
        };
        let id = DealId(format!("sample-{:02}", i + 1));
        let cmd = Command::AddDeal {
            id: id.clone(),
            stage: PresetStage::Lead.id(),
            fields,
        };
        board.apply(cmd, created).expect("sample deals are valid");
        for (step, to) in path.iter().enumerate() {
            let cmd = Command::MoveDeal {
                id: id.clone(),
                to: to.id(),
                index: usize::MAX,
                loss_reason: (*to == PresetStage::Lost).then(|| loss_reasons[i / 10 % 2].into()),
            };
            let at = created + (step as i64 + 1) * gap * DAY_MS;
            board.apply(cmd, at).expect("sample stages exist");
        }
    }
    board
}

/// The stages a deal moved through after Lead to reach `stage`, in order: every open stage
/// before it, and for a lost deal the stage it got to before it was lost (varied by `i`).
fn path_to(stage: PresetStage, i: usize) -> Vec<PresetStage> {
    let open = &PresetStage::ALL[1..5];
    let reached = match stage {
        PresetStage::Won => open.len(),
        PresetStage::Lost => 1 + i / 8,
        _ => PresetStage::ALL
            .iter()
            .position(|s| *s == stage)
            .unwrap_or(0),
    };
    let mut path = open[..reached].to_vec();
    if matches!(stage, PresetStage::Won | PresetStage::Lost) {
        path.push(stage);
    }
    path
}

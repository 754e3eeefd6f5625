//! The sample pipeline shown on first run, so a new user sees a board that works before
//! typing anything. Deterministic for a given `now`.

use crate::domain::board::{Board, DealFields, DealId, PresetStage, Timestamp};
use crate::domain::command::Command;
use crate::domain::date::{day_of, Date};
use crate::domain::money::Currency;

const REPS: [&str; 4] = ["Alice Chen", "Ben Okafor", "Carla Ruiz", "Dev Patel"];
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

/// The default stages filled with two dozen realistic deals, close dates over this quarter and
/// the next, created as if a few weeks ago.
pub fn sample_board(default_names: impl Fn(PresetStage) -> String, now: Timestamp) -> Board {
    let mut board = Board::with_default_stages(default_names);
    let today = day_of(now);
    let (year, month, _) = today.ymd();
    let quarter_start = Date::from_ymd(year, (month - 1) / 3 * 3 + 1, 1).unwrap_or(today);
    for (i, &(title, customer, contact, region, major, currency, stage)) in DEALS.iter().enumerate()
    {
        let currency = Currency::parse(currency).expect("sample currencies are valid");
        let fields = DealFields {
            title: title.into(),
            customer: customer.into(),
            contact: contact.into(),
            value: major * 100,
            currency,
            cost: None,
            owner: REPS[i % REPS.len()].into(),
            product: PRODUCTS[i % PRODUCTS.len()].into(),
            region: region.into(),
            // Spread over about six months from the quarter's start.
            close_date: quarter_start.add_days((i as i64 * 37) % 180 + 10),
            notes: String::new(),
            // None: the sample's stored text is a fixture the writers are checked against
            // (`tests/fixtures/written/sample-zh.*`).
            next_step: None,
            checked: Vec::new(),
            activities: Vec::new(),
            loss_reason: None,
        };
        let created = now - (30 - i as i64) * 86_400_000;
        let id = DealId(format!("sample-{:02}", i + 1));
        let lead = PresetStage::Lead.id();
        let cmd = Command::AddDeal {
            id: id.clone(),
            stage: lead,
            fields,
        };
        board.apply(cmd, created).expect("sample deals are valid");
        if stage != PresetStage::Lead {
            let cmd = Command::MoveDeal {
                id,
                to: stage.id(),
                index: usize::MAX,
                loss_reason: None,
            };
            board
                .apply(cmd, created + 86_400_000)
                .expect("sample stages exist");
        }
    }
    board
}

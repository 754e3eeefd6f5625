//! Which deal field a CSV column means, from its header (English and Chinese).

use super::write::BOM;
use crate::domain::lowercase::lowercase;
use rustc_hash::FxHashSet;

/// A deal field a CSV column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Customer,
    Contact,
    Value,
    Currency,
    Stage,
    Owner,
    Product,
    Region,
    CloseDate,
    Notes,
    /// Why a lost deal was lost.
    LossReason,
    /// The deal's id in this board: a row with the id of a deal on the board updates it.
    Id,
}

impl Field {
    /// Every field, in the order the mapping editor lists them.
    pub const ALL: [Field; 13] = [
        Field::Title,
        Field::Customer,
        Field::Contact,
        Field::Value,
        Field::Currency,
        Field::Stage,
        Field::Owner,
        Field::Product,
        Field::Region,
        Field::CloseDate,
        Field::Notes,
        Field::LossReason,
        Field::Id,
    ];

    /// Header names (normalised: lower case, single spaces) that obviously mean this field.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Title => &[
                "title",
                "deal name",
                "name",
                "deal title",
                "deal",
                "opportunity name",
                "名称",
                "商机名称",
                "商机",
                "标题",
            ],
            Field::Customer => &[
                "customer",
                "organization",
                "organisation",
                "company",
                "company name",
                "account",
                "account name",
                "organization name",
                "organization - name",
                "客户",
                "客户名称",
                "公司",
            ],
            Field::Contact => &[
                "contact",
                "contact person",
                "person",
                "contact name",
                "person - name",
                "联系人",
            ],
            Field::Value => &["value", "amount", "deal value", "deal amount", "金额"],
            Field::Currency => &["currency", "currency code", "币种", "货币"],
            Field::Stage => &["stage", "deal stage", "pipeline stage", "阶段", "销售阶段"],
            Field::Owner => &[
                "owner",
                "deal owner",
                "assigned to",
                "opportunity owner",
                "负责人",
            ],
            Field::Product => &["product line", "product", "products", "产品线", "产品"],
            Field::Region => &["region", "territory", "区域", "地区"],
            Field::CloseDate => &[
                "expected close date",
                "close date",
                "closing date",
                "expected close",
                "预计成交日期",
                "成交日期",
            ],
            Field::Notes => &["notes", "note", "description", "备注", "说明"],
            Field::LossReason => &["loss reason", "lost reason", "reason lost", "丢单原因"],
            Field::Id => &["id", "deal id", "编号"],
        }
    }
}

/// A header as compared: BOM and spaces trimmed, lower case, `_` as a space, runs of spaces as
/// one, and Pipedrive's `Deal - ` prefix taken off.
fn normalise_header(header: &str) -> String {
    let lower =
        lowercase(header.trim_matches(|c: char| c.is_whitespace() || c == BOM)).replace('_', " ");
    let single: String = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    single
        .strip_prefix("deal - ")
        .map(str::to_string)
        .unwrap_or(single)
}

/// The field each header obviously means, if any (English and Chinese, ignoring case). A field
/// is given to the first header that means it only.
pub fn guess_mapping(headers: &[String]) -> Vec<Option<Field>> {
    let mut used: FxHashSet<Field> = FxHashSet::default();
    headers
        .iter()
        .map(|header| {
            let key = normalise_header(header);
            let field = Field::ALL
                .into_iter()
                .find(|f| f.aliases().contains(&key.as_str()))?;
            used.insert(field).then_some(field)
        })
        .collect()
}

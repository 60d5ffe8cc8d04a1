//! What a check reports: plain data that the UI, the CLI and exports only render.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::{Record, RecordKind};

use super::codes::{Importance, RuleCode};

/// A record a finding is about, e.g. `{"kind": "cities", "id": "…"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct RecordRef {
    pub kind: RecordKind,
    pub id: RecordId,
}

impl RecordRef {
    pub fn to<R: Record>(record: &R) -> RecordRef {
        RecordRef {
            kind: R::KIND,
            id: record.meta().id,
        }
    }
}

/// A number a finding rests on, so a page can show it beside the record without
/// re-deriving it from the message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// What the number is, e.g. `"approved"`, `"maximum"`, `"excess"`; see docs/rules.md.
    pub key: &'static str,
    #[serde(flatten)]
    pub value: FigureValue,
}

/// Serialised as one field named after the variant: `{"key": "excess", "amount": "10000.00"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureValue {
    Amount(Baht),
    /// Counts and their differences, which can be negative.
    Count(i64),
    Date(NaiveDate),
    /// A fraction such as "0.70", as a string like money.
    Share(Decimal),
}

impl Figure {
    pub fn amount(key: &'static str, amount: Baht) -> Figure {
        Figure {
            key,
            value: FigureValue::Amount(amount),
        }
    }

    pub fn count(key: &'static str, n: i64) -> Figure {
        Figure {
            key,
            value: FigureValue::Count(n),
        }
    }

    pub fn date(key: &'static str, d: NaiveDate) -> Figure {
        Figure {
            key,
            value: FigureValue::Date(d),
        }
    }

    pub fn share(key: &'static str, s: Decimal) -> Figure {
        Figure {
            key,
            value: FigureValue::Share(s),
        }
    }
}

/// One thing a check found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: RuleCode,
    pub importance: Importance,
    /// The records concerned, the main one first (e.g. the city, then its projects).
    pub records: Vec<RecordRef>,
    /// The field the UI should mark on the first record, e.g. `"amount_approved"` or
    /// `"members[2].name"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub figures: Vec<Figure>,
    pub message_th: String,
    pub message_en: String,
}

impl Finding {
    /// A finding with its rule's default importance.
    pub fn new(
        rule: RuleCode,
        records: Vec<RecordRef>,
        field: Option<&str>,
        figures: Vec<Figure>,
        message_th: String,
        message_en: String,
    ) -> Finding {
        Finding {
            rule,
            importance: rule.default_importance(),
            records,
            field: field.map(str::to_owned),
            figures,
            message_th,
            message_en,
        }
    }

    /// Whether the finding names this record.
    pub fn concerns(&self, id: RecordId) -> bool {
        self.records.iter().any(|r| r.id == id)
    }

    pub fn is_error(&self) -> bool {
        self.importance == Importance::Error
    }

    /// The figure with this key, if the finding has one.
    pub fn figure(&self, key: &str) -> Option<&FigureValue> {
        self.figures.iter().find(|f| f.key == key).map(|f| &f.value)
    }
}

//! When to remind a person to export: this device is the only copy of what was typed until
//! it goes out in a bundle, and tablets get lost, wiped or dropped.
//!
//! The reminder shows once changes made here have waited more than [`REMIND_AFTER_DAYS`]
//! since the last export (or, never exported, since the oldest change). Shipped reference
//! data and records that came in from others were not typed here and do not count; records
//! edited here carry this office in their version vector.

use chrono::{DateTime, Utc};

use crate::domain::meta::OfficeId;
use crate::domain::records::Dataset;

/// Days unexported changes may wait before the reminder shows.
pub const REMIND_AFTER_DAYS: i64 = 7;

/// What the reminder says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportReminder {
    /// Records changed here since the last export.
    pub changed: usize,
    /// Whole days since the last export, or since the oldest unexported change.
    pub days: i64,
    /// Whether this device has ever exported.
    pub ever_exported: bool,
}

/// The reminder to show, if any. `office` is this device's office (records it never edited
/// do not count); `last_export` is when data last went out.
pub fn export_reminder(
    ds: &Dataset,
    office: &OfficeId,
    last_export: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<ExportReminder> {
    let mut changed = 0;
    let mut oldest: Option<DateTime<Utc>> = None;
    ds.for_each(|r| {
        let meta = r.meta();
        let mine = meta.version.get(office) > 0;
        if mine && last_export.is_none_or(|at| meta.updated_at > at) {
            changed += 1;
            oldest = Some(oldest.map_or(meta.updated_at, |o| o.min(meta.updated_at)));
        }
    });
    let since = last_export.or(oldest)?;
    let days = (now - since).num_days();
    (changed > 0 && (now - oldest?).num_days() >= REMIND_AFTER_DAYS).then_some(ExportReminder {
        changed,
        days,
        ever_exported: last_export.is_some(),
    })
}

/// Whether this device holds any record edited here (by `office`): what a browser that
/// clears storage would lose for good. Data loaded from a file can be loaded again.
pub fn has_changes_from(ds: &Dataset, office: &OfficeId) -> bool {
    let mut found = false;
    ds.for_each(|r| found |= r.meta().version.get(office) > 0);
    found
}

/// Reads a stored export time: RFC 3339 text or milliseconds since the epoch, whichever
/// form the export screen wrote.
pub fn parse_export_time(raw: &str) -> Option<DateTime<Utc>> {
    let raw = raw.trim().trim_matches('"');
    if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        return Some(t.with_timezone(&Utc));
    }
    // `Date.now()` is whole milliseconds; a fraction, if any, is below what matters here.
    let whole = raw.split_once('.').map_or(raw, |(w, _)| w);
    DateTime::from_timestamp_millis(whole.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;
    use crate::domain::meta::Editor;

    fn at(days: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_517_600_000 + days * 86_400, 0).unwrap()
    }

    #[test]
    fn reminds_only_after_a_week_of_unexported_changes_made_here() {
        let mut ds = north_2561().records;
        let here = OfficeId("here".into());
        // Nothing typed here: the example came from another office.
        assert_eq!(export_reminder(&ds, &here, None, at(100)), None);
        assert!(!has_changes_from(&ds, &here));
        assert!(has_changes_from(&ds, &OfficeId("codi-north".into())));
        let editor = Editor::office("here");
        ds.cities[0].meta.touch(&editor, at(0));
        assert_eq!(export_reminder(&ds, &here, None, at(3)), None);
        let r = export_reminder(&ds, &here, None, at(8)).unwrap();
        assert_eq!(
            r,
            ExportReminder {
                changed: 1,
                days: 8,
                ever_exported: false
            }
        );
        // Exported after the change: nothing waits.
        assert_eq!(export_reminder(&ds, &here, Some(at(1)), at(30)), None);
        ds.cities[1].meta.touch(&editor, at(10));
        assert_eq!(export_reminder(&ds, &here, Some(at(1)), at(12)), None);
        let r = export_reminder(&ds, &here, Some(at(1)), at(20)).unwrap();
        assert_eq!(
            r,
            ExportReminder {
                changed: 1,
                days: 19,
                ever_exported: true
            }
        );
    }

    #[test]
    fn export_times_in_either_form() {
        assert_eq!(
            parse_export_time("2018-02-03T06:00:00Z"),
            Some(DateTime::from_timestamp(1_517_637_600, 0).unwrap())
        );
        assert_eq!(
            parse_export_time("\"2018-02-03T06:00:00Z\""),
            parse_export_time("1517637600000")
        );
        assert_eq!(parse_export_time("soon"), None);
        assert_eq!(
            parse_export_time("1517637600000.4"),
            parse_export_time("1517637600000")
        );
    }
}

//! The programme's rules: a pure function from the whole dataset and "today" to findings.
//!
//! Each rule has a stable code ([`RuleCode`]); docs/rules.md describes every one. Findings
//! are plain data: the UI and the CLI only render them. Deleted records (tombstones) are
//! ignored everywhere. Checking 1,000 cities and 10,000 projects takes a few milliseconds
//! natively (`mueang bench-rules`), because look-ups are indexed once per check.

mod beneficiaries;
mod caps;
mod codes;
mod context;
mod duplicate;
mod era;
mod field_names;
mod finding;
mod gate;
mod grants;
mod history;
mod instalments;
mod missing;
mod progress;
mod ranges;
mod record_names;
mod slice;
mod survey;
mod text;
mod totals;

use crate::domain::sorting::SortSmall;
use chrono::NaiveDate;
pub(crate) use context::HashMap as IdMap;

use crate::domain::meta::RecordId;
use crate::domain::records::Dataset;

pub use codes::{Importance, RuleCode};
pub use era::{date_doubt, programme_start};
pub use field_names::field_label;
pub use finding::{Figure, FigureValue, Finding, RecordRef};
pub use gate::{blocking_approval, blocking_transfer};
pub use history::{status_name_en, status_name_th};
pub use record_names::{kind_en, kind_th, record_label};
pub use slice::{city_slice, community_slice};
pub use survey::{house_number_key, COVERAGE_SHORT_BELOW};
pub use text::count_en;

/// Every finding for `ds` as of `today`, sorted by rule (in [`RuleCode::ALL`] order), then
/// by the records concerned; the same input always gives the same list.
///
/// ```
/// use chrono::NaiveDate;
/// use mueang::domain::example::north_2561;
/// use mueang::domain::rules::{check, RuleCode};
///
/// let ds = north_2561().records;
/// let findings = check(&ds, NaiveDate::from_ymd_opt(2018, 4, 1).unwrap());
/// assert_eq!(findings.len(), 1);
/// assert_eq!(findings[0].rule, RuleCode::TotalStatedMismatch);
/// ```
pub fn check(ds: &Dataset, today: NaiveDate) -> Vec<Finding> {
    check_as_of(ds, today, today)
}

/// Every finding as of `as_of` (deadlines judged on it, transfers after it not counted),
/// with `today` the device's day (a transfer after it is `transfer.future_date`, whatever
/// the report date). A report "as of 2 Feb 2018" read in 2026 is `check_as_of(ds, 2018-02-02,
/// 2026-…)`.
pub fn check_as_of(ds: &Dataset, as_of: NaiveDate, today: NaiveDate) -> Vec<Finding> {
    let ctx = context::Ctx::new(ds, as_of, today);
    let mut out = Vec::new();
    caps::project_cap(&ctx, &mut out);
    caps::city_cap(&ctx, &mut out);
    grants::committee_grant_amount(&ctx, &mut out);
    grants::province_grant_amount(&ctx, &mut out);
    instalments::first_share(&ctx, &mut out);
    instalments::before_mou(&ctx, &mut out);
    instalments::overdue(&ctx, &mut out);
    instalments::exceeds_approved(&ctx, &mut out);
    instalments::future_date(&ctx, &mut out);
    history::status_order(&ctx, &mut out);
    era::era_suspect(&ctx, &mut out);
    missing::missing_field(&ctx, &mut out);
    duplicate::duplicate(&ctx, &mut out);
    totals::stated_mismatch(&ctx, &mut out);
    ranges::out_of_range(&ctx, &mut out);
    survey::survey(&ctx, &mut out);
    progress::progress(&ctx, &mut out);
    beneficiaries::beneficiaries(&ctx, &mut out);
    // Stable, so findings of one rule about the same records keep the order of the fields.
    out.sort_by_small(|a, b| (a.rule, &a.records).cmp(&(b.rule, &b.records)));
    out
}

/// The findings that name `id`, for marking a record on its page.
pub fn findings_for_record(findings: &[Finding], id: RecordId) -> Vec<&Finding> {
    findings.iter().filter(|f| f.concerns(id)).collect()
}

/// Whether any finding is an error (the CLI's exit status).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(Finding::is_error)
}

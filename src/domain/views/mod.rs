//! What the list and overview screens show, computed from the dataset: the project and
//! city lists with their filters, the committee/meeting/MOU/money lists, the findings
//! list, what a city's page gathers and when to remind a person to export. Rows come
//! looked up, filtered and sorted, so the screens only render.

pub mod choices;
pub mod city_list;
pub mod city_page;
pub mod community_list;
pub mod entry_lists;
pub mod evidence;
pub mod export_reminder;
pub mod findings_list;
pub mod grant_lists;
pub mod household_list;
pub mod paging;
pub mod project_list;
pub mod survey_entry;
pub mod thai_sort;
pub mod to_do;

use std::collections::HashMap;

use crate::domain::meta::RecordId;
use crate::domain::records::{Dataset, Record};

/// How many live records of kind `R` point at each id through `link` (meetings per
/// committee, households per community); an id that none points at is not in the map.
pub(crate) fn count_per<R: Record>(
    ds: &Dataset,
    link: impl Fn(&R) -> RecordId,
) -> HashMap<RecordId, usize> {
    let mut counts = HashMap::new();
    for r in ds.live::<R>() {
        *counts.entry(link(r)).or_default() += 1;
    }
    counts
}

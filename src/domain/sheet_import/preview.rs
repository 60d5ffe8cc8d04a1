//! Every row of a sheet as the household it would become, with its problems, by the same
//! rules as the household form: unreadable values and required fields (the form's own
//! reading, `record.missing_field`), `household.members`, `household.duplicate` within the
//! file and against what is stored, and values outside the choices. A row with a problem
//! that blocks is shown and not stored; the person fixes the sheet (or the mapping) and
//! brings it in again.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::domain::forms::form::RecordForm;
use crate::domain::forms::household_form::HouseholdForm;
use crate::domain::lang::counted;
use crate::domain::meta::{Editor, RecordId, RecordMeta};
use crate::domain::records::survey::{Community, Household};
use crate::domain::records::Dataset;
use crate::domain::rules::house_number_key;
use crate::domain::text::normalise_name;

use super::columns::Column;
use super::decode::Sheet;
use super::mapping::{header, Mapping};
use super::problems::{column_of_field, field, formula, members, missing, outside_choices};
use super::words::{choice_key, is_choice, NotAChoice};

/// Where the rows go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub city_id: RecordId,
    /// Every row into this community; `None`: the community column names it (a name not
    /// yet known in the city becomes a new community of it).
    pub community_id: Option<RecordId>,
    pub round_id: Option<RecordId>,
}

/// Something wrong with a row. `code` is the rule's code where a rule says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub code: &'static str,
    pub column: Option<Column>,
    /// The row is not stored while this stands.
    pub blocks: bool,
    pub th: String,
    pub en: String,
}

/// What one data row of the sheet would store.
#[derive(Debug, Clone, PartialEq)]
pub struct RowOutcome {
    /// The spreadsheet's row number.
    pub line: usize,
    pub household: Household,
    /// The community's name when the row creates a new one.
    pub new_community: Option<String>,
    pub problems: Vec<Problem>,
}

impl RowOutcome {
    pub fn is_stored(&self) -> bool {
        !self.problems.iter().any(|p| p.blocks)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub rows: Vec<RowOutcome>,
    /// Communities the sheet names that the city does not have yet.
    pub new_communities: Vec<Community>,
    /// Columns holding data that no field takes (shown: nothing is dropped unseen).
    pub unmapped: Vec<(usize, String)>,
    /// Required columns not mapped (house number; community without a chosen one).
    pub missing_columns: Vec<Column>,
}

/// Why rows were not stored: a rule code and how many rows it stopped.
pub type Reasons = Vec<(&'static str, usize)>;

impl Preview {
    pub fn stored_count(&self) -> usize {
        self.rows.iter().filter(|r| r.is_stored()).count()
    }

    pub fn skipped_count(&self) -> usize {
        self.rows.len() - self.stored_count()
    }

    /// How many skipped rows each blocking problem stopped (a row may count under two).
    pub fn reasons(&self) -> Reasons {
        let mut out: Reasons = Vec::new();
        for p in self.rows.iter().flat_map(|r| r.problems.iter()) {
            if !p.blocks {
                continue;
            }
            match out.iter_mut().find(|(c, _)| *c == p.code) {
                Some((_, n)) => *n += 1,
                None => out.push((p.code, 1)),
            }
        }
        out
    }

    /// What confirming stores: the households without blocking problems, and the new
    /// communities at least one of them belongs to.
    pub fn to_store(&self) -> (Vec<Community>, Vec<Household>) {
        let households: Vec<Household> = self
            .rows
            .iter()
            .filter(|r| r.is_stored())
            .map(|r| r.household.clone())
            .collect();
        let communities = self
            .new_communities
            .iter()
            .filter(|c| households.iter().any(|h| h.community_id == c.meta.id))
            .cloned()
            .collect();
        (communities, households)
    }
}

impl Preview {
    /// `local` with what confirming stores added. The records are new (fresh ids), so
    /// they are appended rather than looked up one by one among 100,000.
    pub fn added_to(&self, local: &Dataset) -> Dataset {
        let (communities, households) = self.to_store();
        let mut merged = local.clone();
        merged.communities.extend(communities);
        merged.households.extend(households);
        merged
    }
}

/// Reads every row under the header row. `editor` and `now` stamp the new records.
pub fn preview(
    sheet: &Sheet,
    mapping: &Mapping,
    target: Target,
    ds: &Dataset,
    editor: &Editor,
    now: DateTime<Utc>,
) -> Preview {
    let mut p = Previewer::new(ds, target, editor, now);
    let data = sheet
        .rows
        .iter()
        .zip(&sheet.lines)
        .skip(mapping.header_row + 1);
    for (row, &line) in data {
        let outcome = p.row(row, line, mapping);
        p.rows.push(outcome);
    }
    p.in_file_duplicates();
    let mut missing_columns = Vec::new();
    if mapping.column_of(Column::HouseNumber).is_none() {
        missing_columns.push(Column::HouseNumber);
    }
    if target.community_id.is_none() && mapping.column_of(Column::Community).is_none() {
        missing_columns.push(Column::Community);
    }
    let unmapped = (0..mapping.columns.len())
        .filter(|&i| mapping.columns[i].is_none())
        .filter(|&i| {
            let below = sheet.rows.iter().skip(mapping.header_row + 1);
            below
                .map(|r| r.get(i).map_or("", |c| c.trim()))
                .any(|c| !c.is_empty())
        })
        .map(|i| (i, header(sheet, mapping, i)))
        .collect();
    Preview {
        rows: p.rows,
        new_communities: p.new_communities,
        unmapped,
        missing_columns,
    }
}

struct Previewer<'a> {
    target: Target,
    editor: &'a Editor,
    now: DateTime<Utc>,
    /// The city's live communities by compared name.
    communities: HashMap<String, RecordId>,
    /// Live stored households by (community, compared house number).
    stored: HashMap<(RecordId, String), ()>,
    new_communities: Vec<Community>,
    rows: Vec<RowOutcome>,
    /// Choice cells read so far: a sheet repeats a handful of words thousands of times.
    choices: HashMap<Column, HashMap<String, Result<String, NotAChoice>>>,
}

impl<'a> Previewer<'a> {
    fn new(ds: &Dataset, target: Target, editor: &'a Editor, now: DateTime<Utc>) -> Self {
        let communities = ds
            .live::<Community>()
            .filter(|c| c.city_id == target.city_id)
            .map(|c| (normalise_name(&c.name), c.meta.id))
            .collect();
        let stored = ds
            .live::<Household>()
            .map(|h| ((h.community_id, house_number_key(&h.house_number)), ()))
            .collect();
        Previewer {
            target,
            editor,
            now,
            communities,
            stored,
            new_communities: Vec::new(),
            rows: Vec::new(),
            choices: HashMap::new(),
        }
    }

    fn meta(&self) -> RecordMeta {
        RecordMeta::new(Uuid::new_v4(), self.editor, self.now)
    }

    fn choice(&mut self, column: Column, raw: &str) -> Result<String, NotAChoice> {
        let seen = self.choices.entry(column).or_default();
        if let Some(known) = seen.get(raw) {
            return known.clone();
        }
        let read = choice_key(column, raw);
        seen.insert(raw.to_owned(), read.clone());
        read
    }

    fn row(&mut self, row: &[String], line: usize, mapping: &Mapping) -> RowOutcome {
        let mut problems = Vec::new();
        let mut form = HouseholdForm::default();
        let mut community_name = String::new();
        for (i, column) in mapping.columns.iter().enumerate() {
            let Some(column) = *column else { continue };
            let raw = row.get(i).map_or("", |c| c.trim());
            if raw.starts_with('=') {
                problems.push(formula(column, i));
                continue;
            }
            let value = if is_choice(column) {
                match self.choice(column, raw) {
                    Ok(key) => key,
                    Err(NotAChoice) => {
                        problems.push(outside_choices(column, raw));
                        continue;
                    }
                }
            } else {
                raw.to_owned()
            };
            match column {
                Column::Community => community_name = value,
                _ => *field(&mut form, column) = value,
            }
        }
        let mut new_community = None;
        let community = match self.target.community_id {
            Some(id) => Some(id),
            None => self.community(&community_name, &mut new_community),
        };
        if community.is_none() {
            problems.push(missing(Column::Community));
        }
        form.community_id = community.map(|c| c.to_string()).unwrap_or_default();
        form.round_id = self
            .target
            .round_id
            .map(|r| r.to_string())
            .unwrap_or_default();
        let base = Household::new(self.meta(), community.unwrap_or_default(), "");
        let built = form.build(&base);
        for e in &built.errors {
            problems.push(Problem {
                code: "record.unreadable",
                column: column_of_field(&e.field),
                blocks: true,
                th: e.message_th.clone(),
                en: e.message_en.clone(),
            });
        }
        let h = built.record;
        if h.house_number.is_empty() {
            problems.push(missing(Column::HouseNumber));
        } else if community.is_some_and(|c| {
            self.stored
                .contains_key(&(c, house_number_key(&h.house_number)))
        }) {
            problems.push(Problem {
                code: "household.duplicate",
                column: Some(Column::HouseNumber),
                blocks: true,
                th: format!(
                    "บ้านเลขที่ {} ของชุมชนนี้บันทึกไว้แล้ว ถ้าต้องการแก้ไขให้แก้ที่หน้าครัวเรือน",
                    h.house_number
                ),
                en: format!(
                    "House no. {} of this community is already stored; edit it on its household page.",
                    h.house_number
                ),
            });
        }
        members(&h, &built.errors, &mut problems);
        RowOutcome {
            line,
            household: h,
            new_community,
            problems,
        }
    }

    /// The community a row names: one of the city's, or a new one (made once per name).
    fn community(&mut self, name: &str, new: &mut Option<String>) -> Option<RecordId> {
        let key = normalise_name(name);
        if key.is_empty() {
            return None;
        }
        if let Some(&id) = self.communities.get(&key) {
            if self.new_communities.iter().any(|c| c.meta.id == id) {
                *new = Some(name.trim().to_owned());
            }
            return Some(id);
        }
        let c = Community::new(self.meta(), self.target.city_id, name.trim());
        let id = c.meta.id;
        self.communities.insert(key, id);
        self.new_communities.push(c);
        *new = Some(name.trim().to_owned());
        Some(id)
    }

    /// `household.duplicate` within the file: a warning on every row of a house number
    /// entered more than once, as the rule warns (households may share a house).
    fn in_file_duplicates(&mut self) {
        let mut by_key: HashMap<(RecordId, String), Vec<usize>> = HashMap::new();
        for (i, r) in self.rows.iter().enumerate() {
            let h = &r.household;
            if !h.house_number.is_empty() && !h.community_id.is_nil() {
                let key = (h.community_id, house_number_key(&h.house_number));
                by_key.entry(key).or_default().push(i);
            }
        }
        for group in by_key.values().filter(|g| g.len() > 1) {
            let lines: Vec<String> = group
                .iter()
                .map(|&i| self.rows[i].line.to_string())
                .collect();
            let lines = lines.join(", ");
            for &i in group {
                let number = self.rows[i].household.house_number.clone();
                self.rows[i].problems.push(Problem {
                    code: "household.duplicate",
                    column: Some(Column::HouseNumber),
                    blocks: false,
                    th: format!(
                        "บ้านเลขที่ {number} อยู่ในไฟล์ {} (แถวที่ {lines}) ถ้าเป็นคนละครัวเรือนในบ้านหลังเดียวกันไม่ต้องแก้ไข",
                        counted(group.len(), "แถว", "row", "rows").0
                    ),
                    en: format!(
                        "House no. {number} is in {} of the file (rows {lines}); if several \
                         households share the house, leave them.",
                        counted(group.len(), "แถว", "row", "rows").1
                    ),
                });
            }
        }
    }
}

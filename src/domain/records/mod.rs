//! The programme's records. Each kind is a plain struct with a `meta` field; the
//! [`Record`] trait lets storage, merge and the rules treat all kinds alike.

pub mod attachment;
pub mod city;
pub mod committee;
pub mod geography;
pub mod grants;
pub mod instalment;
pub mod limits;
pub mod mou;
pub mod parameters;
pub mod progress;
pub mod project;
pub mod stated_total;
pub mod survey;
pub mod tombstone;

pub use attachment::Attachment;
pub use city::{mask_account, City, CityBudget, LocalUnitType, ReceivingAccount};
pub use committee::{
    Attendance, Category, Committee, CommitteeMember, Meeting, MemberRole, ProblemRaised, Sector,
};
pub use geography::{Province, Region};
pub use grants::{CommitteeGrant, ProvinceGrant};
pub use instalment::Instalment;
pub use mou::{Mou, Signatory, SignatoryRole, Witness};
pub use parameters::{ProgrammeParameters, PROGRAMME_START};
pub use progress::{latest_report, latest_reports, reports_of, Progress, ProgressReport};
pub use project::{CoFunding, Project, ProjectStatus, StatusChange};
pub use stated_total::StatedTotal;
pub use survey::{Community, Household, SurveyRound};
pub use tombstone::Emptied;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::domain::meta::RecordMeta;
use limits::{OutOfRange, Ranged};

/// What every record kind offers to the generic machinery (storage, merge, rules).
pub trait Record:
    Ranged + Emptied + Clone + PartialEq + Serialize + DeserializeOwned + 'static
{
    const KIND: RecordKind;
    fn meta(&self) -> &RecordMeta;
    fn meta_mut(&mut self) -> &mut RecordMeta;
    fn into_any(self) -> AnyRecord;
    /// This kind's records within a dataset.
    fn all(ds: &Dataset) -> &Vec<Self>;
    fn all_mut(ds: &mut Dataset) -> &mut Vec<Self>;
    /// This kind's conflict siblings: the versions kept beside the shown one (see `sync`).
    fn siblings(ds: &Dataset) -> &Vec<Self>;
    fn siblings_mut(ds: &mut Dataset) -> &mut Vec<Self>;
    /// The record inside `any`, if it is of this kind.
    fn from_any(any: AnyRecord) -> Option<Self>;
}

/// Code that must run once per record kind with the concrete type (merge, export): the
/// macro below calls [`KindVisitor::visit`] for every kind, so no kind can be forgotten.
pub trait KindVisitor {
    fn visit<R: Record>(&mut self);
}

/// Declares every record kind once: the [`RecordKind`] and [`AnyRecord`] enums, the
/// [`Record`] impls and the [`Dataset`] fields all come from this one list, so adding a
/// kind cannot forget one of them.
macro_rules! record_kinds {
    ($($ty:ident => $field:ident, $key:literal $(, since $since:literal)?;)*) => {
        /// The kinds of record, as named in files (`"cities"`) and in finding references.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        pub enum RecordKind {
            $(#[serde(rename = $key)] $ty,)*
        }

        impl RecordKind {
            pub const ALL: &'static [RecordKind] = &[$(RecordKind::$ty,)*];

            /// The key used for this kind in files and storage, e.g. `"cities"`.
            pub fn key(self) -> &'static str {
                match self { $(RecordKind::$ty => $key,)* }
            }

            pub fn from_key(key: &str) -> Option<RecordKind> {
                match key { $($key => Some(RecordKind::$ty),)* _ => None }
            }

            /// Calls `v.visit::<R>()` for every record type, in [`RecordKind::ALL`] order.
            pub fn visit_all(v: &mut impl KindVisitor) {
                $(v.visit::<$ty>();)*
            }
        }

        /// A record of any kind, for code that handles a mix (audit, merge, storage).
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(tag = "kind", content = "record")]
        pub enum AnyRecord {
            $(#[serde(rename = $key)] $ty($ty),)*
        }

        impl AnyRecord {
            pub fn kind(&self) -> RecordKind {
                match self { $(AnyRecord::$ty(_) => RecordKind::$ty,)* }
            }
            pub fn meta(&self) -> &RecordMeta {
                match self { $(AnyRecord::$ty(r) => &r.meta,)* }
            }
            pub fn meta_mut(&mut self) -> &mut RecordMeta {
                match self { $(AnyRecord::$ty(r) => &mut r.meta,)* }
            }
        }

        $(
            impl Record for $ty {
                const KIND: RecordKind = RecordKind::$ty;
                fn meta(&self) -> &RecordMeta { &self.meta }
                fn meta_mut(&mut self) -> &mut RecordMeta { &mut self.meta }
                fn into_any(self) -> AnyRecord { AnyRecord::$ty(self) }
                fn all(ds: &Dataset) -> &Vec<Self> { &ds.$field }
                fn all_mut(ds: &mut Dataset) -> &mut Vec<Self> { &mut ds.$field }
                fn siblings(ds: &Dataset) -> &Vec<Self> { &ds.conflicts.$field }
                fn siblings_mut(ds: &mut Dataset) -> &mut Vec<Self> { &mut ds.conflicts.$field }
                fn from_any(any: AnyRecord) -> Option<Self> {
                    match any { AnyRecord::$ty(r) => Some(r), _ => None }
                }
            }
        )*

        /// The other versions of records in conflict, by kind: a record whose id appears here
        /// was edited concurrently by two offices. The version in the kind's main list is the
        /// one shown; these wait beside it until a person settles the conflict. Serialised
        /// under `"conflicts"` so a conflict travels in files and merges like any record.
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct Siblings {
            $(#[serde(default, rename = $key, skip_serializing_if = "Vec::is_empty")] pub $field: Vec<$ty>,)*
        }

        impl Siblings {
            pub fn is_empty(&self) -> bool {
                true $(&& self.$field.is_empty())*
            }

            /// Calls `f` with every sibling version, of every kind.
            pub fn for_each(&self, mut f: impl FnMut(AnyRecordRef<'_>)) {
                $(for r in &self.$field { f(AnyRecordRef::$ty(r)); })*
            }
        }

        /// Every record of every kind, tombstones included, in a stable order.
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct Dataset {
            $(
                #[serde(default, rename = $key)]
                $(#[doc = concat!("Since schema ", $since, "; left out when empty, so a file without it keeps the bytes of the version before.")]
                #[serde(skip_serializing_if = "Vec::is_empty")])?
                pub $field: Vec<$ty>,
            )*
            /// Versions kept beside the shown ones while records are in conflict; absent from
            /// files that have none.
            #[serde(default, skip_serializing_if = "Siblings::is_empty")]
            pub conflicts: Siblings,
        }

        impl Dataset {
            /// Inserts the record, or replaces the one with the same id.
            pub fn upsert(&mut self, record: AnyRecord) {
                match record { $(AnyRecord::$ty(r) => self.upsert_one(r),)* }
            }

            /// Calls `f` with every record, of every kind.
            pub fn for_each(&self, mut f: impl FnMut(AnyRecordRef<'_>)) {
                $(for r in &self.$field { f(AnyRecordRef::$ty(r)); })*
            }

            /// How many records of each kind, tombstones excluded.
            pub fn counts(&self) -> Vec<(RecordKind, usize)> {
                vec![$((RecordKind::$ty, self.$field.iter().filter(|r| !r.meta.deleted).count()),)*]
            }
        }

        /// A borrowed record of any kind.
        #[derive(Debug, Clone, Copy)]
        pub enum AnyRecordRef<'a> {
            $($ty(&'a $ty),)*
        }

        impl<'a> AnyRecordRef<'a> {
            pub fn kind(&self) -> RecordKind {
                match self { $(AnyRecordRef::$ty(_) => RecordKind::$ty,)* }
            }
            pub fn meta(&self) -> &'a RecordMeta {
                match self { $(AnyRecordRef::$ty(r) => &r.meta,)* }
            }
            pub fn to_owned(&self) -> AnyRecord {
                match self { $(AnyRecordRef::$ty(r) => AnyRecord::$ty((*r).clone()),)* }
            }
            /// See [`Ranged::out_of_range`].
            pub fn out_of_range(&self, out: &mut dyn FnMut(OutOfRange)) {
                match self { $(AnyRecordRef::$ty(r) => r.out_of_range(out),)* }
            }
        }
    };
}

record_kinds! {
    Region => regions, "regions";
    Province => provinces, "provinces";
    City => cities, "cities";
    Committee => committees, "committees";
    Meeting => meetings, "meetings";
    Project => projects, "projects";
    ProvinceGrant => province_grants, "province_grants";
    CommitteeGrant => committee_grants, "committee_grants";
    Mou => mous, "mous";
    Instalment => instalments, "instalments";
    ProgrammeParameters => programme_parameters, "programme_parameters";
    StatedTotal => stated_totals, "stated_totals";
    Community => communities, "communities", since 3;
    SurveyRound => survey_rounds, "survey_rounds", since 3;
    Household => households, "households", since 3;
    ProgressReport => progress_reports, "progress_reports", since 3;
}

//! Bringing existing spreadsheets in (issue #12, item 4): households (and the communities
//! a sheet names) from the CSV and XLSX files offices keep today.
//!
//! The steps, each pure and tested natively: [`decode`] turns the file's bytes into a
//! [`Sheet`] (CSV as Excel on a Thai Windows saves it — UTF-8 with or without BOM, UTF-16
//! "Unicode text", or windows-874 — or XLSX); [`columns`] recognises its Thai and English
//! headers as a [`Mapping`] the person may change; [`preview`] reads every row through the
//! household form and the survey's rules and says what would be stored and what not, and
//! why. Nothing is stored here: the page stores the preview's [`Preview::to_store`] through
//! the app's import path once the person confirms.

pub mod columns;
pub mod decode;
pub mod mapping;
pub mod preview;
mod problems;
pub mod sample;
pub mod words;
mod xlsx;

pub use columns::Column;
pub use decode::{decode, Sheet, SheetError, Source};
pub use mapping::Mapping;
pub use preview::{preview, Preview, Problem, RowOutcome, Target};
pub use problems::reason_label;

/// The limits a file must keep to. A region's survey is ~100,000 households; a city's
/// sheet is a few thousand. Past these the file is refused whole with a message saying
/// which limit, and nothing is stored.
pub mod limits {
    /// The largest file read: 20 MB holds 100,000 households with long notes.
    pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
    /// Rows under the header row.
    pub const MAX_ROWS: usize = 100_000;
    pub const MAX_COLUMNS: usize = 100;
    /// Characters in one cell: a long note fits; a megabyte of text is not a survey answer.
    pub const MAX_CELL_CHARS: usize = 2_000;
    /// Rows above the header that may hold a sheet's title.
    pub const HEADER_SEARCH_ROWS: usize = 10;
}

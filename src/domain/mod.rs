//! The pure domain core: records, money, dates, programme rules, the file format and
//! merging. No browser types live here, so all of it is tested natively with `cargo test`.

pub mod baht_text;
pub mod dataset_lookups;
pub mod dates;
pub mod demo_survey;
pub mod document;
pub mod editing;
pub mod example;
pub mod export;
pub mod fast_de;
pub mod file_size;
pub mod forms;
pub mod lang;
pub mod meta;
pub mod money;
pub mod records;
pub mod reference;
pub mod reports;
pub mod rules;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod sheet_import;
pub mod sorting;
pub mod sync;
pub mod text;
pub mod thai_digits;
pub mod unique_keys;
pub mod views;

//! `mueang schema`: the JSON Schema of the current file format (v4), generated from the
//! types, as committed in `docs/schema/mueang-data-v4.schema.json` (older versions' schemas
//! stay beside it).

use std::io::{self, Write};

use crate::domain::document::Document;

use super::EXIT_OK;

pub fn text() -> String {
    let schema = schemars::schema_for!(Document);
    let json = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    format!("{json}\n")
}

pub fn run(out: &mut dyn Write) -> io::Result<u8> {
    out.write_all(text().as_bytes())?;
    Ok(EXIT_OK)
}

//! `mueang example`: the example data, exactly as committed in
//! `public/examples/north-2561.json` (`mueang example > public/examples/north-2561.json`).

use std::io::{self, Write};

use crate::domain::example::north_2561;

use super::EXIT_OK;

/// The file's full text, trailing newline included, so the committed copy can be compared
/// byte for byte.
pub fn text() -> String {
    format!("{}\n", north_2561().to_json())
}

pub fn run(out: &mut dyn Write) -> io::Result<u8> {
    out.write_all(text().as_bytes())?;
    Ok(EXIT_OK)
}

//! `mueang routes`: the app's route table as JSON, for the e2e axe sweep
//! (`mueang routes > tests/e2e/routes.json`; `tests/routes.rs` fails while they differ).

use std::io::{self, Write};

use crate::ui::routes::routes_json;

use super::EXIT_OK;

pub fn run(out: &mut dyn Write) -> io::Result<u8> {
    out.write_all(routes_json().as_bytes())?;
    Ok(EXIT_OK)
}

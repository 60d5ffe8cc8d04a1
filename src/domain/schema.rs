//! JSON Schema of the file format, generated from the types so it cannot drift from them.
//! Native only: the browser app never needs it.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::domain::dates::FiscalYear;
use crate::domain::money::Baht;

impl JsonSchema for Baht {
    fn schema_name() -> Cow<'static, str> {
        "Baht".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "Baht with exactly two decimals (satang), never negative, below 1e12.",
            "pattern": "^[0-9]{1,13}(\\.[0-9]{1,2})?$",
            "examples": ["350000.00"]
        })
    }
}

impl JsonSchema for FiscalYear {
    fn schema_name() -> Cow<'static, str> {
        "FiscalYear".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "description": "Thai fiscal year named by the Buddhist-Era year it ends in: 2561 = 1 Oct 2017 to 30 Sep 2018.",
            "minimum": 2400,
            "maximum": 2800
        })
    }
}

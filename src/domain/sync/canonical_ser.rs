//! Writes canonical JSON (object keys sorted, no whitespace) straight from typed data.
//!
//! Going through `serde_json::Value` gives the same bytes but allocates a tree the size of
//! the whole bundle; for 100,000 records that doubled the cost of exporting and verifying.
//! Scalars are written by serde_json itself, so escapes and number forms are identical;
//! strings by `json_string`, which a test holds to serde_json's bytes.

use std::borrow::Cow;
use std::ops::Range;

use serde::ser::{self, Serialize};
use serde_json::{Error, Value};

use super::json_string::write_string;

/// Appends the canonical JSON of `value` to `out`.
pub(crate) fn write_canonical<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
) -> Result<(), Error> {
    value.serialize(Canon { out })
}

struct Canon<'a> {
    out: &'a mut Vec<u8>,
}

fn scalar<T: Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) -> Result<(), Error> {
    serde_json::to_writer(out, v)
}

macro_rules! scalars {
    ($($name:ident: $ty:ty),*) => {
        $(fn $name(self, v: $ty) -> Result<(), Error> { scalar(self.out, &v) })*
    };
}

impl<'a> ser::Serializer for Canon<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = Map<'a>;
    type SerializeStruct = Map<'a>;
    type SerializeStructVariant = Map<'a>;

    scalars!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, serialize_f32: f32,
        serialize_f64: f64, serialize_char: char, serialize_bytes: &[u8]);

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_string(self.out, v);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        scalar(self.out, &())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        scalar(self.out, &())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        scalar(self.out, &())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        scalar(self.out, variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.out.push(b'{');
        scalar(self.out, variant)?;
        self.out.push(b':');
        v.serialize(Canon { out: self.out })?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, Error> {
        self.out.push(b'[');
        Ok(Seq {
            out: self.out,
            first: true,
            close: "]",
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Seq<'a>, Error> {
        self.out.push(b'{');
        scalar(self.out, variant)?;
        self.out.extend_from_slice(b":[");
        Ok(Seq {
            out: self.out,
            first: true,
            close: "]}",
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map<'a>, Error> {
        Map::new(self.out, None)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Map<'a>, Error> {
        Map::new(self.out, None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Map<'a>, Error> {
        Map::new(self.out, Some(variant))
    }
}

struct Seq<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
    close: &'static str,
}

impl Seq<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        v.serialize(Canon { out: self.out })
    }
    fn finish(self) -> Result<(), Error> {
        self.out.extend_from_slice(self.close.as_bytes());
        Ok(())
    }
}

macro_rules! seq_impl {
    ($($tr:ident :: $m:ident),*) => {$(
        impl ser::$tr for Seq<'_> {
            type Ok = ();
            type Error = Error;
            fn $m<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> { self.element(v) }
            fn end(self) -> Result<(), Error> { self.finish() }
        }
    )*};
}
seq_impl!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// An object being written. Each entry goes straight to `out` as `"key":value`; if the keys
/// did not come in sorted order (most structs), the object's body is written again sorted,
/// from one copy of it. No buffer per object grows entry by entry.
struct Map<'a> {
    out: &'a mut Vec<u8>,
    /// Wraps the object as `{"variant": {...}}` for struct variants.
    variant: bool,
    /// Where the body (after `{`) starts in `out`.
    body: usize,
    /// Key, and the range of its `"key":value` in `out`. Field names are borrowed, so the
    /// common case allocates no key.
    entries: Vec<(Cow<'static, str>, Range<usize>)>,
    key: Option<String>,
}

impl<'a> Map<'a> {
    fn new(out: &'a mut Vec<u8>, variant: Option<&'static str>) -> Result<Map<'a>, Error> {
        if let Some(v) = variant {
            out.push(b'{');
            scalar(out, v)?;
            out.push(b':');
        }
        out.push(b'{');
        Ok(Map {
            body: out.len(),
            out,
            variant: variant.is_some(),
            entries: Vec::new(),
            key: None,
        })
    }

    fn entry<T: Serialize + ?Sized>(&mut self, key: Cow<'static, str>, v: &T) -> Result<(), Error> {
        if !self.entries.is_empty() {
            self.out.push(b',');
        }
        let start = self.out.len();
        write_string(self.out, key.as_ref());
        self.out.push(b':');
        v.serialize(Canon { out: self.out })?;
        self.entries.push((key, start..self.out.len()));
        Ok(())
    }

    fn finish(self) -> Result<(), Error> {
        if !self.entries.windows(2).all(|w| w[0].0 <= w[1].0) {
            let written = self.out.split_off(self.body);
            let mut order: Vec<&(Cow<'static, str>, Range<usize>)> = self.entries.iter().collect();
            // Stable, as keys may repeat in a map: the order they came in among equals.
            order.sort_by(|a, b| a.0.cmp(&b.0));
            for (i, (_, range)) in order.into_iter().enumerate() {
                if i > 0 {
                    self.out.push(b',');
                }
                self.out
                    .extend_from_slice(&written[range.start - self.body..range.end - self.body]);
            }
        }
        self.out.push(b'}');
        if self.variant {
            self.out.push(b'}');
        }
        Ok(())
    }
}

/// A map key as JSON writes it: strings as they are, numbers and booleans as text.
fn key_text<T: Serialize + ?Sized>(key: &T) -> Result<String, Error> {
    match serde_json::to_value(key)? {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        _ => Err(ser::Error::custom(
            "a map key must be a string, number or boolean",
        )),
    }
}

impl ser::SerializeMap for Map<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key_text(key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a value without a key"))?;
        self.entry(Cow::Owned(key), v)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

// A struct and a struct variant are both objects of named fields (the variant's wrapper
// is `Map::variant`), like `seq_impl!` above.
macro_rules! struct_impl {
    ($($tr:ident),*) => {$(
        impl ser::$tr for Map<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
                self.entry(Cow::Borrowed(key), v)
            }
            fn end(self) -> Result<(), Error> { self.finish() }
        }
    )*};
}
struct_impl!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(u8, u8),
        Struct { z: u8, a: u8 },
    }

    /// Fields already in sorted order: written in place, with no second pass.
    #[derive(Serialize)]
    struct Sorted {
        a: u8,
        b: Vec<E>,
    }

    #[derive(Serialize)]
    struct S {
        inner: Sorted,
        zeta: Option<String>,
        alpha: Vec<E>,
        map: BTreeMap<u32, bool>,
        text: &'static str,
    }

    #[test]
    fn matches_sorted_value_serialisation() {
        let s = S {
            inner: Sorted {
                a: 1,
                b: vec![E::Struct { z: 3, a: 4 }],
            },
            zeta: None,
            alpha: vec![E::Unit, E::New(1), E::Tuple(1, 2), E::Struct { z: 1, a: 2 }],
            map: [(10, true), (2, false)].into_iter().collect(),
            text: "<b>\"ก\"</b>\n\u{2028}",
        };
        let mut out = Vec::new();
        write_canonical(&mut out, &s).unwrap();
        let via_value =
            crate::domain::sync::canonical::canonical_json(&serde_json::to_value(&s).unwrap());
        assert_eq!(String::from_utf8(out).unwrap(), via_value);
    }
}

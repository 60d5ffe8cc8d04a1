//! JSON objects whose keys appear once.
//!
//! JSON allows a repeated key and most readers keep the last value, but a derived struct
//! refuses one (`duplicate field`). A file could then be refused by one reader and accepted
//! by another, and its text stored as it came would later fail to load. So every reader of
//! a file refuses repeated keys: typed maps through [`map`], JSON trees through [`parse`].

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Number, Value};

/// `#[serde(deserialize_with = "crate::domain::unique_keys::map")]` for a `BTreeMap` read
/// from a file: a repeated key is an error instead of the last value winning.
pub fn map<'de, D, K, V>(d: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Debug,
    V: Deserialize<'de>,
{
    struct Unique<K, V>(PhantomData<(K, V)>);

    impl<'de, K, V> Visitor<'de> for Unique<K, V>
    where
        K: Deserialize<'de> + Ord + fmt::Debug,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(k) = access.next_key::<K>()? {
                if out.contains_key(&k) {
                    return Err(de::Error::custom(format_args!("duplicate key {k:?}")));
                }
                let v = access.next_value()?;
                out.insert(k, v);
            }
            Ok(out)
        }
    }

    d.deserialize_map(Unique(PhantomData))
}

/// One step of the way to a value in a JSON tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Why [`parse`] refused a text.
#[derive(Debug)]
pub enum ParseError {
    /// Not JSON (or nested too deep).
    Json(serde_json::Error),
    /// An object names `key` twice; `at` is the way to that object.
    Duplicate { at: Vec<Step>, key: String },
}

/// The JSON tree of `text`, refusing any object that names a key twice.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let state = Walk::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = Tree(&state).deserialize(&mut de).and_then(|v| {
        de.end()?;
        Ok(v)
    });
    match (parsed, state.duplicate.into_inner()) {
        (Err(_), Some((at, key))) => Err(ParseError::Duplicate { at, key }),
        (Err(e), None) => Err(ParseError::Json(e)),
        (Ok(v), _) => Ok(v),
    }
}

/// The way to the value being read, and the first repeated key found.
#[derive(Default)]
struct Walk {
    path: RefCell<Vec<Step>>,
    duplicate: RefCell<Option<(Vec<Step>, String)>>,
}

#[derive(Clone, Copy)]
struct Tree<'w>(&'w Walk);

impl<'de> DeserializeSeed<'de> for Tree<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Tree<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    // Only the generic tree holds a float: every amount, share and coordinate in the types
    // is read from a string (`Baht`, `rust_decimal::serde::str`), so a number written as a
    // JSON float is refused there and never reaches the domain as an f64.
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        loop {
            self.0.path.borrow_mut().push(Step::Index(out.len()));
            let next = seq.next_element_seed(self);
            self.0.path.borrow_mut().pop();
            match next? {
                Some(v) => out.push(v),
                None => return Ok(Value::Array(out)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            if out.contains_key(&key) {
                let at = self.0.path.borrow().clone();
                let message = format!("duplicate key `{key}`");
                *self.0.duplicate.borrow_mut() = Some((at, key));
                return Err(de::Error::custom(message));
            }
            self.0.path.borrow_mut().push(Step::Key(key.clone()));
            let value = access.next_value_seed(self);
            self.0.path.borrow_mut().pop();
            out.insert(key, value?);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn duplicate(text: &str) -> Option<(Vec<Step>, String)> {
        match parse(text) {
            Err(ParseError::Duplicate { at, key }) => Some((at, key)),
            _ => None,
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a":[1,-2,3.5,true,null,"x\"y"],"b":{"c":{}},"d":18446744073709551615}"#;
        let lenient: Value = serde_json::from_str(text).unwrap();
        assert_eq!(parse(text).unwrap(), lenient);
    }

    #[test]
    fn a_repeated_key_is_refused_with_where_it_is() {
        let (at, key) = duplicate(r#"{"a":[{"b":1},{"c":{"d":1,"d":2}}]}"#).unwrap();
        assert_eq!(key, "d");
        assert_eq!(
            at,
            vec![Step::Key("a".into()), Step::Index(1), Step::Key("c".into())]
        );
        let (at, key) = duplicate(r#"{"x":1,"x":1}"#).unwrap();
        assert_eq!((at, key.as_str()), (vec![], "x"));
        // The same key in two different objects is fine.
        assert!(parse(r#"[{"x":1},{"x":1,"y":{"x":2}}]"#).is_ok());
    }

    #[test]
    fn broken_json_is_a_json_error() {
        for text in ["", "{", r#"{"a":1,}"#, "[1] 2", r#"{"a":1,"a"#] {
            assert!(matches!(parse(text), Err(ParseError::Json(_))), "{text:?}");
        }
    }

    #[test]
    fn typed_maps_refuse_a_repeated_key() {
        #[derive(Deserialize, Debug)]
        struct M(#[serde(deserialize_with = "map")] BTreeMap<String, u32>);
        let ok: M = serde_json::from_str(r#"{"a":1,"b":2}"#).unwrap();
        assert_eq!(ok.0.len(), 2);
        let err = serde_json::from_str::<M>(r#"{"a":1,"a":1}"#).unwrap_err();
        assert!(err.to_string().contains("duplicate key \"a\""), "{err}");
    }
}

//! Baht amounts. Money is never a float: a `Decimal` with at most two places (satang).
//!
//! Two parsers, on purpose: [`Baht::parse`] reads what staff type (Thai digits, commas, a
//! unit word), while deserialisation reads only the canonical form a program wrote, so a
//! hand-edited or corrupted bundle fails loudly instead of being "understood".

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

mod error;
mod ops;
mod text;

use crate::domain::text::quoted_input;
use text::{from_digits, group_thousands, invalid, parse_canonical, strip_units, ungroup};

pub use error::MoneyError;

use super::thai_digits::to_ascii_digits;

/// An amount of money in baht, exact to the satang.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Baht(Decimal);

/// Half a satang rounds up (away from zero), as Excel's ROUND and Thai bank statements do;
/// banker's rounding would leave staff with one-satang gaps against their spreadsheets.
const SATANG_ROUNDING: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

/// Whole-baht digits of [`Baht::LIMIT`] (1,000,000,000,000 has 13).
const LIMIT_DIGITS: usize = 13;

/// Unit words staff add around an amount; longest first so "บาทถ้วน" wins over "บาท".
const UNITS: [&str; 5] = ["บาทถ้วน", "บาท", "บ.", "THB", "฿"];

impl Baht {
    pub const ZERO: Baht = Baht(Decimal::ZERO);

    /// The largest amount the programme accepts from people or files: one million million
    /// baht. The whole national budget is far below this, so anything larger is a typo.
    pub const LIMIT: Baht = Baht(Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0));

    /// Whole baht, e.g. `Baht::whole(50_000)`.
    pub fn whole(baht: i64) -> Baht {
        Baht(Decimal::new(baht, 0))
    }

    /// An amount given in satang (hundredths of a baht).
    ///
    /// ```
    /// use mueang::domain::money::Baht;
    /// assert_eq!(Baht::from_satang(35_000_050).format(), "350,000.50");
    /// ```
    pub fn from_satang(satang: i64) -> Baht {
        Baht(Decimal::new(satang, 2))
    }

    /// Wraps a decimal, rounding it to the satang (half away from zero) so that every
    /// `Baht` serialises exactly.
    ///
    /// ```
    /// use mueang::domain::money::Baht;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Baht::from_decimal(Decimal::new(1005, 3)), Baht::from_satang(101));
    /// ```
    pub fn from_decimal(d: Decimal) -> Baht {
        Baht(d.round_dp_with_strategy(2, SATANG_ROUNDING))
    }

    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// True for a result of subtraction that went below zero (e.g. spent beyond a cap);
    /// parsed and deserialised amounts are never negative.
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// The part of `scale` this amount is, from 0 to 1 (clamped), for drawing a bar. Stays a
    /// `Decimal`: only the drawing turns it into a float, never a figure shown or added.
    ///
    /// ```
    /// use mueang::domain::money::Baht;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Baht::whole(350_000).share_of(Baht::whole(500_000)), Decimal::new(7, 1));
    /// assert_eq!(Baht::whole(600_000).share_of(Baht::whole(500_000)), Decimal::ONE);
    /// assert_eq!(Baht::whole(1).share_of(Baht::ZERO), Decimal::ZERO);
    /// ```
    pub fn share_of(self, scale: Baht) -> Decimal {
        if scale.is_zero() || scale.is_negative() || self.is_negative() {
            return Decimal::ZERO;
        }
        // Overflow means self is vastly larger than scale: a full bar.
        self.0
            .checked_div(scale.0)
            .map_or(Decimal::ONE, |q| q.clamp(Decimal::ZERO, Decimal::ONE))
    }

    /// Reads an amount as staff type it.
    ///
    /// Accepts ASCII or Thai digits, thousands commas, up to two decimals, a unit before or
    /// after ("บาท", "บ.", "THB", "฿", "บาทถ้วน"), spaces around, and the Thai whole-baht
    /// mark ".-" ("350,000.-"). Commas must sit exactly every three digits: "35,0000" or
    /// "1,50" are rejected rather than guessed, because in money a stray comma is as likely
    /// to be a European decimal point or a missing digit as a harmless slip.
    ///
    /// ```
    /// use mueang::domain::money::{Baht, MoneyError};
    /// assert_eq!(Baht::parse("350,000"), Ok(Baht::whole(350_000)));
    /// assert_eq!(Baht::parse("๓๕๐,๐๐๐ บาท"), Ok(Baht::whole(350_000)));
    /// assert_eq!(Baht::parse("350000.5"), Ok(Baht::from_satang(35_000_050)));
    /// assert!(matches!(Baht::parse("1.234"), Err(MoneyError::TooManyDecimals { .. })));
    /// assert!(matches!(Baht::parse("-5"), Err(MoneyError::Negative { .. })));
    /// ```
    pub fn parse(input: &str) -> Result<Baht, MoneyError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(MoneyError::Empty);
        }
        let ascii = to_ascii_digits(trimmed);
        let mut s = strip_units(&ascii);
        let whole_mark = s.ends_with(".-");
        if let Some(rest) = s.strip_suffix(".-") {
            s = rest.trim_end();
        }
        if s.starts_with(['-', '−', '–']) || (s.starts_with('(') && s.ends_with(')')) {
            return Err(MoneyError::Negative {
                input: quoted_input(input),
            });
        }
        let (int, frac) = match s.split_once('.') {
            Some(_) if whole_mark => return Err(invalid(input)),
            Some((int, frac)) => (int, Some(frac)),
            None => (s, None),
        };
        let digits_only = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        let int_ok = int.bytes().all(|b| b.is_ascii_digit() || b == b',');
        let frac_ok = frac.is_none_or(|f| !f.is_empty() && digits_only(f));
        if !int_ok || !frac_ok || (int.is_empty() && frac.is_none()) {
            return Err(invalid(input));
        }
        let int = if int.contains(',') {
            ungroup(int).ok_or_else(|| MoneyError::MisplacedComma {
                input: quoted_input(input),
            })?
        } else {
            int.to_owned()
        };
        from_digits(&int, frac.unwrap_or(""), input)
    }

    /// The canonical text written to files: plain digits and exactly two decimals.
    ///
    /// ```
    /// use mueang::domain::money::Baht;
    /// assert_eq!(Baht::whole(350_000).to_canonical_string(), "350000.00");
    /// ```
    pub fn to_canonical_string(&self) -> String {
        let rounded = self.0.round_dp_with_strategy(2, SATANG_ROUNDING);
        // Rounding -0.001 leaves a negative zero, which would print as "-0.00".
        let rounded = if rounded.is_zero() {
            Decimal::ZERO
        } else {
            rounded
        };
        format!("{rounded:.2}")
    }

    /// For people: thousands separators and always two decimals.
    ///
    /// ```
    /// use mueang::domain::money::Baht;
    /// assert_eq!(Baht::whole(350_000).format(), "350,000.00");
    /// assert_eq!(Baht::from_satang(-123_456).format(), "-1,234.56");
    /// ```
    pub fn format(&self) -> String {
        let canonical = self.to_canonical_string();
        let (sign, unsigned) = match canonical.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", canonical.as_str()),
        };
        let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, "00"));
        format!("{sign}{}.{frac}", group_thousands(int))
    }

    /// Compact display for tables where most amounts are whole: "350,000", but
    /// "350,000.50" when there are satang.
    ///
    /// ```
    /// use mueang::domain::money::Baht;
    /// assert_eq!(Baht::whole(350_000).format_whole_if_round(), "350,000");
    /// assert_eq!(Baht::from_satang(35_000_050).format_whole_if_round(), "350,000.50");
    /// ```
    pub fn format_whole_if_round(&self) -> String {
        let full = self.format();
        match full.strip_suffix(".00") {
            Some(whole) => whole.to_owned(),
            None => full,
        }
    }

    /// A fraction of this amount (`0.7` for 70%), rounded to the satang half away from
    /// zero, like the instalment figures on CODI transfer forms.
    ///
    /// ```
    /// use mueang::domain::money::Baht;
    /// use rust_decimal::Decimal;
    /// let first_instalment = Baht::whole(500_000).share(Decimal::new(70, 2));
    /// assert_eq!(first_instalment, Baht::whole(350_000));
    /// // a third of 100 baht: 33.333… rounds to 33.33
    /// assert_eq!(Baht::whole(100).share(Decimal::ONE / Decimal::from(3)).format(), "33.33");
    /// ```
    ///
    /// A product beyond what `Decimal` holds (only possible with values outside the ranges
    /// files and forms accept, see `records::limits`) saturates rather than panicking;
    /// [`Baht::checked_share`] says so instead.
    pub fn share(self, share: Decimal) -> Baht {
        self.checked_share(share).unwrap_or(
            if self.0.is_sign_negative() == share.is_sign_negative() {
                Baht(Decimal::MAX)
            } else {
                Baht(Decimal::MIN)
            },
        )
    }

    /// [`Baht::share`], or `None` when the product cannot be computed.
    ///
    /// ```
    /// use mueang::domain::money::Baht;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Baht::whole(10).checked_share(Decimal::MAX), None);
    /// ```
    pub fn checked_share(self, share: Decimal) -> Option<Baht> {
        let product = self.0.checked_mul(share)?;
        Some(Baht(product.round_dp_with_strategy(2, SATANG_ROUNDING)))
    }

    /// Whether this amount lies in the range files and forms accept: 0 to [`Baht::LIMIT`].
    pub fn in_range(self) -> bool {
        !self.is_negative() && self <= Baht::LIMIT
    }
}

/// A share as a percentage for text, e.g. "70" for 0.70; "—" for one too large to compute
/// (only a stored value outside the share range, which `value.out_of_range` reports).
///
/// ```
/// use mueang::domain::money::percent_text;
/// use rust_decimal::Decimal;
/// assert_eq!(percent_text(Decimal::new(70, 2)), "70");
/// assert_eq!(percent_text(Decimal::MAX), "—");
/// ```
pub fn percent_text(share: Decimal) -> String {
    share
        .checked_mul(Decimal::ONE_HUNDRED)
        .map_or_else(|| "—".to_owned(), |p| p.normalize().to_string())
}

impl Serialize for Baht {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_canonical_string())
    }
}

impl<'de> Deserialize<'de> for Baht {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct BahtVisitor;

        impl de::Visitor<'_> for BahtVisitor {
            type Value = Baht;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a baht amount as a string such as \"350000.00\"")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Baht, E> {
                parse_canonical(v).map_err(|e| E::custom(format!("invalid baht amount: {e}")))
            }
        }

        d.deserialize_str(BahtVisitor)
    }
}

//! Reading and writing the text of an amount: what staff type (unit words, Thai digits,
//! thousands separators) and the canonical form files carry, split from `Baht` so its
//! arithmetic and its text can be read apart.

use super::{Baht, MoneyError, LIMIT_DIGITS, UNITS};
use crate::domain::text::quoted_input;

/// Removes one unit word at the start and one at the end, with the spaces next to them.
pub(super) fn strip_units(s: &str) -> &str {
    let mut s = s.trim();
    for unit in UNITS {
        if s.len() >= unit.len() && s.is_char_boundary(unit.len()) {
            let (head, rest) = s.split_at(unit.len());
            if head.eq_ignore_ascii_case(unit) {
                s = rest.trim_start();
                break;
            }
        }
    }
    for unit in UNITS {
        if s.len() >= unit.len() && s.is_char_boundary(s.len() - unit.len()) {
            let (rest, tail) = s.split_at(s.len() - unit.len());
            if tail.eq_ignore_ascii_case(unit) {
                s = rest.trim_end();
                break;
            }
        }
    }
    s
}

/// "350,000" → "350000"; `None` unless the first group has 1–3 digits (not starting with
/// 0, which would hint at a decimal comma) and every later group exactly 3.
pub(super) fn ungroup(int: &str) -> Option<String> {
    let mut groups = int.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || first.starts_with('0') {
        return None;
    }
    let mut out = first.to_owned();
    for g in groups {
        if g.len() != 3 {
            return None;
        }
        out.push_str(g);
    }
    Some(out)
}

/// Checks decimals and size, then builds the amount from validated ASCII digits.
pub(super) fn from_digits(int: &str, frac: &str, input: &str) -> Result<Baht, MoneyError> {
    if frac.len() > 2 {
        return Err(MoneyError::TooManyDecimals {
            input: quoted_input(input),
        });
    }
    let int = int.trim_start_matches('0');
    if int.len() > LIMIT_DIGITS {
        return Err(MoneyError::TooLarge {
            input: quoted_input(input),
        });
    }
    let whole: i64 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| invalid(input))?
    };
    let satang: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().map_err(|_| invalid(input))? * 10,
        _ => frac.parse().map_err(|_| invalid(input))?,
    };
    let amount = Baht::from_satang(whole * 100 + satang);
    if amount > Baht::LIMIT {
        return Err(MoneyError::TooLarge {
            input: quoted_input(input),
        });
    }
    Ok(amount)
}

pub(super) fn invalid(input: &str) -> MoneyError {
    MoneyError::Invalid {
        input: quoted_input(input),
    }
}

/// The strict reader behind deserialisation: digits, then optionally "." and one or two
/// digits. No unit, comma, sign, space, exponent or Thai digit.
pub(super) fn parse_canonical(s: &str) -> Result<Baht, MoneyError> {
    if s.is_empty() {
        return Err(MoneyError::Empty);
    }
    if s.starts_with('-') {
        return Err(MoneyError::Negative {
            input: quoted_input(s),
        });
    }
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let frac_ok = (!s.contains('.') || !frac.is_empty()) && digits(frac);
    if int.is_empty() || !digits(int) || !frac_ok {
        return Err(invalid(s));
    }
    from_digits(int, frac, s)
}

pub(super) fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

//! What a form holds while a person types, and how it becomes a record.
//!
//! A form keeps the *typed text* (an amount stays "35,0000" until corrected), so it can be
//! saved as a draft and restored exactly. [`RecordForm::build`] turns it into the best
//! record it can, plus the fields it could not read. Unreadable fields keep the stored
//! value in the built record, so the rules can still run while a person is mid-way.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::domain::dates::{parse_date, FiscalYear};
use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::Record;
use crate::domain::thai_digits::to_ascii_digits;

/// A fiscal year as people type it: the BE year ("2561", "๒๕๖๑", or "61" for 2561), with
/// spaces around it. `None` for anything else, so forms can say so and filters show all.
///
/// ```
/// use mueang::domain::dates::FiscalYear;
/// use mueang::domain::forms::form::parse_fiscal_year;
/// assert_eq!(parse_fiscal_year(" ๒๕๖๑ "), Some(FiscalYear(2561)));
/// assert_eq!(parse_fiscal_year("61"), Some(FiscalYear(2561)));
/// assert_eq!(parse_fiscal_year("2018"), None);
/// ```
pub fn parse_fiscal_year(raw: &str) -> Option<FiscalYear> {
    let n = to_ascii_digits(raw.trim()).parse::<u16>().ok()?;
    let year = if n < 100 { 2500 + n } else { n };
    (2500..=2700).contains(&year).then_some(FiscalYear(year))
}

/// A field that could not be read as typed. Messages in both languages, like findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field path, as findings name fields (`"amount_approved"`, `"co_funding[0].amount"`).
    pub field: String,
    pub message_th: String,
    pub message_en: String,
    /// Nothing chosen or typed yet (rather than something unreadable): forms show these
    /// only once the person tries to save, not while they are still filling in.
    pub missing: bool,
}

impl FieldError {
    pub fn new(field: &str, th: impl Into<String>, en: impl Into<String>) -> FieldError {
        FieldError {
            field: field.to_owned(),
            message_th: th.into(),
            message_en: en.into(),
            missing: false,
        }
    }

    /// A required value not given yet.
    pub fn missing(field: &str, th: impl Into<String>, en: impl Into<String>) -> FieldError {
        FieldError {
            missing: true,
            ..FieldError::new(field, th, en)
        }
    }
}

/// The record a form describes, and what could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Built<R> {
    pub record: R,
    pub errors: Vec<FieldError>,
}

impl<R> Built<R> {
    /// Whether every field could be read, i.e. the record may be saved.
    pub fn is_complete(&self) -> bool {
        self.errors.is_empty()
    }

    /// The error for `field`, if any.
    pub fn error_at(&self, field: &str) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == field)
    }
}

/// A form for one record kind. Implemented by each screen's form type; the editing
/// machinery (drafts, live findings, save) is generic over it.
///
/// `Send + Sync` because forms live in reactive signals.
pub trait RecordForm:
    Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static
{
    type Record: Record + Send + Sync;

    /// The form showing a stored record.
    fn from_record(record: &Self::Record) -> Self;

    /// Reads the form onto `record`, a copy of `base`, noting in `r` what cannot be read
    /// (such a field keeps `base`'s value).
    fn read(&self, base: &Self::Record, record: &mut Self::Record, r: &mut Reader);

    /// The record as typed, on top of `base` (the stored record, or a blank new one whose
    /// meta and untouched fields are kept).
    fn build(&self, base: &Self::Record) -> Built<Self::Record> {
        let mut r = Reader::default();
        let mut record = base.clone();
        self.read(base, &mut record, &mut r);
        Built {
            record,
            errors: r.errors,
        }
    }
}

/// Collects field errors while a form is built.
#[derive(Debug, Default)]
pub struct Reader {
    pub errors: Vec<FieldError>,
}

impl Reader {
    /// An optional value read by `parse`: empty is `None`; unreadable keeps `fallback` and
    /// records why (the reason in Thai and English).
    pub fn optional<T>(
        &mut self,
        field: &str,
        raw: &str,
        fallback: Option<T>,
        parse: impl FnOnce(&str) -> Result<T, (String, String)>,
    ) -> Option<T> {
        if raw.trim().is_empty() {
            return None;
        }
        self.or_keep(field, parse(raw).map(Some), fallback)
    }

    /// A value read by `parse`, empty or not; unreadable keeps `fallback` and records why.
    pub fn required<T>(
        &mut self,
        field: &str,
        raw: &str,
        fallback: T,
        parse: impl FnOnce(&str) -> Result<T, (String, String)>,
    ) -> T {
        self.or_keep(field, parse(raw), fallback)
    }

    /// `parsed`'s value, or `fallback` with the reason kept at `field`.
    fn or_keep<T>(&mut self, field: &str, parsed: Result<T, (String, String)>, fallback: T) -> T {
        parsed.unwrap_or_else(|(th, en)| {
            self.errors.push(FieldError::new(field, th, en));
            fallback
        })
    }

    /// An optional amount: empty is `None`; unreadable keeps `fallback` and records why.
    pub fn money(&mut self, field: &str, raw: &str, fallback: Option<Baht>) -> Option<Baht> {
        self.optional(field, raw, fallback, |raw| {
            Baht::parse(raw).map_err(|e| (e.message_th(), e.message_en()))
        })
    }

    /// A required amount: empty counts as unreadable.
    pub fn money_required(&mut self, field: &str, raw: &str, fallback: Baht) -> Baht {
        self.required(field, raw, fallback, |raw| {
            Baht::parse(raw).map_err(|e| (e.message_th(), e.message_en()))
        })
    }

    /// An optional date in any form `parse_date` reads.
    pub fn date(
        &mut self,
        field: &str,
        raw: &str,
        fallback: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        self.optional(field, raw, fallback, |raw| {
            parse_date(raw).map_err(|e| (e.message_th(), e.message_en()))
        })
    }

    /// A whole number in `min..=max`, Thai digits and thousands commas allowed.
    pub fn whole(&mut self, field: &str, raw: &str, min: u64, max: u64, fallback: u64) -> u64 {
        let ascii = to_ascii_digits(raw.trim()).replace(',', "");
        let ascii = ascii.trim_end_matches('%').trim();
        match ascii.parse::<u64>() {
            Ok(n) if (min..=max).contains(&n) => n,
            Ok(_) => {
                self.errors.push(FieldError::new(
                    field,
                    format!("ต้องเป็นตัวเลขตั้งแต่ {min} ถึง {max}"),
                    format!("Must be a number from {min} to {max}."),
                ));
                fallback
            }
            Err(_) => {
                self.errors.push(FieldError::new(
                    field,
                    format!("\"{}\" ไม่ใช่ตัวเลขจำนวนเต็ม", raw.trim()),
                    format!("\"{}\" is not a whole number.", raw.trim()),
                ));
                fallback
            }
        }
    }

    /// A fiscal year typed as a BE year ("2561", "๒๕๖๑", "61").
    pub fn fiscal_year(&mut self, field: &str, raw: &str, fallback: FiscalYear) -> FiscalYear {
        match parse_fiscal_year(raw) {
            Some(fy) => fy,
            None => {
                self.errors.push(FieldError::new(
                    field,
                    format!("\"{}\" ไม่ใช่ปีงบประมาณ กรอกเป็นปี พ.ศ. เช่น 2561", raw.trim()),
                    format!(
                        "\"{}\" is not a fiscal year: write the BE year, e.g. 2561.",
                        raw.trim()
                    ),
                ));
                fallback
            }
        }
    }

    /// A required choice (a select with no valid value yet).
    /// The record a new record belongs to (a community's city, a report's project): the
    /// chosen id, or `base`'s while the text is not an id; missing while none is chosen.
    pub fn parent(
        &mut self,
        field: &str,
        raw: &str,
        base: RecordId,
        th: &str,
        en: &str,
    ) -> RecordId {
        let id = uuid::Uuid::parse_str(raw.trim()).unwrap_or(base);
        if id.is_nil() {
            self.errors.push(FieldError::missing(field, th, en));
        }
        id
    }

    /// The city a new record belongs to (a community, a survey round), chosen by id.
    pub fn parent_city(&mut self, raw: &str, base: RecordId) -> RecordId {
        let (th, en) = ("กรุณาเลือกเมือง", "Please choose the city.");
        self.parent("city_id", raw, base, th, en)
    }

    /// The choice stored as `key` in line `i` of a list (`members[2].sector`).
    pub fn line_choice<T: Copy + DeserializeOwned>(
        &mut self,
        (list, i, field): (&str, usize, &str),
        key: &str,
        fallback: T,
    ) -> T {
        self.choice(
            &format!("{list}[{i}].{field}"),
            enum_from_key(key),
            fallback,
        )
    }

    pub fn choice<T: Copy>(&mut self, field: &str, value: Option<T>, fallback: T) -> T {
        match value {
            Some(v) => v,
            None => {
                self.errors
                    .push(FieldError::missing(field, "กรุณาเลือก", "Please choose one."));
                fallback
            }
        }
    }
}

/// An enum value's stable key (its serde name), for `<select>` values and form state.
pub fn enum_key<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The enum value with this key, if any.
pub fn enum_from_key<T: DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(key.to_owned())).ok()
}

/// Money as a form shows it for editing: separators, and no ".00" for whole baht.
pub fn money_text(b: Option<Baht>) -> String {
    match b {
        None => String::new(),
        Some(b) => {
            let s = b.format();
            s.strip_suffix(".00").map(str::to_owned).unwrap_or(s)
        }
    }
}

/// A date as a form shows it for editing: "3 ก.พ. 2561".
pub fn date_text(d: Option<NaiveDate>) -> String {
    d.map(crate::domain::dates::format_be_short)
        .unwrap_or_default()
}

/// Test support: every record of `F`'s kind in `ds` comes back unchanged through its form,
/// so nothing a record holds is lost by opening and saving it.
#[cfg(test)]
pub(crate) fn assert_round_trips<F: RecordForm>(ds: &crate::domain::records::Dataset)
where
    F::Record: std::fmt::Debug,
{
    for record in <F::Record as Record>::all(ds) {
        let built = F::from_record(record).build(record);
        assert!(built.is_complete(), "{:?}", built.errors);
        assert_eq!(&built.record, record);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::Category;

    #[test]
    fn money_keeps_fallback_and_reports_in_both_languages() {
        let mut r = Reader::default();
        assert_eq!(r.money("a", "๓๕๐,๐๐๐", None), Some(Baht::whole(350_000)));
        assert_eq!(r.money("a", "  ", Some(Baht::whole(1))), None);
        assert_eq!(
            r.money("b", "35,0000", Some(Baht::whole(7))),
            Some(Baht::whole(7))
        );
        assert_eq!(r.errors.len(), 1);
        assert_eq!(r.errors[0].field, "b");
        assert!(r.errors[0].message_th.contains("35,0000"));
        assert!(!r.errors[0].message_en.is_empty());
    }

    #[test]
    fn whole_numbers_years_and_choices() {
        let mut r = Reader::default();
        assert_eq!(r.whole("p", "๕๐", 0, 100, 0), 50);
        assert_eq!(r.whole("p", "75%", 0, 100, 0), 75);
        assert_eq!(r.whole("p", "120", 0, 100, 9), 9);
        assert_eq!(r.whole("p", "abc", 0, 100, 9), 9);
        assert_eq!(r.fiscal_year("fy", "๒๕๖๑", FiscalYear(1)), FiscalYear(2561));
        assert_eq!(r.fiscal_year("fy", "61", FiscalYear(1)), FiscalYear(2561));
        assert_eq!(r.fiscal_year("fy", "2018", FiscalYear(1)), FiscalYear(1));
        assert_eq!(r.choice("c", None, Category::Other), Category::Other);
        assert_eq!(r.errors.len(), 4);
    }

    #[test]
    fn enum_keys_round_trip_and_texts() {
        assert_eq!(enum_key(&Category::Housing), "housing");
        assert_eq!(
            enum_from_key::<Category>("housing"),
            Some(Category::Housing)
        );
        assert_eq!(enum_from_key::<Category>("nope"), None);
        assert_eq!(money_text(Some(Baht::whole(50_000))), "50,000");
        assert_eq!(money_text(Some(Baht::from_satang(5_000_050))), "50,000.50");
        assert_eq!(
            date_text(NaiveDate::from_ymd_opt(2018, 2, 3)),
            "3 ก.พ. 2561"
        );
    }

    #[test]
    fn fiscal_year_text_reads_be_years_in_either_digits_and_nothing_else() {
        let cases = [
            ("2561", Some(2561)),
            (" 2562\t", Some(2562)),
            ("๒๕๖๑", Some(2561)),
            ("61", Some(2561)),
            ("0", Some(2500)),
            ("2700", Some(2700)),
            ("2701", None),
            ("2018", None),
            ("", None),
            ("FY2561", None),
            ("2561.5", None),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_fiscal_year(raw), want.map(FiscalYear), "{raw:?}");
        }
    }
}

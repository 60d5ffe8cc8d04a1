//! The MOU of one city, as data for the printed sheet: the UI lays it out with print CSS
//! and adds nothing but typography.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::baht_text::baht_text;
use crate::domain::dates::{format_be_document, format_en, FiscalYear};
use crate::domain::meta::RecordId;
use crate::domain::money::{percent_text, Baht};
use crate::domain::records::{Dataset, Mou, SignatoryRole, Witness};

use super::enum_labels::Label;
use super::error::{live_city, ReportError};
use super::index::Index;
use super::names::CityLine;
use super::scope::Scope;

/// An amount as a signed document prints it: in figures and in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AmountText {
    pub amount: Baht,
    /// "350,000": a whole amount without ".00", as it is written in a sentence;
    /// satang when there are any ("350,000.50").
    pub figures: String,
    /// "สามแสนห้าหมื่นบาทถ้วน" (BAHTTEXT)
    pub words: String,
}

impl AmountText {
    pub fn of(amount: Baht) -> AmountText {
        AmountText {
            amount,
            figures: amount.format_whole_if_round(),
            words: baht_text(amount),
        }
    }

    /// An amount that could not be computed (a stored value out of range, which the
    /// finding `value.out_of_range` names) prints as "—" rather than as a wrong figure.
    pub fn of_computed(amount: Option<Baht>) -> AmountText {
        amount.map_or_else(
            || AmountText {
                amount: Baht::ZERO,
                figures: "—".to_owned(),
                words: "—".to_owned(),
            },
            AmountText::of,
        )
    }
}

/// A row of the signatory table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignatoryLine {
    pub role: SignatoryRole,
    pub role_th: &'static str,
    pub role_en: &'static str,
    /// Empty when the MOU names nobody for this role: the sheet then prints a blank line
    /// to sign on, since every role signs for every city.
    pub name: String,
    /// As printed under the signature, e.g. "นายกเทศมนตรี".
    pub position: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MouSheet {
    pub mou_id: RecordId,
    pub title: String,
    pub date: Option<NaiveDate>,
    /// "3 กุมภาพันธ์ พ.ศ. 2561": the long BE form used on signed documents.
    pub date_th: Option<String>,
    /// "3 Feb 2018"
    pub date_en: Option<String>,
    pub place: String,
    pub city: CityLine,
    pub fiscal_year: FiscalYear,
    /// "ปีงบประมาณ พ.ศ. 2561"
    pub fiscal_year_th: String,
    /// One or more rows per role, in the order working group, city, local government,
    /// project chair, CODI.
    pub signatories: Vec<SignatoryLine>,
    pub witness: Option<Witness>,
    pub approved: AmountText,
    /// The share of the approved amount sent first, e.g. 0.70.
    pub first_share: Decimal,
    /// "70": the share as a percentage, for "ร้อยละ 70".
    pub first_share_percent: String,
    pub first_instalment: AmountText,
    /// The rest of the approved amount.
    pub second_instalment: AmountText,
    /// The date by which the second instalment must be drawn and completed, if the year
    /// has one.
    pub second_deadline: Option<NaiveDate>,
    pub second_deadline_th: Option<String>,
    pub second_deadline_en: Option<String>,
}

/// The MOU sheet of `city_id` for `fiscal_year`. The MOU is the earliest dated live MOU
/// listing the city within the year, else the earliest listing it at all. Amounts are the
/// programme's terms (the year's first-instalment share of the approved ceiling), which is
/// what an MOU promises before any money moves.
pub fn mou_sheet(
    ds: &Dataset,
    city_id: RecordId,
    fiscal_year: FiscalYear,
) -> Result<MouSheet, ReportError> {
    let city = live_city(ds, city_id)?;
    let mou = pick_mou(ds, city_id, fiscal_year).ok_or_else(|| ReportError::NoMou {
        city: city.name_th.clone(),
    })?;
    let approved = city
        .budget_for(fiscal_year)
        .ok_or_else(|| ReportError::NoCeiling {
            city: city.name_th.clone(),
            fiscal_year,
        })?;
    let ix = Index::new(ds, Scope::country(fiscal_year));
    let share = ix.params.first_instalment_share;
    let first = approved.checked_share(share);
    let deadline = ix.params.second_instalment_deadline;
    Ok(MouSheet {
        mou_id: mou.meta.id,
        title: mou.title.clone(),
        date: mou.date,
        date_th: mou.date.map(format_be_document),
        date_en: mou.date.map(format_en),
        place: mou.place.clone(),
        city: ix.city_line(city),
        fiscal_year,
        fiscal_year_th: fiscal_year.label_th_document(),
        signatories: signatory_lines(mou, city_id),
        witness: mou.witness.clone(),
        approved: AmountText::of(approved),
        first_share: share,
        first_share_percent: percent_text(share),
        first_instalment: AmountText::of_computed(first),
        second_instalment: AmountText::of_computed(first.map(|f| approved - f)),
        second_deadline: deadline,
        second_deadline_th: deadline.map(format_be_document),
        second_deadline_en: deadline.map(format_en),
    })
}

/// Among live MOUs listing the city: the earliest dated within the year, else the
/// earliest dated, else the first undated one.
pub(crate) fn pick_mou(ds: &Dataset, city_id: RecordId, fy: FiscalYear) -> Option<&Mou> {
    let listing: Vec<&Mou> = ds
        .live::<Mou>()
        .filter(|m| m.city_ids.contains(&city_id))
        .collect();
    let earliest = |keep: &dyn Fn(NaiveDate) -> bool| {
        listing
            .iter()
            .filter_map(|m| m.date.filter(|&d| keep(d)).map(|d| (d, *m)))
            .min_by_key(|(d, _)| *d)
            .map(|(_, m)| m)
    };
    earliest(&|d| fy.contains(d))
        .or_else(|| earliest(&|_| true))
        .or_else(|| listing.first().copied())
}

/// The people who sign for this city (and those who sign for every city), by role; a role
/// nobody is named for gets one blank row.
fn signatory_lines(mou: &Mou, city_id: RecordId) -> Vec<SignatoryLine> {
    let mut out = Vec::new();
    for role in SignatoryRole::ALL {
        let named: Vec<SignatoryLine> = mou
            .signatories
            .iter()
            .filter(|s| s.role == role && s.city_id.is_none_or(|c| c == city_id))
            .map(|s| SignatoryLine {
                role,
                role_th: role.label_th(),
                role_en: role.label_en(),
                name: s.name.clone(),
                position: s.position.clone(),
            })
            .collect();
        if named.is_empty() {
            out.push(SignatoryLine {
                role,
                role_th: role.label_th(),
                role_en: role.label_en(),
                name: String::new(),
                position: String::new(),
            });
        } else {
            out.extend(named);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::{city_id, north_2561};

    fn sheet(key: &str) -> Result<MouSheet, ReportError> {
        mou_sheet(&north_2561().records, city_id(key), FiscalYear(2561))
    }

    #[test]
    fn the_mou_of_mae_sot_in_figures_words_and_be_dates() {
        let s = sheet("mae-sot").expect("Mae Sot is in the MOU");
        assert_eq!(s.city.name_th, "เทศบาลนครแม่สอด");
        assert_eq!(s.city.province_th, "ตาก");
        assert_eq!(s.date_th.as_deref(), Some("3 กุมภาพันธ์ พ.ศ. 2561"));
        assert_eq!(s.date_en.as_deref(), Some("3 Feb 2018"));
        assert!(s.place.starts_with("เทศบาลเมืองอรัญญิก"));
        assert_eq!(s.fiscal_year_th, "ปีงบประมาณ พ.ศ. 2561");
        assert_eq!(
            (s.approved.figures.as_str(), s.approved.words.as_str()),
            ("500,000", "ห้าแสนบาทถ้วน")
        );
        assert_eq!(s.first_share_percent, "70");
        assert_eq!(
            (
                s.first_instalment.figures.as_str(),
                s.first_instalment.words.as_str()
            ),
            ("350,000", "สามแสนห้าหมื่นบาทถ้วน")
        );
        assert_eq!(s.second_instalment.words, "หนึ่งแสนห้าหมื่นบาทถ้วน");
        assert_eq!(s.second_deadline_th.as_deref(), Some("30 เมษายน พ.ศ. 2561"));
        assert_eq!(
            s.witness.map(|w| w.name).as_deref(),
            Some("นายสยาม นนท์คำจันทร์")
        );
    }

    #[test]
    fn every_role_has_a_row_to_sign_on() {
        let s = sheet("nan").expect("Nan is in the MOU");
        let roles: Vec<SignatoryRole> = s.signatories.iter().map(|l| l.role).collect();
        assert_eq!(roles, SignatoryRole::ALL);
        assert_eq!(s.signatories[0].name, "นางมณีพรรณ โคตรบุตร");
        assert!(s.signatories[1..].iter().all(|l| l.name.is_empty()));
    }

    #[test]
    fn a_sheet_needs_the_city_an_mou_and_a_ceiling() {
        let mut ds = north_2561().records;
        let missing = crate::domain::meta::stable_id("no such city");
        let err = mou_sheet(&ds, missing, FiscalYear(2561)).unwrap_err();
        assert_eq!(err, ReportError::CityNotFound { city_id: missing });
        let err = mou_sheet(&ds, city_id("nan"), FiscalYear(2562)).unwrap_err();
        assert!(matches!(err, ReportError::NoCeiling { .. }), "{err}");
        assert!(err.message_th().contains("ปีงบประมาณ 2562"));
        ds.mous[0].city_ids.retain(|&c| c != city_id("nan"));
        let err = mou_sheet(&ds, city_id("nan"), FiscalYear(2561)).unwrap_err();
        assert_eq!(
            err,
            ReportError::NoMou {
                city: "เทศบาลเมืองน่าน".into()
            }
        );
    }
}

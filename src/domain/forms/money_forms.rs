//! The instalment (งวดเงิน) form, the amount the programme expects for an instalment (from
//! the year's parameters, never written here), the check that gates recording a transfer,
//! and shares as staff type them. The grants' forms are in [`super::grant_forms`].

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::dates::FiscalYear;
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::money::Baht;
use crate::domain::records::{City, Dataset, Instalment, Record};
use crate::domain::rules::{blocking_transfer, Finding};
use crate::domain::thai_digits::to_ascii_digits;

use super::committee_form::{id_text, read_city};
use super::form::{date_text, money_text, Reader, RecordForm};
use crate::domain::editing::stored_or_shipped::with_reference;

/// A share as staff type it: "70", "70%", "๗๐", "0.70" all mean seventy per cent. A number
/// above 1 (or with "%") is a percentage. `Err` holds the Thai and English reasons.
pub fn parse_share(raw: &str) -> Result<Decimal, (String, String)> {
    let ascii = to_ascii_digits(raw.trim()).into_owned();
    let percent = ascii.ends_with('%');
    let number = ascii.trim_end_matches('%').trim();
    let bad = || {
        (
            format!("\"{}\" ไม่ใช่สัดส่วน กรอกเป็นร้อยละ เช่น 70", raw.trim()),
            format!(
                "\"{}\" is not a share: type a percentage, e.g. 70.",
                raw.trim()
            ),
        )
    };
    let d: Decimal = number.parse().map_err(|_| bad())?;
    let share = if percent || d > Decimal::ONE {
        d / Decimal::from(100)
    } else {
        d
    };
    if share < Decimal::ZERO || share > Decimal::ONE {
        return Err((
            "สัดส่วนต้องอยู่ระหว่าง 0 ถึง 100%".into(),
            "A share must be between 0 and 100%.".into(),
        ));
    }
    // Two places at least, as files write shares ("0.70"), so an untouched share saves as it was.
    let mut share = share.normalize();
    if share.scale() < 2 {
        share.rescale(2);
    }
    Ok(share)
}

/// A share as a form shows it: "70" (per cent, no trailing zeros).
pub fn share_text(share: Decimal) -> String {
    (share * Decimal::from(100)).normalize().to_string()
}

/// An instalment, as typed. `actual_date` is set by "record transfer" (gated by
/// [`transfer_blockers`]), not typed in the ordinary form, so saving a plain edit can never
/// move money past the rules.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct InstalmentForm {
    pub city_id: String,
    pub fiscal_year: String,
    pub number: String,
    /// Per cent, e.g. "70".
    pub planned_share: String,
    pub amount: String,
    pub planned_date: String,
    pub actual_date: String,
    pub due_date: String,
    /// When the city asked to draw this instalment (with its report). Missing from drafts
    /// kept before the field existed, hence the default.
    #[serde(default)]
    pub requested_date: String,
    /// The id of the progress report the request rests on ("" for none). Missing from
    /// drafts kept before the field existed.
    #[serde(default)]
    pub progress_report_id: String,
    pub reference: String,
    /// The files attached, as the record will hold them (added and removed by the
    /// attachments panel; missing from drafts kept before attachments existed).
    #[serde(default)]
    pub attachments: Vec<crate::domain::records::Attachment>,
}

/// An instalment not yet typed in: number 1 of `fiscal_year` for `city` (nil when not chosen),
/// with the year's first-instalment share.
pub fn new_instalment(
    ds: &Dataset,
    meta: RecordMeta,
    city: RecordId,
    fiscal_year: FiscalYear,
) -> Instalment {
    Instalment {
        planned_share: Some(ds.parameters_for(fiscal_year).first_instalment_share),
        ..Instalment::new(meta, city, fiscal_year, 1)
    }
}

impl RecordForm for InstalmentForm {
    type Record = Instalment;

    fn from_record(i: &Instalment) -> InstalmentForm {
        let fresh = i.amount.is_zero() && i.actual_date.is_none();
        InstalmentForm {
            city_id: id_text(i.city_id),
            fiscal_year: i.fiscal_year.0.to_string(),
            number: i.number.to_string(),
            planned_share: i.planned_share.map(share_text).unwrap_or_default(),
            amount: if fresh {
                String::new()
            } else {
                money_text(Some(i.amount))
            },
            planned_date: date_text(i.planned_date),
            actual_date: date_text(i.actual_date),
            due_date: date_text(i.due_date),
            requested_date: date_text(i.requested_date),
            progress_report_id: i.progress_report_id.map(id_text).unwrap_or_default(),
            reference: i.reference.clone(),
            attachments: i.attachments.clone(),
        }
    }

    fn read(&self, base: &Instalment, i: &mut Instalment, r: &mut Reader) {
        i.attachments = self.attachments.clone();
        i.city_id = read_city(r, &self.city_id, base.city_id);
        i.fiscal_year = r.fiscal_year("fiscal_year", &self.fiscal_year, base.fiscal_year);
        i.number = u8::try_from(r.whole("number", &self.number, 1, 12, u64::from(base.number)))
            .unwrap_or(base.number);
        i.planned_share = r.optional(
            "planned_share",
            &self.planned_share,
            base.planned_share,
            parse_share,
        );
        i.amount = r.money_required("amount", &self.amount, base.amount);
        i.planned_date = r.date("planned_date", &self.planned_date, base.planned_date);
        i.actual_date = r.date("actual_date", &self.actual_date, base.actual_date);
        i.due_date = r.date("due_date", &self.due_date, base.due_date);
        i.requested_date = r.date("requested_date", &self.requested_date, base.requested_date);
        // Chosen from a list, so only an id this build wrote; anything else keeps the stored one.
        i.progress_report_id = match self.progress_report_id.trim() {
            "" => None,
            raw => uuid::Uuid::parse_str(raw).ok().or(base.progress_report_id),
        };
        i.reference = self.reference.trim().to_owned();
    }
}

/// The amount an instalment should be: its planned share (else the year's first-instalment
/// share) of the city's approved ceiling for the year. `None` without a ceiling.
pub fn expected_instalment(
    ds: &Dataset,
    city: RecordId,
    fy: FiscalYear,
    share: Option<Decimal>,
) -> Option<Baht> {
    let ceiling = ds
        .get::<City>(city)
        .filter(|c| !c.meta.deleted)?
        .budget_for(fy)?;
    let share = share.unwrap_or_else(|| ds.parameters_for(fy).first_instalment_share);
    Some(ceiling.share(share))
}

/// The errors that stop recording `instalment` as transferred on `on` (empty: it may go
/// ahead). The instalment is checked as typed (it need not be saved yet), with the shipped
/// reference data a new office lacks, through the rules' own gate.
pub fn transfer_blockers(
    ds: &Dataset,
    instalment: &Instalment,
    on: NaiveDate,
    today: NaiveDate,
) -> Vec<Finding> {
    let mut with = with_reference(ds);
    let mut moved = instalment.clone();
    moved.actual_date = Some(on);
    moved.meta.deleted = false;
    let id = moved.meta().id;
    with.upsert(moved.into_any());
    blocking_transfer(&with, id, today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;
    use crate::domain::forms::form::assert_round_trips;
    use crate::domain::forms::grant_forms::{
        expected_committee_grant, new_province_grant, CommitteeGrantForm, ProvinceGrantForm,
    };
    use crate::domain::rules::RuleCode;

    #[test]
    fn shares_as_staff_type_them() {
        let seventy = Decimal::new(70, 2);
        for raw in ["70", "70%", "๗๐", "0.70", "0.7", " 70 % "] {
            assert_eq!(
                parse_share(raw).map(|s| s.to_string()),
                Ok("0.70".to_string()),
                "{raw}"
            );
        }
        assert!(parse_share("abc").is_err());
        assert!(parse_share("170").is_err());
        assert!(parse_share("-5").is_err());
        assert_eq!(share_text(seventy), "70");
        assert_eq!(share_text(Decimal::new(125, 3)), "12.5");
    }

    #[test]
    fn the_city_request_is_typed_read_and_shown_again() {
        let ds = north_2561().records;
        let base = ds.instalments[0].clone();
        let mut form = InstalmentForm::from_record(&base);
        assert_eq!(form.requested_date, "");
        form.requested_date = "20 เมษา 61".into();
        let built = form.build(&base);
        assert!(built.is_complete(), "{:?}", built.errors);
        let day = NaiveDate::from_ymd_opt(2018, 4, 20).unwrap();
        assert_eq!(built.record.requested_date, Some(day));
        assert_eq!(
            InstalmentForm::from_record(&built.record).requested_date,
            "20 เม.ย. 2561"
        );
        form.requested_date = "20 Foo".into();
        assert!(form.build(&base).error_at("requested_date").is_some());
        // A draft kept before the field existed still opens.
        let mut old = serde_json::to_value(InstalmentForm::from_record(&base)).unwrap();
        old.as_object_mut().unwrap().remove("requested_date");
        let back: InstalmentForm = serde_json::from_value(old).unwrap();
        assert_eq!(back.requested_date, "");
    }

    #[test]
    fn example_money_records_round_trip_through_their_forms() {
        let ds = north_2561().records;
        assert_round_trips::<InstalmentForm>(&ds);
        assert_round_trips::<ProvinceGrantForm>(&ds);
        assert_round_trips::<CommitteeGrantForm>(&ds);
    }

    #[test]
    fn expected_amounts_come_from_the_parameters() {
        let ds = north_2561().records;
        let fy = FiscalYear(2561);
        let mae_sot = &ds.cities[0];
        assert_eq!(
            expected_instalment(&ds, mae_sot.meta.id, fy, None),
            Some(Baht::whole(350_000))
        );
        assert_eq!(
            expected_instalment(&ds, mae_sot.meta.id, FiscalYear(2570), None),
            None
        );
        assert_eq!(
            expected_committee_grant(&ds, mae_sot.meta.id, fy),
            Some(Baht::whole(30_000))
        );
        let g = new_province_grant(&ds, mae_sot.meta.clone(), ds.provinces[0].meta.id, fy);
        assert_eq!(g.amount, Baht::whole(10_000));
    }

    #[test]
    fn a_wrong_first_instalment_blocks_the_transfer_with_the_reason() {
        let mut ds = crate::domain::example::north_2561_first_paid();
        for c in &mut ds.cities {
            c.account = Some(crate::domain::records::ReceivingAccount {
                account_name: "เครือข่ายองค์กรชุมชน".into(),
                bank: "ธนาคารกรุงไทย".into(),
                number: "1234567890".into(),
                ..Default::default()
            });
        }
        let today = NaiveDate::from_ymd_opt(2018, 2, 20).unwrap();
        let mut i = new_instalment(
            &ds,
            ds.instalments[0].meta.clone(),
            ds.cities[0].meta.id,
            FiscalYear(2561),
        );
        i.meta.id = uuid::Uuid::from_u128(42);
        i.amount = Baht::whole(350_000);
        // Another city's record set aside: Mae Sot already has its first instalment, so a
        // second "number 1" of 350,000 pushes transfers past the approved 500,000.
        let blockers = transfer_blockers(&ds, &i, today, today);
        assert!(
            blockers
                .iter()
                .any(|f| f.rule == RuleCode::TransferExceedsApproved),
            "{blockers:?}"
        );

        let mut fresh = ds.clone();
        fresh.instalments.clear();
        assert!(transfer_blockers(&fresh, &i, today, today).is_empty());
        i.amount = Baht::whole(300_000);
        let blockers = transfer_blockers(&fresh, &i, today, today);
        assert_eq!(blockers.len(), 1);
        assert_eq!(blockers[0].rule, RuleCode::InstalmentFirstShare);
        // Before the MOU of 3 Feb 2018.
        i.amount = Baht::whole(350_000);
        let early = NaiveDate::from_ymd_opt(2018, 1, 15).unwrap();
        let blockers = transfer_blockers(&fresh, &i, early, today);
        assert!(blockers
            .iter()
            .any(|f| f.rule == RuleCode::InstalmentBeforeMou));
        // Money cannot have moved after today.
        let tomorrow = today.succ_opt().unwrap();
        let blockers = transfer_blockers(&fresh, &i, tomorrow, today);
        assert_eq!(blockers.len(), 1, "{blockers:?}");
        assert_eq!(blockers[0].rule, RuleCode::TransferFutureDate);
        // Nor can it go to a city without an account.
        fresh.cities[0].account = None;
        let blockers = transfer_blockers(&fresh, &i, today, today);
        assert_eq!(blockers.len(), 1, "{blockers:?}");
        assert_eq!(blockers[0].field.as_deref(), Some("account"));
    }
}

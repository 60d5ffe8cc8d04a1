//! The problems a row of a sheet can have, worded in Thai and English, and where a
//! column's value goes in the household form.

use crate::domain::forms::form::FieldError;
use crate::domain::forms::household_form::HouseholdForm;
use crate::domain::lang::counted;
use crate::domain::records::survey::Household;

use super::columns::Column;
use super::mapping::column_letter;
use super::preview::Problem;
use super::words::choices_of;

/// Why rows were held back, in everyday words, for the count after storing.
pub fn reason_label(code: &str) -> (&'static str, &'static str) {
    match code {
        "household.members" => ("จำนวนสมาชิกไม่ถูกต้อง", "members impossible"),
        "household.duplicate" => ("บ้านเลขที่บันทึกไว้แล้ว", "house number already stored"),
        "record.missing_field" => ("ขาดข้อมูลที่ต้องมี", "a required value missing"),
        "import.choice" => ("ค่าไม่ตรงกับตัวเลือก", "a value outside the choices"),
        "import.formula" => ("เป็นสูตรแทนค่า", "a formula instead of a value"),
        _ => ("อ่านค่าไม่ได้", "a value that could not be read"),
    }
}

/// `household.members`: at least one member, and no vulnerable group larger than the
/// household. Not repeated where the count itself could not be read.
pub(super) fn members(h: &Household, errors: &[FieldError], out: &mut Vec<Problem>) {
    if errors.iter().any(|e| e.field == "members") {
        return;
    }
    if h.members < 1 {
        out.push(Problem {
            code: "household.members",
            column: Some(Column::Members),
            blocks: true,
            th: "ครัวเรือนต้องมีสมาชิกอย่างน้อย 1 คน".into(),
            en: "A household has at least one member.".into(),
        });
        return;
    }
    let v = &h.vulnerable;
    let groups = [
        (Column::Elderly, v.elderly),
        (Column::Disabled, v.disabled),
        (Column::YoungChildren, v.young_children),
    ];
    for (column, n) in groups.into_iter().filter(|g| g.1 > h.members) {
        let (th, en) = column.label();
        let m = h.members;
        out.push(Problem {
            code: "household.members",
            column: Some(column),
            blocks: true,
            th: format!("{th} {n} คน มากกว่าสมาชิกทั้งหมด {m} คน"),
            en: format!(
                "{n} {en}, more than the household's {}.",
                counted(m as usize, "คน", "member", "members").1
            ),
        });
    }
}

pub(super) fn missing(column: Column) -> Problem {
    let (th, en) = column.label();
    Problem {
        code: "record.missing_field",
        column: Some(column),
        blocks: true,
        th: format!("ไม่มี{th}"),
        en: format!("No {en}."),
    }
}

pub(super) fn formula(column: Column, i: usize) -> Problem {
    let letter = column_letter(i);
    Problem {
        code: "import.formula",
        column: Some(column),
        blocks: true,
        th: format!("คอลัมน์ {letter} เป็นสูตร ไม่ใช่ค่า กรุณาบันทึกไฟล์ให้เป็นค่า หรือนำเข้าจากไฟล์ .xlsx"),
        en: format!(
            "Column {letter} holds a formula, not a value: save the values, or bring in the \
             .xlsx file."
        ),
    }
}

pub(super) fn outside_choices(column: Column, raw: &str) -> Problem {
    let (label_th, label_en) = column.label();
    let (th, en) = choices_of(column);
    Problem {
        code: "import.choice",
        column: Some(column),
        blocks: true,
        th: format!("{label_th} \"{raw}\" ไม่ตรงกับตัวเลือก ({th})"),
        en: format!("{label_en} \"{raw}\" is not one of the choices ({en})."),
    }
}

/// The form's field a column fills.
pub(super) fn field(form: &mut HouseholdForm, column: Column) -> &mut String {
    match column {
        Column::Community => &mut form.community_id,
        Column::HouseNumber => &mut form.house_number,
        Column::HeadName => &mut form.head_name,
        Column::Phone => &mut form.phone,
        Column::Members => &mut form.members,
        Column::Elderly => &mut form.elderly,
        Column::Disabled => &mut form.disabled,
        Column::YoungChildren => &mut form.young_children,
        Column::LandTenure => &mut form.land_tenure,
        Column::HouseTenure => &mut form.house_tenure,
        Column::MonthlyRent => &mut form.monthly_rent,
        Column::Condition => &mut form.condition,
        Column::IncomeBand => &mut form.income_band,
        Column::SavingsMember => &mut form.savings_member,
        Column::Need => &mut form.need,
        Column::SurveyedOn => &mut form.surveyed_on,
        Column::Surveyor => &mut form.surveyor,
        Column::Notes => &mut form.notes,
    }
}

/// The column of a form error's field ("vulnerable.elderly" is the elderly column).
pub(super) fn column_of_field(field: &str) -> Option<Column> {
    let key = field.strip_prefix("vulnerable.").unwrap_or(field);
    Column::from_key(key)
}

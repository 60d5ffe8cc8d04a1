//! The survey for spreadsheets (issue #12, part 5): every community with its facts and
//! survey counts, and every household. A household's head, phone and surveyor are personal
//! data (PDPA): they are left out unless the caller passes [`Contacts::Include`], which the
//! screen does only when the person ticks the box that says so.

use std::collections::HashMap;

use crate::domain::meta::RecordId;
use crate::domain::records::survey::{Choice, Community, Household, SurveyRound};
use crate::domain::records::Dataset;
use crate::domain::reports::survey::summarise_each;

use super::lookup::Lookup;
use super::people::Contacts;
use super::table::{Cell, Column, Table};

const CITY: Column = Column::new("เมือง", "City");
const PROVINCE: Column = Column::new("จังหวัด", "Province");
const COMMUNITY: Column = Column::new("ชุมชน", "Community");
const ID: Column = Column::new("รหัสรายการ", "Record id");

fn choice<C: Choice>(c: Option<C>) -> Cell {
    c.map_or(Cell::Empty, |c| Cell::text(c.th()))
}

fn choices<C: Choice>(list: &[C]) -> Cell {
    let words: Vec<&str> = list.iter().map(|c| c.th()).collect();
    Cell::text(words.join(", "))
}

fn count(n: Option<u32>) -> Cell {
    n.map_or(Cell::Empty, |n| Cell::Count(i64::from(n)))
}

/// Live communities (of `city` when given), each with what the survey counted there.
pub fn communities(ds: &Dataset, city: Option<RecordId>) -> Table {
    let lookup = Lookup::new(ds);
    let mut columns = vec![CITY, PROVINCE, Column::new("ชื่อชุมชน", "Community name")];
    columns.extend([
        Column::new("อำเภอ", "District"),
        Column::new("ตำบล", "Subdistrict"),
        Column::new("ละติจูด", "Latitude"),
        Column::new("ลองจิจูด", "Longitude"),
        Column::new("ครัวเรือนตามที่แจ้ง", "Households stated"),
        Column::new("ครัวเรือนที่สำรวจแล้ว", "Households surveyed"),
        Column::new("ประชากร", "Population"),
        Column::new("เจ้าของที่ดิน", "Landowner"),
        Column::new("สถานะการอยู่อาศัยในที่ดิน", "Land tenure"),
        Column::new("การถูกไล่ที่", "Eviction threat"),
    ]);
    columns.extend(Column::date_pair("วันที่ถูกขู่หรือได้รับหนังสือ", "Eviction date"));
    columns.extend([
        Column::new("ภัย", "Hazards"),
        Column::new("สิ่งที่ขาด", "Missing"),
        Column::new("สมาชิกกลุ่มออมทรัพย์", "Savings members"),
        Column::new("เงินออมของกลุ่ม", "Savings balance"),
        Column::new("องค์กรชุมชน", "Organisation"),
        Column::new("แนวทางที่ชุมชนต้องการ", "Preferred solution"),
        Column::new("โครงการที่อยู่อาศัย", "Housing programme"),
        Column::new("บ้านทรุดโทรม", "Dilapidated houses"),
        Column::new("หมายเหตุ", "Notes"),
        ID,
    ]);
    let mut t = Table::new("communities", columns);
    let each = summarise_each(ds, |c| city.is_none_or(|id| c.city_id == id));
    for c in ds
        .live::<Community>()
        .filter(|c| city.is_none_or(|id| c.city_id == id))
    {
        let s = each.get(&c.meta.id).cloned().unwrap_or_default();
        let dilapidated = s
            .by_condition
            .count(crate::domain::records::survey::HouseCondition::Dilapidated);
        let mut row = vec![
            Cell::text(lookup.city_name(c.city_id)),
            Cell::text(lookup.province_name(lookup.province_of_city(c.city_id))),
            Cell::text(&c.name),
            Cell::text(&c.district),
            Cell::text(&c.subdistrict),
            c.location
                .as_ref()
                .map_or(Cell::Empty, |l| Cell::Share(l.latitude)),
            c.location
                .as_ref()
                .map_or(Cell::Empty, |l| Cell::Share(l.longitude)),
            count(c.households),
            Cell::count(s.households),
            count(c.population),
            choice(c.landowner),
            choice(c.tenure),
            choice(c.eviction),
        ];
        row.extend(Cell::date_pair(c.eviction_date));
        row.extend([
            choices(&c.hazards),
            choices(&c.missing),
            count(c.savings_group.as_ref().map(|g| g.members)),
            Cell::amount(c.savings_group.as_ref().map(|g| g.balance)),
            Cell::text(&c.organisation),
            choice(c.preferred_solution),
            choice(c.programme),
            Cell::count(dilapidated),
            Cell::text(&c.notes),
            Cell::Id(c.meta.id),
        ]);
        t.push(row);
    }
    t
}

/// Live households of live communities (of `city` when given). With [`Contacts::Omit`]
/// the head's name, the phone and the surveyor are not columns at all, so a file handed
/// on cannot carry them by mistake.
pub fn households(ds: &Dataset, city: Option<RecordId>, personal: Contacts) -> Table {
    let lookup = Lookup::new(ds);
    let include = personal == Contacts::Include;
    let communities: HashMap<RecordId, &Community> = ds
        .live::<Community>()
        .filter(|c| city.is_none_or(|id| c.city_id == id))
        .map(|c| (c.meta.id, c))
        .collect();
    let rounds: HashMap<RecordId, &SurveyRound> =
        ds.live::<SurveyRound>().map(|r| (r.meta.id, r)).collect();
    let mut columns = vec![CITY, COMMUNITY, Column::new("บ้านเลขที่", "House number")];
    if include {
        columns.extend([
            Column::new("หัวหน้าครัวเรือน", "Head of household"),
            Column::new("โทรศัพท์", "Phone"),
        ]);
    }
    columns.extend([
        Column::new("สมาชิก", "Members"),
        Column::new("ผู้สูงอายุ", "Elderly"),
        Column::new("ผู้พิการ", "Disabled"),
        Column::new("เด็กเล็ก", "Young children"),
        Column::new("ที่ดิน", "Land tenure"),
        Column::new("บ้าน", "House tenure"),
        Column::new("ค่าเช่าต่อเดือน", "Monthly rent"),
        Column::new("สภาพบ้าน", "House condition"),
        Column::new("รายได้", "Income band"),
        Column::new("สมาชิกกลุ่มออมทรัพย์", "Savings-group member"),
        Column::new("ความต้องการ", "Need"),
        Column::new("รอบการสำรวจ", "Survey round"),
    ]);
    columns.extend(Column::date_pair("วันที่สำรวจ", "Surveyed on"));
    if include {
        columns.push(Column::new("ผู้สำรวจ", "Surveyor"));
    }
    columns.extend([
        Column::new("หมายเหตุ", "Notes"),
        Column::new("รหัสชุมชน", "Community id"),
        ID,
    ]);
    let mut t = Table::new("households", columns);
    for h in ds.live::<Household>() {
        let Some(c) = communities.get(&h.community_id) else {
            continue;
        };
        let mut row = vec![
            Cell::text(lookup.city_name(c.city_id)),
            Cell::text(&c.name),
            Cell::text(&h.house_number),
        ];
        if include {
            row.extend([Cell::text(&h.head_name), Cell::text(&h.phone)]);
        }
        let v = &h.vulnerable;
        row.extend([
            Cell::Count(i64::from(h.members)),
            Cell::Count(i64::from(v.elderly)),
            Cell::Count(i64::from(v.disabled)),
            Cell::Count(i64::from(v.young_children)),
            choice(h.land_tenure),
            choice(h.house_tenure),
            Cell::amount(h.monthly_rent),
            choice(h.condition),
            choice(h.income_band),
            Cell::text(if h.savings_member {
                "ใช่"
            } else {
                "ไม่ใช่"
            }),
            choice(h.need),
            Cell::text(
                h.round_id
                    .and_then(|r| rounds.get(&r))
                    .map_or("", |r| r.title.as_str()),
            ),
        ]);
        row.extend(Cell::date_pair(h.surveyed_on));
        if include {
            row.push(Cell::text(&h.surveyor));
        }
        row.extend([
            Cell::text(&h.notes),
            Cell::Id(c.meta.id),
            Cell::Id(h.meta.id),
        ]);
        t.push(row);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo_survey::demo_survey;
    use crate::domain::export::to_csv;

    #[test]
    fn households_leave_names_phones_and_surveyors_out_unless_asked() {
        let ds = demo_survey(240, 9).records;
        let h = ds.households.iter().find(|h| !h.phone.is_empty()).unwrap();
        let omit = String::from_utf8(to_csv(&households(&ds, None, Contacts::Omit))).unwrap();
        assert!(!omit.contains(&h.head_name) && !omit.contains(&h.phone));
        assert!(!omit.contains(&h.surveyor) || h.surveyor.is_empty());
        assert!(!omit.contains("โทรศัพท์"));
        assert!(omit.contains(&h.meta.id.to_string()));
        let with = String::from_utf8(to_csv(&households(&ds, None, Contacts::Include))).unwrap();
        assert!(with.contains(&h.head_name) && with.contains(&h.phone));
        let t = households(&ds, None, Contacts::Omit);
        assert_eq!(t.rows.len(), 240);
        assert!(t.rows.iter().all(|r| r.len() == t.columns.len()));
        let wide = households(&ds, None, Contacts::Include);
        assert_eq!(wide.columns.len(), t.columns.len() + 3);
    }

    #[test]
    fn communities_of_a_city_with_their_counts() {
        let ds = demo_survey(240, 9).records;
        let city = ds.cities[0].meta.id;
        let t = communities(&ds, Some(city));
        let expected = ds.communities.iter().filter(|c| c.city_id == city).count();
        assert_eq!(t.rows.len(), expected);
        let surveyed = t.columns.iter().position(|c| c.en == "Households surveyed");
        let total: i64 = t
            .rows
            .iter()
            .map(|r| match r[surveyed.unwrap()] {
                Cell::Count(n) => n,
                _ => 0,
            })
            .sum();
        assert_eq!(total, 20);
        assert_eq!(communities(&ds, None).rows.len(), ds.communities.len());
        let one = households(&ds, Some(city), Contacts::Omit);
        assert_eq!(one.rows.len(), 20);
    }
}

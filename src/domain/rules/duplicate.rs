//! `record.duplicate`: one city entered twice in a province, or one person twice in a
//! committee. Names are compared after normalising spaces, case, unit abbreviations and
//! personal titles, since that is how the same thing gets typed twice.

use crate::domain::meta::RecordId;
use crate::domain::records::{City, Committee};

use super::codes::RuleCode;
use super::context::{Ctx, HashMap};
use super::finding::{Figure, Finding, RecordRef};
use super::text::{
    city_en, city_name_en, city_th, is_blank, normalise_person_name, normalise_place_name,
};

pub fn duplicate(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    duplicate_cities(ctx, out);
    duplicate_members(ctx, out);
}

fn duplicate_cities(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    // Groups in order of first appearance, so the findings come out the same every time.
    let mut index: HashMap<(RecordId, String), usize> = HashMap::default();
    let mut groups: Vec<Vec<&City>> = Vec::new();
    for city in ctx.ds.live::<City>().filter(|c| !is_blank(&c.name_th)) {
        let key = (city.province_id, normalise_place_name(&city.name_th));
        let slot = *index.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[slot].push(city);
    }
    for group in groups.into_iter().filter(|g| g.len() > 1) {
        let first = group[0];
        let province = ctx.provinces.get(&first.province_id);
        let province_th = province.map_or(String::new(), |p| format!(" จังหวัด{}", p.name_th));
        let province_en = province.map_or(String::new(), |p| format!(" in {} province", p.name_en));
        out.push(Finding::new(
            RuleCode::RecordDuplicate,
            group.iter().map(|c| RecordRef::to(*c)).collect(),
            Some("name_th"),
            vec![Figure::count("records", group.len() as i64)],
            format!(
                "\"{}\"{} ถูกบันทึกเป็นเมือง {} ระเบียน — รวมเป็นระเบียนเดียว (ลบระเบียนที่ซ้ำ)",
                first.name_th,
                province_th,
                group.len()
            ),
            format!(
                "\"{}\"{} is entered as {} cities; keep one record and delete the others.",
                city_name_en(first),
                province_en,
                group.len()
            ),
        ));
    }
}

fn duplicate_members(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for com in ctx.ds.live::<Committee>() {
        // Sorting the normalised names finds repeats in O(m log m) without a map per
        // committee; the stable sort keeps the earlier member first among equals.
        let mut names: Vec<(String, usize)> = com
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| !is_blank(&m.name))
            .map(|(n, m)| (normalise_person_name(&m.name), n))
            .collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        let mut repeats: Vec<(usize, usize)> = Vec::new();
        for run in names.chunk_by(|a, b| a.0 == b.0) {
            repeats.extend(run[1..].iter().map(|&(_, n)| (run[0].1, n)));
        }
        repeats.sort_unstable_by_key(|&(_, n)| n);
        for (first, n) in repeats {
            out.push(member_finding(ctx, com, first, n));
        }
    }
}

fn member_finding(ctx: &Ctx<'_>, com: &Committee, first: usize, n: usize) -> Finding {
    let name = com.members[n].name.trim();
    let (committee_th, committee_en) = if is_blank(&com.name) {
        (
            format!("คณะกรรมการของ{}", city_th(ctx, com.city_id)),
            format!("the committee of {}", city_en(ctx, com.city_id)),
        )
    } else {
        (com.name.clone(), com.name.clone())
    };
    Finding::new(
        RuleCode::RecordDuplicate,
        vec![RecordRef::to(com)],
        Some(&format!("members[{n}].name")),
        vec![
            Figure::count("member", n as i64 + 1),
            Figure::count("same_as_member", first as i64 + 1),
        ],
        format!(
            "\"{name}\" อยู่ใน{committee_th}ซ้ำ (กรรมการลำดับที่ {} และ {})",
            first + 1,
            n + 1
        ),
        format!(
            "\"{name}\" is listed twice in {committee_en} (members {} and {}).",
            first + 1,
            n + 1
        ),
    )
}

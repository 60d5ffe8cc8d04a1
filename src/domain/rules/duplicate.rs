//! `record.duplicate`: one city entered twice in a province, or one person twice in a
//! committee. Names are compared after normalising spaces, case, unit abbreviations and
//! personal titles, since that is how the same thing gets typed twice.

use crate::domain::sorting::SortSmall;
use std::ops::Range;

use crate::domain::records::{City, Committee};

use std::collections::BTreeMap;

use super::codes::{Importance, RuleCode};
use super::context::Ctx;
use super::finding::{Figure, Finding, RecordRef};
use super::text::{city_en, city_name_en, city_th, is_blank, push_person_key, push_place_key};

pub fn duplicate(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    duplicate_cities(ctx, out);
    duplicate_codes(ctx, out);
    duplicate_members(ctx, out);
}

/// Runs of equal keys, each as positions in input order. Keys are ranges of one shared
/// buffer, so comparing thousands of names costs one allocation, not one per name.
fn repeats<G: Ord + Copy>(buf: &str, keys: &mut [(G, Range<usize>, usize)]) -> Vec<Vec<usize>> {
    keys.sort_by_small(|a, b| (a.0, &buf[a.1.clone()]).cmp(&(b.0, &buf[b.1.clone()])));
    let mut runs: Vec<Vec<usize>> = keys
        .chunk_by(|a, b| a.0 == b.0 && buf[a.1.clone()] == buf[b.1.clone()])
        .filter(|run| run.len() > 1)
        .map(|run| {
            let mut positions: Vec<usize> = run.iter().map(|k| k.2).collect();
            positions.sort_small();
            positions
        })
        .collect();
    runs.sort_by_key_small(|run| run[0]);
    runs
}

fn duplicate_cities(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let cities: Vec<&City> = ctx
        .ds
        .live::<City>()
        .filter(|c| !is_blank(&c.name_th))
        .collect();
    let mut buf = String::new();
    let mut keys = Vec::with_capacity(cities.len());
    for (pos, city) in cities.iter().enumerate() {
        let start = buf.len();
        push_place_key(&city.name_th, &mut buf);
        keys.push((city.province_id, start..buf.len(), pos));
    }
    for run in repeats(&buf, &mut keys) {
        let group: Vec<&City> = run.iter().map(|&pos| cities[pos]).collect();
        by_district(ctx, &group, out);
    }
}

/// The Department of Local Administration tells same-named units apart by district: with
/// every district given, only cities of one district are the same city (an error);
/// while one is missing, the names alone can only raise the question (a warning).
fn by_district(ctx: &Ctx<'_>, group: &[&City], out: &mut Vec<Finding>) {
    let district = |c: &City| c.district.split_whitespace().collect::<String>();
    if group.iter().any(|c| district(c).is_empty()) {
        let mut f = city_finding(ctx, group);
        f.importance = Importance::Warning;
        f.message_th = format!(
            "\"{}\" มีเมืองชื่อนี้ {} รายการในจังหวัดเดียวกัน — เป็นเมืองเดียวกันหรือไม่? ถ้าต่างอำเภอ ให้ระบุอำเภอ",
            group[0].name_th.trim(),
            group.len()
        );
        f.message_en = format!(
            "\"{}\" is entered {} times in one province. Is it the same city? If they are in different districts, enter each district.",
            city_name_en(group[0]),
            group.len()
        );
        out.push(f);
        return;
    }
    let mut rest: Vec<&City> = group.to_vec();
    while let Some(first) = rest.first().copied() {
        let (same, other): (Vec<&City>, Vec<&City>) =
            rest.iter().partition(|c| district(c) == district(first));
        if same.len() > 1 {
            out.push(city_finding(ctx, &same));
        }
        rest = other;
    }
}

/// Two live cities with the same local-government code are one unit entered twice,
/// whatever their names say.
fn duplicate_codes(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let mut by_code: BTreeMap<String, Vec<&City>> = BTreeMap::new();
    for c in ctx.ds.live::<City>() {
        let code: String = c.local_code.split_whitespace().collect();
        if !code.is_empty() {
            by_code.entry(code).or_default().push(c);
        }
    }
    for (code, group) in by_code.into_iter().filter(|(_, g)| g.len() > 1) {
        out.push(Finding::new(
            RuleCode::RecordDuplicate,
            group.iter().map(|c| RecordRef::to(*c)).collect(),
            Some("local_code"),
            vec![Figure::count("records", group.len() as i64)],
            format!(
                "รหัส อปท. {code} ถูกบันทึกเป็นเมือง {} รายการ ({}) — รวมเป็นรายการเดียว",
                group.len(),
                group.iter().map(|c| c.name_th.trim()).collect::<Vec<_>>().join(", ")
            ),
            format!(
                "Local-government code {code} is entered as {} cities ({}); keep one and delete the others.",
                group.len(),
                group.iter().map(|c| city_name_en(c)).collect::<Vec<_>>().join(", ")
            ),
        ));
    }
}

fn city_finding(ctx: &Ctx<'_>, group: &[&City]) -> Finding {
    let first = group[0];
    let province = ctx.provinces.get(&first.province_id);
    let province_th = province.map_or(String::new(), |p| format!(" จังหวัด{}", p.name_th));
    let province_en = province.map_or(String::new(), |p| format!(" in {} province", p.name_en));
    Finding::new(
        RuleCode::RecordDuplicate,
        group.iter().map(|c| RecordRef::to(*c)).collect(),
        Some("name_th"),
        vec![Figure::count("records", group.len() as i64)],
        format!(
            "\"{}\"{} ถูกบันทึกเป็นเมือง {} รายการ — รวมเป็นรายการเดียว (ลบรายการที่ซ้ำ)",
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
    )
}

fn duplicate_members(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let mut buf = String::new();
    let mut keys = Vec::new();
    for com in ctx.ds.live::<Committee>() {
        buf.clear();
        keys.clear();
        for (n, m) in com.members.iter().enumerate() {
            if is_blank(&m.name) {
                continue;
            }
            let start = buf.len();
            push_person_key(&m.name, &mut buf);
            keys.push(((), start..buf.len(), n));
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for run in repeats(&buf, &mut keys) {
            pairs.extend(run[1..].iter().map(|&n| (run[0], n)));
        }
        pairs.sort_by_key_small(|&(_, n)| n);
        for (first, n) in pairs {
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

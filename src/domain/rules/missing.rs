//! `record.missing_field`: a field the programme needs is blank, or a reference points
//! at a record that does not exist or was deleted. See docs/rules.md for the list.

use crate::domain::meta::RecordId;
use crate::domain::records::{
    AnyRecordRef, City, Committee, CommitteeGrant, Instalment, Meeting, Mou, Project, Province,
    ProvinceGrant, RecordKind, Region, StatedTotal,
};

use super::codes::RuleCode;
use super::context::Ctx;
use super::finding::{Finding, RecordRef};
use super::labels::{kind_en, kind_th, own_name};
use super::text::is_blank;

struct Check<'c, 'a> {
    ctx: &'c Ctx<'a>,
    out: &'c mut Vec<Finding>,
}

impl Check<'_, '_> {
    fn blank(&mut self, r: AnyRecordRef<'_>, field: &str, value: &str) {
        if is_blank(value) {
            self.push(r, field, ("ว่างอยู่".to_string(), "is empty".to_string()));
        }
    }

    fn exists(&mut self, r: AnyRecordRef<'_>, field: &str, target: RecordKind, id: RecordId) {
        let found = match target {
            RecordKind::Region => self.ctx.regions.contains_key(&id),
            RecordKind::Province => self.ctx.provinces.contains_key(&id),
            RecordKind::City => self.ctx.cities.contains_key(&id),
            RecordKind::Committee => self.ctx.committees.contains_key(&id),
            _ => true,
        };
        if !found {
            let why = (
                format!("อ้างถึง{} {id} ซึ่งไม่มีอยู่หรือถูกลบแล้ว", kind_th(target)),
                format!(
                    "refers to {} {id}, which does not exist or was deleted",
                    kind_en(target)
                ),
            );
            self.push(r, field, why);
        }
    }

    fn push(&mut self, r: AnyRecordRef<'_>, field: &str, (why_th, why_en): (String, String)) {
        let (name_th, name_en) = own_name(r);
        let name_th = if is_blank(&name_th) {
            String::new()
        } else {
            format!(" \"{name_th}\"")
        };
        let name_en = if is_blank(&name_en) {
            String::new()
        } else {
            format!(" \"{name_en}\"")
        };
        self.out.push(Finding::new(
            RuleCode::RecordMissingField,
            vec![RecordRef {
                kind: r.kind(),
                id: r.meta().id,
            }],
            Some(field),
            Vec::new(),
            format!("{}{}: ช่อง {field} {why_th}", kind_th(r.kind()), name_th),
            format!("The {}{}: {field} {why_en}.", kind_en(r.kind()), name_en),
        ));
    }
}

pub fn missing_field(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let ds = ctx.ds;
    let mut c = Check { ctx, out };
    for r in ds.live::<Region>() {
        c.blank(AnyRecordRef::Region(r), "code", &r.code);
        c.blank(AnyRecordRef::Region(r), "name_th", &r.name_th);
    }
    for p in ds.live::<Province>() {
        c.blank(AnyRecordRef::Province(p), "code", &p.code);
        c.blank(AnyRecordRef::Province(p), "name_th", &p.name_th);
        c.exists(
            AnyRecordRef::Province(p),
            "region_id",
            RecordKind::Region,
            p.region_id,
        );
    }
    for city in ds.live::<City>() {
        c.blank(AnyRecordRef::City(city), "name_th", &city.name_th);
        c.exists(
            AnyRecordRef::City(city),
            "province_id",
            RecordKind::Province,
            city.province_id,
        );
    }
    for com in ds.live::<Committee>() {
        c.exists(
            AnyRecordRef::Committee(com),
            "city_id",
            RecordKind::City,
            com.city_id,
        );
        for (n, m) in com.members.iter().enumerate() {
            if is_blank(&m.name) {
                c.blank(
                    AnyRecordRef::Committee(com),
                    &format!("members[{n}].name"),
                    "",
                );
            }
        }
    }
    for m in ds.live::<Meeting>() {
        c.exists(
            AnyRecordRef::Meeting(m),
            "committee_id",
            RecordKind::Committee,
            m.committee_id,
        );
    }
    for p in ds.live::<Project>() {
        c.blank(AnyRecordRef::Project(p), "title", &p.title);
        c.blank(AnyRecordRef::Project(p), "proposer", &p.proposer);
        c.exists(
            AnyRecordRef::Project(p),
            "city_id",
            RecordKind::City,
            p.city_id,
        );
    }
    for g in ds.live::<ProvinceGrant>() {
        c.exists(
            AnyRecordRef::ProvinceGrant(g),
            "province_id",
            RecordKind::Province,
            g.province_id,
        );
    }
    for g in ds.live::<CommitteeGrant>() {
        c.exists(
            AnyRecordRef::CommitteeGrant(g),
            "city_id",
            RecordKind::City,
            g.city_id,
        );
    }
    for mou in ds.live::<Mou>() {
        if mou.date.is_none() {
            c.blank(AnyRecordRef::Mou(mou), "date", "");
        }
        for (n, &city) in mou.city_ids.iter().enumerate() {
            if !ctx.cities.contains_key(&city) {
                c.exists(
                    AnyRecordRef::Mou(mou),
                    &format!("city_ids[{n}]"),
                    RecordKind::City,
                    city,
                );
            }
        }
        for (n, s) in mou.signatories.iter().enumerate() {
            if is_blank(&s.name) {
                c.blank(
                    AnyRecordRef::Mou(mou),
                    &format!("signatories[{n}].name"),
                    "",
                );
            }
        }
        if let Some(w) = &mou.witness {
            c.blank(AnyRecordRef::Mou(mou), "witness.name", &w.name);
        }
    }
    for i in ds.live::<Instalment>() {
        c.exists(
            AnyRecordRef::Instalment(i),
            "city_id",
            RecordKind::City,
            i.city_id,
        );
    }
    for t in ds.live::<StatedTotal>() {
        c.blank(AnyRecordRef::StatedTotal(t), "label", &t.label);
        if let Some(region) = t.region_id {
            c.exists(
                AnyRecordRef::StatedTotal(t),
                "region_id",
                RecordKind::Region,
                region,
            );
        }
    }
}

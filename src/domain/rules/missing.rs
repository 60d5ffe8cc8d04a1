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
use super::record_names::{kind_en, kind_th, own_name};
use super::text::is_blank;

/// What a field is called for people, in Thai and English.
pub(super) type Label<'l> = (&'l str, &'l str);

/// Shared with the survey's checks (`survey.rs`), which bring their own look-ups.
pub(super) struct Check<'c, 'a> {
    pub(super) ctx: &'c Ctx<'a>,
    pub(super) out: &'c mut Vec<Finding>,
}

impl Check<'_, '_> {
    pub(super) fn blank(
        &mut self,
        r: AnyRecordRef<'_>,
        field: &str,
        label: Label<'_>,
        value: &str,
    ) {
        if is_blank(value) {
            self.absent(r, field, label);
        }
    }

    /// Each blank name in the list `field` (`members`, `signatories`) is its own finding at
    /// `field[n].name`, labelled by its place in the list as people count it.
    pub(super) fn blank_names<'n>(
        &mut self,
        r: AnyRecordRef<'_>,
        field: &str,
        label: Label<'_>,
        names: impl Iterator<Item = &'n str>,
    ) {
        for (n, name) in names.enumerate() {
            if is_blank(name) {
                let (th, en) = nth(n, label.0, label.1);
                self.absent(r, &format!("{field}[{n}].name"), (&th, &en));
            }
        }
    }

    /// `r` has nothing in `field` (a date or an amount not given).
    pub(super) fn absent(&mut self, r: AnyRecordRef<'_>, field: &str, label: Label<'_>) {
        let ((who_th, who_en), (th, en)) = (who(r), label);
        self.push(
            r,
            field,
            format!("{who_th}: ยังไม่ได้กรอก{th}"),
            format!("The {who_en} has no {en}."),
        );
    }

    /// `r`'s reference `link` names `id`: a finding unless that record is there.
    pub(super) fn link(&mut self, r: AnyRecordRef<'_>, link: Link, id: RecordId) {
        self.exists(r, link.field, link.label, link.kind, id);
    }

    pub(super) fn exists(
        &mut self,
        r: AnyRecordRef<'_>,
        field: &str,
        label: Label<'_>,
        target: RecordKind,
        id: RecordId,
    ) {
        let found = match target {
            RecordKind::Region => self.ctx.regions.contains_key(&id),
            RecordKind::Province => self.ctx.provinces.contains_key(&id),
            RecordKind::City => self.ctx.cities.contains_key(&id),
            RecordKind::Committee => self.ctx.committees.contains_key(&id),
            _ => true,
        };
        if !found {
            self.refers_to_nothing(r, field, label, target, id);
        }
    }

    /// `r`'s `field` names `target` `id`, which does not exist or was deleted.
    pub(super) fn refers_to_nothing(
        &mut self,
        r: AnyRecordRef<'_>,
        field: &str,
        label: Label<'_>,
        target: RecordKind,
        id: RecordId,
    ) {
        let ((who_th, who_en), (th, en)) = (who(r), label);
        let (target_th, target_en) = (kind_th(target), kind_en(target));
        self.push(
            r,
            field,
            format!("{who_th}: {th} อ้างถึง{target_th} {id} ซึ่งไม่มีอยู่หรือถูกลบแล้ว"),
            format!(
                "The {who_en}: its {en} refers to {target_en} {id}, which does not exist or was deleted."
            ),
        );
    }

    fn push(&mut self, r: AnyRecordRef<'_>, field: &str, th: String, en: String) {
        let record = RecordRef {
            kind: r.kind(),
            id: r.meta().id,
        };
        let finding = Finding::new(
            RuleCode::RecordMissingField,
            vec![record],
            Some(field),
            Vec::new(),
            th,
            en,
        );
        self.out.push(finding);
    }
}

/// The record as findings name it, `เมือง "เทศบาลเมืองน่าน"` / `city "Nan"`: its
/// kind and name, or its id while it has no name, so staff can find it.
fn who(r: AnyRecordRef<'_>) -> (String, String) {
    let (th, en) = own_name(r);
    let show = |kind: &str, name: String| {
        if is_blank(&name) {
            format!("{kind} ({})", r.meta().id)
        } else {
            format!("{kind} \"{name}\"")
        }
    };
    (show(kind_th(r.kind()), th), show(kind_en(r.kind()), en))
}

const THAI_NAME: Label<'static> = ("ชื่อภาษาไทย", "Thai name");

/// A reference field, what it is called and the kind it points at.
#[derive(Clone, Copy)]
pub(super) struct Link {
    field: &'static str,
    label: Label<'static>,
    kind: RecordKind,
}

impl Link {
    const fn to(kind: RecordKind, field: &'static str, label: Label<'static>) -> Link {
        Link { field, label, kind }
    }
}

pub(super) const CITY_ID: Link = Link::to(RecordKind::City, "city_id", ("เมือง", "city"));
const PROVINCE_ID: Link = Link::to(RecordKind::Province, "province_id", ("จังหวัด", "province"));
const REGION_ID: Link = Link::to(RecordKind::Region, "region_id", ("ภาค", "region"));
const COMMITTEE_ID: Link = Link::to(
    RecordKind::Committee,
    "committee_id",
    ("คณะกรรมการเมือง", "committee"),
);

/// "ชื่อกรรมการลำดับที่ 2" / "member 2": people count from one.
fn nth(n: usize, th: &str, en: &str) -> (String, String) {
    (format!("{th}ลำดับที่ {}", n + 1), format!("{en} {}", n + 1))
}

pub fn missing_field(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let ds = ctx.ds;
    let mut c = Check { ctx, out };
    for region in ds.live::<Region>() {
        let r = AnyRecordRef::Region(region);
        c.blank(r, "code", ("รหัส", "code"), &region.code);
        c.blank(r, "name_th", THAI_NAME, &region.name_th);
    }
    for p in ds.live::<Province>() {
        let r = AnyRecordRef::Province(p);
        c.blank(r, "code", ("รหัสจังหวัด", "province code"), &p.code);
        c.blank(r, "name_th", THAI_NAME, &p.name_th);
        c.link(r, REGION_ID, p.region_id);
    }
    for city in ds.live::<City>() {
        let r = AnyRecordRef::City(city);
        c.blank(r, "name_th", THAI_NAME, &city.name_th);
        c.link(r, PROVINCE_ID, city.province_id);
    }
    for com in ds.live::<Committee>() {
        let r = AnyRecordRef::Committee(com);
        c.link(r, CITY_ID, com.city_id);
        let names = com.members.iter().map(|m| m.name.as_str());
        c.blank_names(r, "members", ("ชื่อกรรมการ", "name for member"), names);
    }
    for m in ds.live::<Meeting>() {
        c.link(AnyRecordRef::Meeting(m), COMMITTEE_ID, m.committee_id);
    }
    for p in ds.live::<Project>() {
        let r = AnyRecordRef::Project(p);
        c.blank(r, "title", ("ชื่อโครงการ", "title"), &p.title);
        let proposer = ("ชุมชนหรือเครือข่ายผู้เสนอ", "proposing community or network");
        c.blank(r, "proposer", proposer, &p.proposer);
        c.link(r, CITY_ID, p.city_id);
    }
    for g in ds.live::<ProvinceGrant>() {
        c.link(AnyRecordRef::ProvinceGrant(g), PROVINCE_ID, g.province_id);
    }
    for g in ds.live::<CommitteeGrant>() {
        c.link(AnyRecordRef::CommitteeGrant(g), CITY_ID, g.city_id);
    }
    for mou in ds.live::<Mou>() {
        let r = AnyRecordRef::Mou(mou);
        if mou.date.is_none() {
            c.absent(r, "date", ("วันที่ลงนาม", "signing date"));
        }
        for (n, &city) in mou.city_ids.iter().enumerate() {
            let (th, en) = nth(n, "เมือง", "city");
            let field = format!("city_ids[{n}]");
            c.exists(r, &field, (&th, &en), RecordKind::City, city);
        }
        let names = mou.signatories.iter().map(|s| s.name.as_str());
        c.blank_names(r, "signatories", ("ชื่อผู้ลงนาม", "name for signatory"), names);
        if let Some(w) = &mou.witness {
            c.blank(r, "witness.name", ("ชื่อสักขีพยาน", "witness's name"), &w.name);
        }
    }
    for i in ds.live::<Instalment>() {
        c.link(AnyRecordRef::Instalment(i), CITY_ID, i.city_id);
    }
    for t in ds.live::<StatedTotal>() {
        let r = AnyRecordRef::StatedTotal(t);
        c.blank(r, "label", ("ชื่อยอดรวม", "label"), &t.label);
        if let Some(region) = t.region_id {
            c.link(r, REGION_ID, region);
        }
    }
}

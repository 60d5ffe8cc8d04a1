//! `value.out_of_range`: a value in the store outside the range files are held to (see
//! `records::limits`). Imports refuse such values, but a form, an older build or a data
//! file opened without the bundle check can still leave one; figures computed from it are
//! shown as "—" or may be wrong, so the person needs to know which value to fix.

use crate::domain::records::limits::OutOfRange;
use crate::domain::records::{Dataset, KindVisitor, Record, RecordKind};

use super::codes::RuleCode;
use super::context::Ctx;
use super::field_names::field_label;
use super::finding::{Finding, RecordRef};
use super::{kind_en, kind_th};

pub fn out_of_range(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    RecordKind::visit_all(&mut Visit { ds: ctx.ds, out });
}

struct Visit<'a, 'b> {
    ds: &'a Dataset,
    out: &'b mut Vec<Finding>,
}

impl KindVisitor for Visit<'_, '_> {
    fn visit<R: Record>(&mut self) {
        let out = &mut *self.out;
        for r in self.ds.live::<R>() {
            r.out_of_range(&mut |p| out.push(finding(r, p)));
        }
    }
}

fn finding<R: Record>(r: &R, p: OutOfRange) -> Finding {
    let OutOfRange {
        field,
        value,
        allowed,
    } = p;
    let (field_th, field_en) = field_label(R::KIND, &field);
    Finding::new(
        RuleCode::ValueOutOfRange,
        vec![RecordRef::to(r)],
        Some(&field),
        Vec::new(),
        format!(
            "{field_th}ของ{}นี้ มีค่า \"{value}\" ซึ่ง{} ตัวเลขที่คำนวณจากค่านี้อาจแสดงเป็น — หรือไม่ถูกต้อง กรุณาแก้ไข",
            kind_th(R::KIND),
            allowed.th()
        ),
        format!(
            "The {field_en} of this {} is \"{value}\", which {}; figures computed from it may show as — or be wrong. Please correct it.",
            kind_en(R::KIND),
            allowed.en()
        ),
    )
}

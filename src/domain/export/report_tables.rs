//! Reports as tables: the dashboard's figures, the reconciliations and the findings, so
//! what is on screen can be handed over as a spreadsheet with the same numbers.

use crate::domain::records::Dataset;
use crate::domain::reports::{Dashboard, Label, Quantity, Reconciliation};
use crate::domain::rules::{record_label, FigureValue, Finding};

use super::table::{Cell, Column, Table};

/// The dashboard as rows of (section, item, count, amount): totals, projects by status and
/// by category, overdue and due-soon cities (count = days late / days left, amount =
/// outstanding), and money outside the report when there is any.
pub fn dashboard_rows(d: &Dashboard) -> Table {
    let mut t = Table::new(
        "dashboard",
        vec![
            Column::new("ส่วน", "Section"),
            Column::new("ส่วน (อังกฤษ)", "Section (English)"),
            Column::new("รายการ", "Item"),
            Column::new("รายการ (อังกฤษ)", "Item (English)"),
            Column::new("จำนวน", "Count"),
            Column::new("จำนวนเงิน", "Amount"),
        ],
    );
    let mut row = |section: (&str, &str), item: (&str, &str), count: Cell, amount: Cell| {
        t.push(vec![
            Cell::text(section.0),
            Cell::text(section.1),
            Cell::text(item.0),
            Cell::text(item.1),
            count,
            amount,
        ]);
    };
    let tot = &d.totals;
    let summary = ("ภาพรวม", "Summary");
    row(
        summary,
        ("เมือง", "Cities"),
        Cell::count(tot.cities),
        Cell::Empty,
    );
    row(
        summary,
        ("จังหวัด", "Provinces"),
        Cell::count(tot.provinces),
        Cell::Empty,
    );
    let money = [
        (("วงเงินที่อนุมัติให้เมือง", "Approved to cities"), tot.approved),
        (
            ("งบคณะกรรมการเมือง", "Committee grants"),
            tot.committee_grants,
        ),
        (("งบจังหวัด", "Province grants"), tot.province_grants),
        (("งบสนับสนุนรวม", "Total support"), tot.total_support),
        (("ผูกพันโครงการ", "Committed to projects"), tot.committed),
        (("โอนแล้ว", "Transferred"), tot.transferred),
        (("คงเหลือ", "Remaining"), tot.remaining),
        (("ต่อยอด", "Co-funding raised"), tot.co_funding),
    ];
    for (item, amount) in money {
        row(summary, item, Cell::Empty, Cell::Amount(amount));
    }
    row(
        summary,
        ("โครงการ", "Projects"),
        Cell::count(tot.projects),
        Cell::Empty,
    );
    for s in &d.by_status {
        let item = (s.status.label_th(), s.status.label_en());
        row(
            ("สถานะโครงการ", "Projects by status"),
            item,
            Cell::count(s.count),
            Cell::Amount(s.approved),
        );
    }
    for c in &d.by_category {
        let item = (c.category.label_th(), c.category.label_en());
        row(
            ("ประเภทโครงการ", "Projects by category"),
            item,
            Cell::count(c.count),
            Cell::Amount(c.committed),
        );
    }
    for o in &d.deadlines.overdue {
        let item = (o.city.name_th.as_str(), o.city.name_en.as_str());
        row(
            ("งวดที่ 2 เกินกำหนด (วัน)", "Second instalment overdue (days)"),
            item,
            Cell::Count(o.days_late),
            Cell::Amount(o.outstanding_at_deadline),
        );
    }
    for s in &d.deadlines.due_soon {
        let item = (s.city.name_th.as_str(), s.city.name_en.as_str());
        row(
            (
                "งวดที่ 2 ใกล้ครบกำหนด (วัน)",
                "Second instalment due soon (days)",
            ),
            item,
            Cell::Count(s.days_left),
            Cell::Amount(s.outstanding),
        );
    }
    let out = &d.outside;
    if !out.is_empty() {
        let section = ("นอกรายงาน", "Outside the report");
        row(
            section,
            ("งบคณะกรรมการเมือง", "Committee grants"),
            Cell::Empty,
            Cell::Amount(out.committee_grants),
        );
        row(
            section,
            ("งบจังหวัด", "Province grants"),
            Cell::Empty,
            Cell::Amount(out.province_grants),
        );
        row(
            section,
            ("โอนแล้ว", "Transferred"),
            Cell::Empty,
            Cell::Amount(out.transferred),
        );
        row(
            section,
            ("โครงการ", "Projects"),
            Cell::count(out.projects),
            Cell::Empty,
        );
    }
    t
}

fn quantity(q: Option<Quantity>) -> Cell {
    match q {
        Some(Quantity::Count(n)) => Cell::Count(n),
        Some(Quantity::Amount(a)) => Cell::Amount(a),
        None => Cell::Empty,
    }
}

/// One row per figure of each reconciliation: stated, computed, and stated − computed.
pub fn reconciliations(recs: &[Reconciliation]) -> Table {
    let mut t = Table::new(
        "reconciliation",
        vec![
            Column::new("ยอดรวมที่แจ้ง", "Stated total"),
            Column::new("แหล่งที่มา", "Source"),
            Column::new("ปีงบประมาณ", "Fiscal year"),
            Column::new("รายการ", "Figure"),
            Column::new("รายการ (อังกฤษ)", "Figure (English)"),
            Column::new("ยอดรวมที่แจ้ง", "Stated"),
            Column::new("ยอดที่คำนวณจากข้อมูลที่บันทึก", "Computed from records"),
            Column::new("ผลต่าง (ที่แจ้ง − ที่คำนวณ)", "Difference (stated − computed)"),
        ],
    );
    for r in recs {
        for row in &r.rows {
            t.push(vec![
                Cell::text(&r.label),
                Cell::text(&r.source),
                Cell::Count(i64::from(r.fiscal_year.0)),
                Cell::text(row.figure.label_th()),
                Cell::text(row.figure.label_en()),
                quantity(row.stated),
                quantity(Some(row.computed)),
                quantity(row.difference),
            ]);
        }
    }
    t
}

fn figure_text(v: &FigureValue) -> String {
    match v {
        FigureValue::Amount(a) => a.to_canonical_string(),
        FigureValue::Count(n) => n.to_string(),
        FigureValue::Date(d) => d.format("%Y-%m-%d").to_string(),
        FigureValue::Share(s) => format!("{s:.2}"),
    }
}

/// One row per finding, in the order given. Records are named by kind and name (which
/// searches `ds` per record: fine for the findings a person downloads).
pub fn findings(ds: &Dataset, findings: &[Finding]) -> Table {
    let mut t = Table::new(
        "findings",
        vec![
            Column::new("รหัสกฎ", "Rule"),
            Column::new("ความสำคัญ", "Importance"),
            Column::new("ข้อความ", "Message (Thai)"),
            Column::new("ข้อความภาษาอังกฤษ", "Message"),
            Column::new("รายการที่เกี่ยวข้อง", "Records"),
            Column::new("ช่องข้อมูล", "Field"),
            Column::new("ตัวเลข", "Figures"),
            Column::new("รหัสรายการ", "Record ids"),
        ],
    );
    for f in findings {
        let records: Vec<String> = f.records.iter().map(|r| record_label(ds, r).0).collect();
        let ids: Vec<String> = f.records.iter().map(|r| r.id.to_string()).collect();
        let figures: Vec<String> = f
            .figures
            .iter()
            .map(|x| format!("{}={}", x.key, figure_text(&x.value)))
            .collect();
        t.push(vec![
            Cell::text(f.rule.code()),
            Cell::text(f.importance.label_th()),
            Cell::text(&f.message_th),
            Cell::text(&f.message_en),
            Cell::text(records.join("; ")),
            Cell::text(f.field.clone().unwrap_or_default()),
            Cell::text(figures.join("; ")),
            Cell::text(ids.join(" ")),
        ]);
    }
    t
}

//! Property tests of merge: offices edit their own copies and exchange bundles in random
//! orders; merge must be commutative, associative and idempotent, export/import must be the
//! identity, "since" bundles must do what full ones do, and no edit may be lost.

use chrono::{DateTime, Duration, Utc};
use mueang::domain::meta::{stable_id, Causality, Editor, OfficeId, RecordMeta};
use mueang::domain::records::{Dataset, Region};
use mueang::domain::sync::purge::strip_tombstone;
use mueang::domain::sync::{
    conflict_versions, export_full, export_since, list_conflicts, merge, normalize, resolve,
    verify, Peers,
};
use proptest::prelude::*;

const OFFICES: usize = 3;
const SLOTS: u8 = 4;

#[derive(Debug, Clone)]
enum Op {
    Create {
        office: usize,
        slot: u8,
    },
    Edit {
        office: usize,
        slot: u8,
        name: u8,
    },
    Delete {
        office: usize,
        slot: u8,
    },
    Resolve {
        office: usize,
        slot: u8,
        pick: usize,
        delete: bool,
    },
    SendFull {
        from: usize,
        to: usize,
    },
    SendSince {
        from: usize,
        to: usize,
    },
}

fn arb_op() -> impl Strategy<Value = Op> {
    let o = 0..OFFICES;
    let s = 0..SLOTS;
    prop_oneof![
        (o.clone(), s.clone()).prop_map(|(office, slot)| Op::Create { office, slot }),
        (o.clone(), s.clone(), 0u8..5).prop_map(|(office, slot, name)| Op::Edit {
            office,
            slot,
            name
        }),
        (o.clone(), s.clone()).prop_map(|(office, slot)| Op::Delete { office, slot }),
        (o.clone(), s.clone(), 0usize..3, any::<bool>()).prop_map(
            |(office, slot, pick, delete)| Op::Resolve {
                office,
                slot,
                pick,
                delete
            }
        ),
        (o.clone(), o.clone()).prop_map(|(from, to)| Op::SendFull { from, to }),
        (o.clone(), o).prop_map(|(from, to)| Op::SendSince { from, to }),
    ]
}

/// One office: its data, what it knows about the others, and its clock.
struct Office {
    editor: Editor,
    ds: Dataset,
    peers: Peers,
}

struct World {
    offices: Vec<Office>,
    /// Every version any office ever made.
    produced: Vec<Region>,
    clock: DateTime<Utc>,
}

fn editor(i: usize) -> Editor {
    Editor {
        office_id: OfficeId(format!("office-{i}")),
        office_name: format!("สำนักงาน {i}"),
        person: format!("คนที่ {i}"),
    }
}

fn id(slot: u8) -> uuid::Uuid {
    stable_id(&format!("prop:region:{slot}"))
}

impl World {
    fn new() -> World {
        let offices = (0..OFFICES)
            .map(|i| Office {
                editor: editor(i),
                ds: Dataset::default(),
                peers: Peers::default(),
            })
            .collect();
        World {
            offices,
            produced: Vec::new(),
            clock: DateTime::from_timestamp(1_517_630_400, 0).unwrap(),
        }
    }

    fn tick(&mut self) -> DateTime<Utc> {
        // Clocks are coarse and shared: equal times must not break determinism.
        self.clock += Duration::minutes(1);
        self.clock
    }

    fn in_conflict(ds: &Dataset, slot: u8) -> bool {
        ds.conflicts.regions.iter().any(|r| r.meta.id == id(slot))
    }

    fn apply(&mut self, op: &Op) {
        let now = self.tick();
        match *op {
            Op::Create { office, slot } => {
                let o = &mut self.offices[office];
                if o.ds.regions.iter().any(|r| r.meta.id == id(slot)) {
                    return;
                }
                let r = Region {
                    meta: RecordMeta::new(id(slot), &o.editor, now),
                    code: format!("r{slot}"),
                    name_th: format!("ภาค {slot} โดย {office}"),
                    name_en: String::new(),
                };
                self.produced.push(r.clone());
                o.ds.regions.push(r);
            }
            Op::Edit { office, slot, name } => {
                self.edit(office, slot, now, |r| r.name_th = format!("ชื่อ {name}"))
            }
            Op::Delete { office, slot } => self.edit(office, slot, now, |r| r.meta.deleted = true),
            Op::Resolve {
                office,
                slot,
                pick,
                delete,
            } => {
                let o = &mut self.offices[office];
                let versions =
                    conflict_versions(&o.ds, mueang::domain::records::RecordKind::Region, id(slot));
                if versions.len() < 2 {
                    return;
                }
                let mut chosen = versions[pick % versions.len()].clone();
                chosen.meta_mut().deleted = delete;
                resolve(
                    &mut o.ds,
                    chosen.kind(),
                    id(slot),
                    chosen,
                    &o.editor.clone(),
                    now,
                )
                .unwrap();
                let settled =
                    o.ds.regions
                        .iter()
                        .find(|r| r.meta.id == id(slot))
                        .unwrap()
                        .clone();
                self.produced.push(settled);
            }
            Op::SendFull { from, to } => {
                let b = export_full(&self.offices[from].ds, &self.offices[from].editor, now);
                self.deliver(from, to, b);
            }
            Op::SendSince { from, to } => {
                let f = &self.offices[from];
                let to_id = self.offices[to].editor.office_id.clone();
                let peer = f.peers.get(&to_id).cloned().unwrap_or_default();
                let since = export_since(&f.ds, &to_id, &peer, &f.editor, now);
                let full = export_full(&f.ds, &f.editor, now);
                let target = &self.offices[to].ds;
                // A "since" bundle must leave the recipient exactly where a full one would.
                assert_eq!(
                    merge(target, since.records()).dataset,
                    merge(target, full.records()).dataset
                );
                self.offices[from].peers.note_sent(&to_id, &since);
                self.deliver(from, to, since);
            }
        }
    }

    /// An ordinary edit of a record that is live and not in conflict.
    fn edit(
        &mut self,
        office: usize,
        slot: u8,
        now: DateTime<Utc>,
        change: impl FnOnce(&mut Region),
    ) {
        let o = &mut self.offices[office];
        if World::in_conflict(&o.ds, slot) {
            return;
        }
        let Some(r) =
            o.ds.regions
                .iter_mut()
                .find(|r| r.meta.id == id(slot) && !r.meta.deleted)
        else {
            return;
        };
        change(r);
        r.meta.touch(&o.editor, now);
        self.produced.push(r.clone());
    }

    /// The bundle travels as text, through the same checks as a real import.
    fn deliver(&mut self, from: usize, to: usize, bundle: mueang::domain::sync::Bundle) {
        if from == to {
            return;
        }
        let received = verify(&bundle.to_json()).expect("an exported bundle verifies");
        assert_eq!(received.records(), bundle.records());
        let o = &mut self.offices[to];
        o.ds = merge(&o.ds, received.records()).dataset;
        o.peers.note_received(&received);
    }

    fn run(ops: &[Op]) -> World {
        let mut w = World::new();
        for op in ops {
            w.apply(op);
        }
        w
    }
}

fn holds_or_supersedes(ds: &Dataset, v: &Region) -> bool {
    ds.regions.iter().chain(&ds.conflicts.regions).any(|h| {
        h == v
            || (h.meta.id == v.meta.id
                && h.meta.version.compare(&v.meta.version) == Causality::Dominates)
    })
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 200,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn merge_is_commutative_associative_and_idempotent(ops in prop::collection::vec(arb_op(), 0..40)) {
        let w = World::run(&ops);
        let [a, b, c] = [&w.offices[0].ds, &w.offices[1].ds, &w.offices[2].ds];
        let ab = merge(a, b).dataset;
        prop_assert_eq!(&ab, &merge(b, a).dataset);
        prop_assert_eq!(merge(&ab, c).dataset, merge(a, &merge(b, c).dataset).dataset);
        prop_assert_eq!(&merge(&ab, b).dataset, &ab);
        prop_assert_eq!(&merge(&ab, &ab).dataset, &ab);
        prop_assert_eq!(merge(a, a).dataset, normalize(a));
        prop_assert!(merge(&ab, b).preview.changes_nothing());
    }

    #[test]
    fn export_then_import_into_an_empty_store_is_the_identity(ops in prop::collection::vec(arb_op(), 0..40)) {
        let w = World::run(&ops);
        for o in &w.offices {
            let bundle = verify(&export_full(&o.ds, &o.editor, w.clock).to_json()).unwrap();
            prop_assert_eq!(merge(&Dataset::default(), bundle.records()).dataset, normalize(&o.ds));
        }
    }

    #[test]
    fn no_edit_is_lost_and_everyone_converges(ops in prop::collection::vec(arb_op(), 0..40)) {
        let mut w = World::run(&ops);
        // Everyone sends to everyone, twice round, using "since" bundles.
        for _ in 0..2 {
            for from in 0..OFFICES {
                for to in 0..OFFICES {
                    w.apply(&Op::SendSince { from, to });
                }
            }
        }
        let first = &w.offices[0].ds;
        for o in &w.offices[1..] {
            prop_assert_eq!(&o.ds, first);
        }
        for v in &w.produced {
            // A deletion is kept stripped of its content (PDPA): that is the version held.
            let v = &strip_tombstone(v).unwrap_or_else(|| v.clone());
            prop_assert!(holds_or_supersedes(first, v), "lost version {:?}", v);
        }
        // Every conflict left is between versions none of which contains another.
        for c in list_conflicts(first) {
            let vs = conflict_versions(first, c.kind, c.id);
            for (i, x) in vs.iter().enumerate() {
                for y in &vs[i + 1..] {
                    let rel = x.meta().version.compare(&y.meta().version);
                    prop_assert!(matches!(rel, Causality::Concurrent | Causality::Equal));
                }
            }
        }
    }
}

#[test]
fn an_edit_on_top_of_the_other_offices_version_applies_silently() {
    let mut w = World::new();
    w.apply(&Op::Create { office: 0, slot: 0 });
    w.apply(&Op::SendFull { from: 0, to: 1 });
    w.apply(&Op::Edit {
        office: 1,
        slot: 0,
        name: 3,
    });
    let b = export_full(&w.offices[1].ds, &w.offices[1].editor, w.clock);
    let out = merge(&w.offices[0].ds, b.records());
    assert_eq!(out.preview.total().updated, 1);
    assert!(out.conflicts.is_empty());
    assert_eq!(out.dataset.regions[0].name_th, "ชื่อ 3");
}

#[test]
fn concurrent_edits_keep_both_versions_in_the_same_order_everywhere() {
    let mut w = World::new();
    w.apply(&Op::Create { office: 0, slot: 0 });
    w.apply(&Op::SendFull { from: 0, to: 1 });
    w.apply(&Op::Edit {
        office: 0,
        slot: 0,
        name: 1,
    });
    w.apply(&Op::Edit {
        office: 1,
        slot: 0,
        name: 2,
    });
    let (a, b) = (&w.offices[0].ds, &w.offices[1].ds);
    let at_a = merge(a, b);
    let at_b = merge(b, a);
    assert_eq!(at_a.dataset, at_b.dataset);
    assert_eq!(at_a.conflicts.len(), 1);
    assert_eq!(at_a.preview.total().conflict, 1);
    // The later edit is shown; the other waits beside it.
    assert_eq!(at_a.dataset.regions[0].name_th, "ชื่อ 2");
    assert_eq!(at_a.dataset.conflicts.regions[0].name_th, "ชื่อ 1");
}

#[test]
fn a_deletion_never_resurrects_but_an_edit_concurrent_with_it_is_a_conflict() {
    let mut w = World::new();
    w.apply(&Op::Create { office: 0, slot: 0 });
    w.apply(&Op::SendFull { from: 0, to: 1 });
    w.apply(&Op::Delete { office: 0, slot: 0 });
    // The old live copy at office 1 does not bring the record back.
    let back = merge(&w.offices[0].ds, &w.offices[1].ds).dataset;
    assert!(back.regions[0].meta.deleted && back.conflicts.is_empty());
    // An edit made without knowing of the deletion is a conflict, shown live first.
    w.apply(&Op::Edit {
        office: 1,
        slot: 0,
        name: 4,
    });
    let out = merge(&w.offices[0].ds, &w.offices[1].ds);
    assert_eq!(out.conflicts.len(), 1);
    assert!(out.conflicts[0].with_deletion);
    assert!(!out.dataset.regions[0].meta.deleted);
    assert!(out.dataset.conflicts.regions[0].meta.deleted);
}

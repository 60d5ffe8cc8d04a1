//! The Findings page: every finding, filtered by importance, rule and city, each with the
//! page of the record it is about (and the field, as an anchor the form focuses).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::domain::meta::RecordId;
use crate::domain::records::{Dataset, RecordKind};
use crate::domain::rules::{Finding, Importance, RecordRef, RuleCode};

use crate::domain::forms::form::{enum_from_key, enum_key};

/// What the person asked the page for; `None` shows all.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FindingsQuery {
    pub importance: Option<Importance>,
    pub rule: Option<RuleCode>,
    pub city: Option<RecordId>,
}

impl FindingsQuery {
    /// The query from the page address's parameters (`importance=error&rule=project.cap&city=<id>`);
    /// unknown values are ignored, so an old link still opens.
    pub fn from_params(
        importance: Option<&str>,
        rule: Option<&str>,
        city: Option<&str>,
    ) -> FindingsQuery {
        FindingsQuery {
            importance: importance.and_then(enum_from_key),
            rule: rule.and_then(RuleCode::from_code),
            city: city.and_then(|c| uuid::Uuid::parse_str(c).ok()),
        }
    }

    /// The address's query string for this query ("" when it shows all).
    pub fn to_params(&self) -> String {
        let mut parts = Vec::new();
        if let Some(i) = self.importance {
            parts.push(format!("importance={}", enum_key(&i)));
        }
        if let Some(r) = self.rule {
            parts.push(format!("rule={}", r.code()));
        }
        if let Some(c) = self.city {
            parts.push(format!("city={c}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// The app's page for a record, e.g. `/projects/<id>`; `None` for kinds without one.
pub fn record_path(r: &RecordRef) -> Option<String> {
    let base = match r.kind {
        RecordKind::Region => return None,
        RecordKind::Province => "/provinces",
        RecordKind::City => "/cities",
        RecordKind::Committee => "/committees",
        RecordKind::Meeting => "/meetings",
        RecordKind::Project => "/projects",
        RecordKind::ProvinceGrant => "/grants/province",
        RecordKind::CommitteeGrant => "/grants/committee",
        RecordKind::Mou => "/mous",
        RecordKind::Instalment => "/instalments",
        RecordKind::ProgrammeParameters => "/parameters",
        RecordKind::StatedTotal => "/stated-totals",
        RecordKind::Community => "/communities",
        RecordKind::SurveyRound => "/survey-rounds",
        RecordKind::Household => "/households",
        RecordKind::ProgressReport => "/progress-reports",
    };
    Some(format!("{base}/{}", r.id))
}

/// The fields a city's own form has; a city-level finding naming another field (e.g.
/// `instalment.overdue` on `actual_date`) is about the records listed after the city.
const CITY_FIELDS: [&str; 5] = ["name_th", "name_en", "unit_type", "province_id", "budgets"];

/// The link of a finding: the page of the record holding the field it names, with the
/// field as an anchor (`#f-amount_approved`, the form input's id), else its first record's
/// page. A city's own fields are on its edit page; a city-level finding about another
/// field (`city.cap` on `amount_approved`) opens the first record after the city.
pub fn finding_link(f: &Finding) -> Option<String> {
    let first = f.records.first()?;
    let Some(field) = &f.field else {
        return record_path(first);
    };
    let (target, edit) = if first.kind != RecordKind::City {
        (first, false)
    } else if CITY_FIELDS.iter().any(|c| field.starts_with(c)) {
        (first, true)
    } else {
        match f.records.get(1) {
            Some(next) => (next, false),
            None => return record_path(first),
        }
    };
    let mut path = record_path(target)?;
    if edit {
        path.push_str("/edit");
    }
    path.push('#');
    path.push_str(&dom_id(field));
    Some(path)
}

/// The id the form widgets give a field's input, so a finding can link to it:
/// `co_funding[1].amount` → `f-co_funding-1-amount`.
pub fn dom_id(field: &str) -> String {
    let mut id = String::with_capacity(field.len() + 2);
    id.push_str("f-");
    let mut dash = false;
    for c in field.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            id.push(c);
            dash = false;
        } else if !dash {
            id.push('-');
            dash = true;
        }
    }
    id.trim_end_matches('-').to_string()
}

/// Which cities each record belongs to, built once per dataset: a city is its own, a
/// project, instalment, committee or committee grant has one, a meeting has its
/// committee's, an MOU has every city it covers.
pub struct CityIndex {
    of: HashMap<RecordId, Vec<RecordId>>,
}

impl CityIndex {
    pub fn new(ds: &Dataset) -> CityIndex {
        let mut of: HashMap<RecordId, Vec<RecordId>> = HashMap::new();
        for c in &ds.cities {
            of.insert(c.meta.id, vec![c.meta.id]);
        }
        for p in &ds.projects {
            of.insert(p.meta.id, vec![p.city_id]);
        }
        for i in &ds.instalments {
            of.insert(i.meta.id, vec![i.city_id]);
        }
        for g in &ds.committee_grants {
            of.insert(g.meta.id, vec![g.city_id]);
        }
        let committee_city: HashMap<RecordId, RecordId> = ds
            .committees
            .iter()
            .map(|c| (c.meta.id, c.city_id))
            .collect();
        for c in &ds.committees {
            of.insert(c.meta.id, vec![c.city_id]);
        }
        for m in &ds.meetings {
            if let Some(city) = committee_city.get(&m.committee_id) {
                of.insert(m.meta.id, vec![*city]);
            }
        }
        for m in &ds.mous {
            of.insert(m.meta.id, m.city_ids.clone());
        }
        CityIndex { of }
    }

    /// Whether the finding is about `city`: one of its records belongs to the city.
    pub fn concerns(&self, f: &Finding, city: RecordId) -> bool {
        f.records.iter().any(|r| {
            self.of
                .get(&r.id)
                .is_some_and(|cities| cities.contains(&city))
        })
    }
}

/// The findings that match `q`, in the rules' order.
pub fn filter_findings<'a>(
    ds: &Dataset,
    findings: &'a [Finding],
    q: &FindingsQuery,
) -> Vec<&'a Finding> {
    let index = q.city.map(|_| CityIndex::new(ds));
    findings
        .iter()
        .filter(|f| q.importance.is_none_or(|i| f.importance == i))
        .filter(|f| q.rule.is_none_or(|r| f.rule == r))
        .filter(|f| match (&index, q.city) {
            (Some(ix), Some(city)) => ix.concerns(f, city),
            _ => true,
        })
        .collect()
}

/// How many findings of each importance, in `Error, Warning, Info` order.
pub fn importance_counts(findings: &[Finding]) -> [(Importance, usize); 3] {
    [Importance::Error, Importance::Warning, Importance::Info]
        .map(|i| (i, findings.iter().filter(|f| f.importance == i).count()))
}

/// How many findings of each rule, for every rule (zero included), in the rules' order.
pub fn rule_counts(findings: &[Finding]) -> Vec<(RuleCode, usize)> {
    RuleCode::ALL
        .iter()
        .map(|&r| (r, findings.iter().filter(|f| f.rule == r).count()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561_first_paid;
    use crate::domain::rules::check;
    use chrono::NaiveDate;

    fn findings() -> (Dataset, Vec<Finding>) {
        let ds = north_2561_first_paid();
        let f = check(&ds, NaiveDate::from_ymd_opt(2018, 5, 1).unwrap());
        (ds, f)
    }

    #[test]
    fn filters_by_importance_rule_and_city() {
        let (ds, all) = findings();
        assert_eq!(all.len(), 13);
        let q = FindingsQuery::default();
        assert_eq!(filter_findings(&ds, &all, &q).len(), 13);
        let warnings = FindingsQuery {
            importance: Some(Importance::Warning),
            ..q.clone()
        };
        assert_eq!(filter_findings(&ds, &all, &warnings).len(), 13);
        let errors = FindingsQuery {
            importance: Some(Importance::Error),
            ..q.clone()
        };
        assert!(filter_findings(&ds, &all, &errors).is_empty());
        let mismatch = FindingsQuery {
            rule: Some(RuleCode::TotalStatedMismatch),
            ..q.clone()
        };
        assert_eq!(filter_findings(&ds, &all, &mismatch).len(), 1);
        let mae_sot = FindingsQuery {
            city: Some(ds.cities[0].meta.id),
            ..q
        };
        let of_city = filter_findings(&ds, &all, &mae_sot);
        assert_eq!(of_city.len(), 1);
        assert_eq!(of_city[0].rule, RuleCode::InstalmentOverdue);
        assert_eq!(importance_counts(&all)[1], (Importance::Warning, 13));
        let counts = rule_counts(&all);
        assert_eq!(counts.len(), RuleCode::ALL.len());
        assert!(counts.contains(&(RuleCode::InstalmentOverdue, 12)));
    }

    #[test]
    fn a_finding_links_to_its_record_and_field() {
        let (ds, all) = findings();
        let overdue = all
            .iter()
            .find(|f| f.rule == RuleCode::InstalmentOverdue)
            .unwrap();
        let link = finding_link(overdue).unwrap();
        // Only the city is named (its instalment came in time; the rest never did).
        assert_eq!(overdue.records.len(), 1);
        assert_eq!(link, format!("/cities/{}", overdue.records[0].id));
        let mut late = overdue.clone();
        late.field = Some("actual_date".into());
        late.records.push(RecordRef {
            kind: RecordKind::Instalment,
            id: ds.instalments[0].meta.id,
        });
        assert_eq!(
            finding_link(&late).unwrap(),
            format!("/instalments/{}#f-actual_date", ds.instalments[0].meta.id)
        );
        late.field = Some("budgets[0].approved_ceiling".into());
        assert_eq!(
            finding_link(&late).unwrap(),
            format!(
                "/cities/{}/edit#f-budgets-0-approved_ceiling",
                overdue.records[0].id
            )
        );
        let total = all
            .iter()
            .find(|f| f.rule == RuleCode::TotalStatedMismatch)
            .unwrap();
        let link = finding_link(total).unwrap();
        assert!(
            link.starts_with(&format!("/stated-totals/{}", ds.stated_totals[0].meta.id)),
            "{link}"
        );
        assert_eq!(dom_id("members[2].name"), "f-members-2-name");
        assert_eq!(dom_id("amount"), "f-amount");
    }

    #[test]
    fn queries_round_trip_through_the_address() {
        let q = FindingsQuery {
            importance: Some(Importance::Error),
            rule: Some(RuleCode::ProjectCap),
            city: Some(uuid::Uuid::from_u128(5)),
        };
        let params = q.to_params();
        assert!(params.starts_with("?importance=error&rule=project.cap&city="));
        let back = FindingsQuery::from_params(
            Some("error"),
            Some("project.cap"),
            Some(&q.city.unwrap().to_string()),
        );
        assert_eq!(back, q);
        assert_eq!(
            FindingsQuery::from_params(Some("nope"), Some("nope"), Some("x")),
            FindingsQuery::default()
        );
        assert_eq!(FindingsQuery::default().to_params(), "");
    }
}

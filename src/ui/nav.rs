//! The main menu's table: the screens grouped as a programme officer thinks of them
//! (money; cities, committees and communities; reports; exchange with other offices),
//! with the overview and settings on their own. The header renders it (`ui::nav_menu`);
//! plain Rust, so `tests` here check natively that every screen of [`crate::ui::routes`]
//! is reachable from the menu and marks its group.

use crate::domain::records::RecordKind;
use crate::ui::i18n::{Msg, Text};

/// A group of the main menu, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NavGroup {
    Money,
    Places,
    Reports,
    Exchange,
}

impl NavGroup {
    pub const ALL: [NavGroup; 4] = [
        NavGroup::Money,
        NavGroup::Places,
        NavGroup::Reports,
        NavGroup::Exchange,
    ];

    /// The entries of the group's panel.
    pub fn items(self) -> &'static [NavItem] {
        use NavItem::*;
        match self {
            NavGroup::Money => &[Projects, Instalments, Grants, Mous, Parameters],
            NavGroup::Places => &[
                Provinces,
                Cities,
                Committees,
                Meetings,
                Survey,
                SurveyResults,
                SurveyRounds,
                Import,
            ],
            NavGroup::Reports => &[Reports, Findings, StatedTotals],
            NavGroup::Exchange => &[Sync, Conflicts],
        }
    }

    /// A stable name for ids and tests (`nav-group-money`).
    pub fn key(self) -> &'static str {
        match self {
            NavGroup::Money => "money",
            NavGroup::Places => "places",
            NavGroup::Reports => "reports",
            NavGroup::Exchange => "exchange",
        }
    }
}

impl Text for NavGroup {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            NavGroup::Money => ("เงิน", "Money"),
            NavGroup::Places => ("เมืองและชุมชน", "People & places"),
            NavGroup::Reports => ("รายงาน", "Reports"),
            NavGroup::Exchange => ("แลกเปลี่ยนข้อมูล", "Exchange"),
        }
    }
}

/// One entry of a group's panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NavItem {
    Projects,
    Instalments,
    Grants,
    Mous,
    Parameters,
    Provinces,
    Cities,
    Committees,
    Meetings,
    /// The communities of the city-wide survey and their households.
    Survey,
    /// The survey's results, region by region down to a community.
    SurveyResults,
    /// The survey's rounds, city by city.
    SurveyRounds,
    /// Households (and communities) brought in from a spreadsheet.
    Import,
    Reports,
    Findings,
    StatedTotals,
    Sync,
    Conflicts,
}

impl NavItem {
    pub fn href(self) -> &'static str {
        match self {
            NavItem::Projects => "/projects",
            NavItem::Instalments => "/instalments",
            NavItem::Grants => "/grants",
            NavItem::Mous => "/mous",
            NavItem::Parameters => "/parameters",
            NavItem::Provinces => "/provinces",
            NavItem::Cities => "/cities",
            NavItem::Committees => "/committees",
            NavItem::Meetings => "/meetings",
            NavItem::Survey => "/communities",
            NavItem::SurveyResults => "/survey",
            NavItem::SurveyRounds => "/survey-rounds",
            NavItem::Import => "/import",
            NavItem::Reports => "/reports",
            NavItem::Findings => "/findings",
            NavItem::StatedTotals => "/stated-totals",
            NavItem::Sync => "/sync",
            NavItem::Conflicts => "/conflicts",
        }
    }
}

impl Text for NavItem {
    fn pair(self) -> (&'static str, &'static str) {
        let kind = |k: RecordKind| Msg::Kind(k).pair();
        match self {
            NavItem::Projects => kind(RecordKind::Project),
            NavItem::Instalments => kind(RecordKind::Instalment),
            NavItem::Grants => ("งบจังหวัดและงบคณะกรรมการ", "Province and committee grants"),
            NavItem::Mous => kind(RecordKind::Mou),
            NavItem::Parameters => kind(RecordKind::ProgrammeParameters),
            NavItem::Provinces => kind(RecordKind::Province),
            NavItem::Cities => kind(RecordKind::City),
            NavItem::Committees => kind(RecordKind::Committee),
            NavItem::Meetings => kind(RecordKind::Meeting),
            NavItem::Survey => ("ชุมชนและการสำรวจ", "Communities and survey"),
            NavItem::SurveyResults => ("ผลการสำรวจ", "Survey results"),
            NavItem::SurveyRounds => ("รอบการสำรวจ", "Survey rounds"),
            NavItem::Import => ("นำเข้าจาก Excel", "Import from Excel"),
            NavItem::Reports => ("รายงานและเอกสารพิมพ์", "Reports and printouts"),
            NavItem::Findings => ("ผลการตรวจ", "Findings"),
            NavItem::StatedTotals => kind(RecordKind::StatedTotal),
            NavItem::Sync => ("ส่ง/รับข้อมูล", "Send/receive"),
            NavItem::Conflicts => ("ข้อมูลขัดแย้ง", "Conflicts"),
        }
    }
}

/// First path segments that belong to a group without being an entry of it: printouts are
/// reports; a community's households are the survey's; a project's progress reports are
/// money, like the project.
const OTHER_SECTIONS: &[(&str, NavGroup)] = &[
    ("print", NavGroup::Reports),
    ("households", NavGroup::Places),
    ("progress-reports", NavGroup::Money),
];

/// The group whose screen `path` is (a query or fragment is ignored), to mark it in the
/// menu; `None` for the overview, settings and unknown addresses.
pub fn group_of(path: &str) -> Option<NavGroup> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let first = path.trim_start_matches('/').split('/').next()?;
    if first.is_empty() {
        return None;
    }
    NavGroup::ALL
        .into_iter()
        .find(|g| {
            g.items()
                .iter()
                .any(|i| i.href().trim_start_matches('/') == first)
        })
        .or_else(|| {
            OTHER_SECTIONS
                .iter()
                .find(|(s, _)| *s == first)
                .map(|(_, g)| *g)
        })
}

/// Addresses the menu links outside the groups.
pub const TOP_LINKS: [&str; 2] = ["/", "/settings"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::routes::ROUTES;

    #[test]
    fn every_screen_is_in_a_group_or_on_the_bar() {
        for r in ROUTES {
            if r.path == "/_crash" {
                continue;
            }
            let on_bar = TOP_LINKS.contains(&r.path);
            assert_eq!(
                group_of(r.path).is_some(),
                !on_bar,
                "{} should be marked by exactly one place in the menu",
                r.path
            );
        }
    }

    #[test]
    fn every_list_screen_is_an_entry() {
        let entries: Vec<&str> = NavGroup::ALL
            .iter()
            .flat_map(|g| g.items().iter().map(|i| i.href()))
            .collect();
        for r in ROUTES {
            // A list or a page of its own: no parameter, not a printout or the crash test.
            if r.path.contains(':') || r.path == "/_crash" || TOP_LINKS.contains(&r.path) {
                continue;
            }
            assert!(entries.contains(&r.path), "{} is not in the menu", r.path);
        }
        // And nothing in the menu leads nowhere.
        for e in &entries {
            assert!(ROUTES.iter().any(|r| r.path == *e), "{e} is not a route");
        }
        let mut unique = entries.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), entries.len(), "an entry twice");
    }

    #[test]
    fn pages_mark_their_group() {
        assert_eq!(group_of("/"), None);
        assert_eq!(group_of("/settings#kept-aside"), None);
        assert_eq!(group_of("/cities/6315/edit"), Some(NavGroup::Places));
        assert_eq!(group_of("/print/mou/x"), Some(NavGroup::Reports));
        assert_eq!(group_of("/grants/province/new"), Some(NavGroup::Money));
        assert_eq!(group_of("/findings?rule=x"), Some(NavGroup::Reports));
        assert_eq!(group_of("/households/1"), Some(NavGroup::Places));
        assert_eq!(
            group_of("/survey/city/1/households"),
            Some(NavGroup::Places)
        );
        assert_eq!(group_of("/print/community/1"), Some(NavGroup::Reports));
        assert_eq!(group_of("/conflicts"), Some(NavGroup::Exchange));
        assert_eq!(group_of("/nowhere"), None);
    }

    #[test]
    fn labels_in_both_languages() {
        for g in NavGroup::ALL {
            assert!(!g.pair().0.is_empty() && !g.pair().1.is_empty());
            for i in g.items() {
                let (th, en) = i.pair();
                assert!(!th.is_empty() && !en.is_empty() && th != en);
            }
        }
    }
}

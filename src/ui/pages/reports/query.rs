//! What a report shows is chosen in the address (`?fy=2561&region=north&asof=2018-05-01`),
//! so a reload, a link to a drill-down level or a printed sheet keeps the same year, region
//! and "as of" date, and a bookmark without `asof` always means today.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::domain::dates::FiscalYear;
use crate::domain::forms::form::parse_fiscal_year;
use crate::domain::meta::RecordId;
use crate::domain::records::Dataset;
use crate::domain::records::{Province, Region};
use crate::domain::reports::default_fiscal_year;
use crate::ui::state::use_app;

/// The device's date: what "today" means for overdue instalments unless the person picks
/// another "as of" date.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A region as the address names it: its code ("north") when it has one, else its id.
pub fn region_key(ds: &Dataset, id: RecordId) -> String {
    ds.live::<Region>()
        .find(|r| r.meta.id == id && !r.code.trim().is_empty())
        .map_or_else(|| id.to_string(), |r| r.code.clone())
}

/// The region a key in the address names: an id, or the code of a live region.
pub fn resolve_region(ds: &Dataset, key: &str) -> Option<RecordId> {
    if let Ok(id) = key.parse::<RecordId>() {
        return Some(id);
    }
    ds.live::<Region>()
        .find(|r| r.code == key)
        .map(|r| r.meta.id)
}

/// The province an address names by id or ISO code ("TH-65").
pub fn resolve_province(ds: &Dataset, key: &str) -> Option<RecordId> {
    if let Ok(id) = key.parse::<RecordId>() {
        return Some(id);
    }
    ds.live::<Province>()
        .find(|p| p.code.eq_ignore_ascii_case(key))
        .map(|p| p.meta.id)
}

/// The choices of a report screen, read from the address; `Copy` for closures.
#[derive(Clone, Copy)]
pub struct ReportChoice {
    /// The year chosen, else the dataset's default year.
    pub fy: Memo<FiscalYear>,
    /// The year written in the address, if any (a city's sheet opens on the city's own
    /// latest year otherwise).
    pub fy_param: Memo<Option<FiscalYear>>,
    /// The region chosen on the dashboard (`None`: every region).
    pub region: Memo<Option<RecordId>>,
    /// The "as of" date written in the address; `None` means today.
    pub as_of_param: Memo<Option<NaiveDate>>,
    /// The date overdue and due-soon are counted on.
    pub as_of: Memo<NaiveDate>,
    dataset: RwSignal<Dataset>,
    path: Memo<String>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// The parts of a report address, written back as a query string.
struct Query {
    fy: FiscalYear,
    region: Option<String>,
    as_of: Option<NaiveDate>,
}

impl Query {
    fn render(&self) -> String {
        let mut s = format!("?fy={}", self.fy.0);
        if let Some(key) = &self.region {
            s.push_str("&region=");
            s.push_str(key);
        }
        if let Some(d) = self.as_of {
            s.push_str(&format!("&asof={}", d.format("%Y-%m-%d")));
        }
        s
    }
}

/// Reads the report's choices; call in a component (it needs the router and the app).
pub fn use_report_choice() -> ReportChoice {
    let app = use_app();
    let query = use_query_map();
    let location = use_location();
    let fy_param = Memo::new(move |_| query.with(|q| q.get_str("fy").and_then(parse_fiscal_year)));
    let fy = Memo::new(move |_| {
        fy_param
            .get()
            .unwrap_or_else(|| app.dataset.with(|ds| default_fiscal_year(ds, today())))
    });
    let region = Memo::new(move |_| {
        let key = query.with(|q| q.get("region"))?;
        app.dataset.with(|ds| resolve_region(ds, &key))
    });
    let as_of_param = Memo::new(move |_| {
        query.with(|q| {
            q.get_str("asof")
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        })
    });
    let as_of = Memo::new(move |_| as_of_param.get().unwrap_or_else(today));
    let path = Memo::new(move |_| location.pathname.get());
    let navigate: Navigate = Box::new(use_navigate());
    ReportChoice {
        fy,
        fy_param,
        region,
        as_of_param,
        as_of,
        dataset: app.dataset,
        path,
        navigate: StoredValue::new_local(navigate),
    }
}

impl ReportChoice {
    fn current(self) -> Query {
        Query {
            fy: self.fy.get_untracked(),
            region: self
                .region
                .get_untracked()
                .map(|id| self.dataset.with_untracked(|ds| region_key(ds, id))),
            as_of: self.as_of_param.get_untracked(),
        }
    }

    /// A link to `path` keeping the year and "as of" date (tracks them, for `href=`).
    pub fn link(self, path: &str) -> String {
        self.fy.track();
        self.as_of_param.track();
        let mut q = self.current();
        q.region = None;
        format!("{path}{}", q.render())
    }

    fn go(self, q: Query) {
        let url = format!("{}{}", self.path.get_untracked(), q.render());
        self.navigate.with_value(|navigate| {
            navigate(
                &url,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            )
        });
    }

    pub fn set_fy(self, fy: FiscalYear) {
        let mut q = self.current();
        q.fy = fy;
        self.go(q);
    }

    /// `None`: every region.
    pub fn set_region(self, key: Option<String>) {
        let mut q = self.current();
        q.region = key;
        self.go(q);
    }

    /// `None`: back to today.
    pub fn set_as_of(self, d: Option<NaiveDate>) {
        let mut q = self.current();
        q.as_of = d;
        self.go(q);
    }
}

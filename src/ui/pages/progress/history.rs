//! A project's progress history on its page: every report, newest first, each opening its
//! own page, and "add a progress report"; and the choice of a city's reports that the
//! instalment form offers.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::ProgressText;
use crate::domain::dates::{format_be_short, format_en};
use crate::domain::meta::RecordId;
use crate::domain::records::{reports_of, ProgressReport, Project};
use crate::domain::sorting::SortSmall;
use crate::ui::fmt;
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::state::use_app;

/// One line of the history, read once from the dataset.
#[derive(Clone, PartialEq)]
struct Line {
    id: RecordId,
    date: Option<chrono::NaiveDate>,
    percent: u8,
    spent: Option<crate::domain::money::Baht>,
    work_done: String,
}

impl Line {
    fn of(r: &ProgressReport) -> Line {
        Line {
            id: r.meta.id,
            date: r.date,
            percent: r.percent,
            spent: r.spent_to_date,
            work_done: r.work_done.clone(),
        }
    }
}

/// The reports of `project`, newest first, with the link that adds one.
#[component]
pub fn ProgressHistory(
    /// The project whose reports are shown.
    project: RecordId,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let lines = Memo::new(move |_| {
        app.dataset.with(|ds| {
            reports_of(ds, project)
                .into_iter()
                .map(Line::of)
                .collect::<Vec<_>>()
        })
    });
    let row = move |l: Line| {
        let date = move || match l.date {
            Some(d) => fmt::date(i18n.lang.get(), d),
            None => i18n.t(ProgressText::Undated).to_owned(),
        };
        let spent = l.spent.map(|b| {
            view! { <span>{tr(ProgressText::SpentShort)} " " {fmt::money(b)} " " {tr(ProgressText::Baht)}</span> }
        });
        view! {
            <li data-testid="progress-report">
                <A href=format!("/progress-reports/{}", l.id)><strong>{date}</strong></A>
                " · " <span>{l.percent} "%"</span>
                {spent.map(|s| view! { " · " {s} })}
                {(!l.work_done.is_empty()).then(|| view! { <span class="sub" lang=fmt::text_lang(&l.work_done)>{l.work_done.clone()}</span> })}
            </li>
        }
    };
    view! {
        <section class="panel" aria-labelledby="progress-history-title" data-testid="progress-history">
            <h2 id="progress-history-title">{tr(ProgressText::History)}</h2>
            <p class="hint">{tr(ProgressText::HistoryIntro)}</p>
            <p><A href=format!("/progress-reports/new?project={project}")>{tr(ProgressText::Add)}</A></p>
            <p><A href=format!("/print/project/{project}") attr:class="button secondary"
                attr:data-testid="print-progress">{tr(ProgressText::PrintLink)}</A></p>
            {move || {
                let ls = lines.get();
                if ls.is_empty() {
                    view! { <p class="empty">{tr(ProgressText::NoReports)}</p> }.into_any()
                } else {
                    view! { <ul class="plain">{ls.into_iter().map(row).collect_view()}</ul> }.into_any()
                }
            }}
        </section>
    }
}

/// `(id, "date · project · percent")` for the live reports of `city`'s projects, newest
/// first, for the instalment form's choice; the chosen one stays listed even when it is
/// another city's, so the finding about it can be seen and the choice changed.
pub fn report_options(
    city: Signal<String>,
    chosen: Signal<String>,
) -> Signal<Vec<(String, String)>> {
    let app = use_app();
    let i18n = use_i18n();
    Signal::derive(move || {
        let thai = i18n.lang.get() == Lang::Th;
        let city = uuid::Uuid::parse_str(&city.get()).ok();
        let chosen = uuid::Uuid::parse_str(&chosen.get()).ok();
        app.dataset.with(|ds| {
            let mut v: Vec<(&ProgressReport, &Project)> = ds
                .live::<ProgressReport>()
                .filter_map(|r| Some((r, ds.get::<Project>(r.project_id)?)))
                .filter(|(r, p)| Some(p.city_id) == city || Some(r.meta.id) == chosen)
                .collect();
            v.sort_by_small(|a, b| b.0.date.cmp(&a.0.date));
            v.into_iter()
                .map(|(r, p)| {
                    let date = match (r.date, thai) {
                        (Some(d), true) => format_be_short(d),
                        (Some(d), false) => format_en(d),
                        (None, _) => "–".to_owned(),
                    };
                    (
                        r.meta.id.to_string(),
                        format!("{date} · {} · {}%", p.title, r.percent),
                    )
                })
                .collect()
        })
    })
}

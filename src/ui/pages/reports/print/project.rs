//! `/print/project/:id`: a project's progress report on A4 with its photos — what the
//! project is, the city's instalments of its year, its dated reports oldest first, then the
//! photos as a grid with captions and the PDFs by name. What goes on it, in what order, is
//! `domain::reports::progress_sheet`; this page renders it.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::meta::RecordId;
use crate::domain::reports::progress_sheet::{progress_sheet, ProgressSheet, ReportLine};
use crate::ui::fmt;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::pages::progress::text::ProgressText as P;
use crate::ui::state::use_app;
use crate::ui::table::{Col, SheetTable};

use super::project_photos::{DocumentList, PhotoGrid};
use super::{as_of_line, place_line, PrintPage};

#[component]
pub fn ProjectPrintPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<RecordId>().ok())));
    let sheet = Memo::new(move |_| {
        app.dataset
            .with(|ds| id.get().and_then(|id| progress_sheet(ds, id)))
    });
    let back = Signal::derive(move || match id.get() {
        Some(id) => format!("/projects/{id}"),
        None => "/projects".into(),
    });
    view! {
        <PrintPage back sheet=move || Ok(match sheet.get() {
            Some(s) => view! { <ProgressSheetView s/> }.into_any(),
            None => view! {
                <h1>{tr(P::SheetTitle)}</h1>
                <p class="field-error" role="alert" data-testid="sheet-error">{tr(P::SheetNotFound)}</p>
            }
            .into_any(),
        })/>
    }
}

fn money_or_dash(b: Option<crate::domain::money::Baht>) -> String {
    b.map_or_else(|| "–".into(), fmt::money)
}

#[component]
fn ProgressSheetView(
    /// The sheet from the domain.
    s: ProgressSheet,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang.get();
    let p = s.project.clone();
    let city = {
        let place = s.place.clone();
        move || place_line(i18n, &[], &place)
    };
    let communities = if s.communities.is_empty() {
        "–".to_owned()
    } else {
        s.communities.join(", ")
    };
    let (category, status, fy) = (p.category, p.status(), s.fiscal_year);
    let progress = s.progress;
    let done = move || match progress.reported_on {
        Some(d) => format!(
            "{}% ({} {})",
            progress.percent,
            i18n.t(P::FromReport),
            fmt::date(lang(), d)
        ),
        None => format!("{}%", progress.percent),
    };
    let co_funding = if s.co_funding.is_zero() {
        "–".to_owned()
    } else {
        fmt::money(s.co_funding)
    };
    let instalments: Vec<AnyView> = s
        .instalments
        .iter()
        .cloned()
        .map(|i| {
            view! {
                <tr>
                    <td>{i.number}</td>
                    <td class="num">{fmt::money(i.amount)}</td>
                    <td>{move || fmt::opt_date(lang(), i.planned_date)}</td>
                    <td>{move || fmt::opt_date(lang(), i.requested_date)}</td>
                    <td>{move || fmt::opt_date(lang(), i.actual_date)}</td>
                    <td>{move || i.rests_on.map_or_else(|| "–".to_owned(), |d| fmt::opt_date(lang(), d))}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    let reports = s.reports.clone();
    let today = crate::ui::edit::today();
    view! {
        <article class="sheet progress-sheet" data-testid="progress-sheet">
            <header class="sheet-head">
                <h1>{tr(P::SheetTitle)}</h1>
                <p class="center strong" lang=fmt::text_lang(&p.title) data-testid="sheet-project">{p.title.clone()}</p>
                <p class="center">{city}</p>
                <p class="center">{move || as_of_line(i18n, today)}</p>
            </header>
            <h2>{tr(P::SheetProject)}</h2>
            <table class="sheet-table figures-table">
                <tbody>
                    <tr><th scope="row">{tr(P::SheetProposer)}</th><td lang=fmt::text_lang(&p.proposer)>{p.proposer.clone()}</td></tr>
                    <tr><th scope="row">{tr(P::SheetCommunities)}</th><td>{communities}</td></tr>
                    <tr><th scope="row">{tr(P::SheetCategory)}</th><td>{move || fmt::label(lang(), &category)}</td></tr>
                    <tr><th scope="row">{tr(P::SheetFiscalYear)}</th><td>{move || fmt::doc_fiscal_year(lang(), fy)}</td></tr>
                    <tr><th scope="row">{tr(P::SheetStatus)}</th><td>{move || fmt::label(lang(), &status)}</td></tr>
                    <tr><th scope="row">{tr(P::SheetRequested)}</th><td class="num">{money_or_dash(p.amount_requested)}</td></tr>
                    <tr><th scope="row">{tr(P::SheetApproved)}</th><td class="num">{money_or_dash(p.amount_approved)}</td></tr>
                    <tr><th scope="row">{tr(P::SheetCoFunding)}</th><td class="num">{co_funding}</td></tr>
                    <tr><th scope="row">{tr(P::SheetDone)}</th><td data-testid="sheet-progress">{done}</td></tr>
                    <tr><th scope="row">{tr(P::SheetSpent)}</th><td class="num">{money_or_dash(progress.spent_to_date)}</td></tr>
                </tbody>
            </table>
            <h2>{tr(P::SheetInstalments)}</h2>
            // Six columns do not fit a phone: the table scrolls inside its frame, the page
            // does not (print.css lets it out on paper).
            <div class="table-wrap">
                <SheetTable testid="sheet-instalments" empty=P::SheetNoInstalments cols=vec![
                    Col::text(P::SheetInstalmentNo), Col::num(P::SheetAmount), Col::text(P::SheetPlanned),
                    Col::text(P::SheetRequestedOn), Col::text(P::SheetTransferred), Col::text(P::SheetRestsOn),
                ] rows=instalments/>
            </div>
            <h2>{tr(P::SheetReports)}</h2>
            {if reports.is_empty() {
                view! { <p class="muted">{tr(P::SheetNoReports)}</p> }.into_any()
            } else {
                reports.into_iter().map(|r| view! { <ReportBlock r/> }).collect_view().into_any()
            }}
            <h2>{tr(P::SheetPhotos)}</h2>
            <PhotoGrid photos=s.photos.clone()/>
            <DocumentList documents=s.documents.clone()/>
        </article>
    }
}

/// One dated report: its date and percent, then what was done, spent and problems.
#[component]
fn ReportBlock(
    /// The report's line from the sheet.
    r: ReportLine,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang.get();
    let date = r.date;
    let heading = move || match date {
        Some(d) => fmt::doc_date(lang(), d),
        None => i18n.t(P::Undated).to_owned(),
    };
    let para = |label: P, text: String| {
        (!text.trim().is_empty()).then(|| {
            view! {
                <p><strong>{tr(label)} ": "</strong><span lang=fmt::text_lang(&text)>{text.clone()}</span></p>
            }
        })
    };
    let files = r.files;
    view! {
        <section class="sheet-report" data-testid="sheet-report">
            <h3>{heading} " · " {r.percent} "%"</h3>
            {para(P::WorkDone, r.work_done.clone())}
            {r.spent_to_date.map(|b| view! {
                <p><strong>{tr(P::Spent)} ": "</strong>{fmt::money(b)}</p>
            })}
            {para(P::Problems, r.problems.clone())}
            {(files > 0).then(|| view! { <p class="muted">{tr(P::SheetFiles)} " " {files}</p> })}
        </section>
    }
}

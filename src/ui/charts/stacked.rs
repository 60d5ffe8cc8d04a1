//! Places side by side, each a bar divided by share (house condition, need, …), with the
//! same figures in a table under it: the chart is for comparing by eye, the table is its
//! text equivalent for a screen reader, a printout and anyone who wants the numbers.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::reports::survey_tree::shares;
use crate::ui::fmt;
use crate::ui::i18n::use_i18n;
use crate::ui::table::{Col, ReportTable};

/// One bar: a place's names, where its link goes (none on a printed sheet), its counts.
#[derive(Debug, Clone, PartialEq)]
pub struct StackedRow {
    pub th: String,
    pub en: String,
    pub href: Option<String>,
    pub counts: Vec<usize>,
}

/// The colour class of segment `i` of `n` (the last is "not recorded", grey).
fn segment_class(i: usize, n: usize) -> String {
    if i + 1 == n {
        "seg seg-unknown".into()
    } else {
        format!("seg seg-{i}")
    }
}

#[component]
pub fn StackedBars<H: crate::ui::i18n::Text + Copy + Send + Sync + 'static>(
    /// What the chart divides by, e.g. "สภาพบ้าน".
    title: H,
    /// The heading of the places' column.
    place: H,
    /// Each segment's words, in order; the last is "not recorded".
    labels: Vec<(&'static str, &'static str)>,
    /// The places.
    rows: Vec<StackedRow>,
    /// `data-testid` of the chart's list.
    testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = labels.len();
    let legend = labels
        .iter()
        .enumerate()
        .map(|(i, &(th, en))| {
            view! {
                <li><span class=format!("swatch {}", segment_class(i, n)) aria-hidden="true"></span>{move || i18n.pick(th, en)}</li>
            }
        })
        .collect_view();
    let bars = rows
        .iter()
        .cloned()
        .map(|r| {
            let parts = shares(&r.counts);
            let mut x = 0.0;
            let rects = parts
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let w = super::drawn(*s);
                    let at = x;
                    x += w;
                    view! { <rect class=segment_class(i, n) x=fmt::percent(at) y="2" width=fmt::percent(w) height="22"></rect> }
                })
                .collect_view();
            let total: usize = r.counts.iter().sum();
            let (labels, counts) = (labels.clone(), r.counts.clone());
            let (th, en) = (r.th.clone(), r.en.clone());
            let label = Signal::derive(move || {
                let parts: Vec<String> = labels
                    .iter()
                    .zip(&counts)
                    .map(|(&(lt, le), c)| format!("{} {}", i18n.pick(lt, le), fmt::number(*c)))
                    .collect();
                format!("{}: {}", i18n.pick(&th, &en), parts.join(", "))
            });
            let name = {
                let (th, en) = (r.th.clone(), r.en.clone());
                move || i18n.pick(&th, &en).to_owned()
            };
            let head = match r.href {
                Some(h) => view! { <A href=h>{name}</A> }.into_any(),
                None => view! { <span>{name}</span> }.into_any(),
            };
            view! {
                <li>
                    <span class="stacked-name">{head}</span>
                    <svg class="stacked-bar" role="img" aria-label=label width="100%" height="26" focusable="false">
                        <title>{label}</title>
                        <rect class="bar-track" x="0" y="0" width="100%" height="26" rx="3"></rect>
                        {rects}
                    </svg>
                    <span class="stacked-total">{fmt::number(total)}</span>
                </li>
            }
        })
        .collect_view();
    let mut cols = vec![Col::text(place)];
    cols.extend(labels.iter().map(|&(th, en)| Col::num_pair(th, en)));
    let body = rows
        .into_iter()
        .map(|r| {
            let cells = r
                .counts
                .iter()
                .map(|c| view! { <td class="num">{fmt::number(*c)}</td> })
                .collect_view();
            let (th, en) = (r.th, r.en);
            view! { <tr><th scope="row">{move || i18n.pick(&th, &en).to_owned()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <figure class="stacked-chart">
            <figcaption class="strong">{move || i18n.t(title)}</figcaption>
            <ul class="bar-legend" aria-hidden="true">{legend}</ul>
            <ul class="stacked-bars" data-testid=testid>{bars}</ul>
            <ReportTable cols class="report-table stacked-table">{body}</ReportTable>
        </figure>
    }
}

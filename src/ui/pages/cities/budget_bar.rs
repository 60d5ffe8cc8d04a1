//! The city's budget bar: approved, committed and transferred against the cap, with the
//! remaining amount. Figures come from `domain::reports` (the same as every report).

use leptos::prelude::*;

use super::text::CityText;
use crate::domain::editing::city_page::{bar_geometry, CityFigures};
use crate::ui::i18n::tr;

fn pct(f: f64) -> String {
    format!("{:.2}%", f * 100.0)
}

/// One year's bar.
#[component]
pub fn BudgetBar(
    /// The city's figures for the year.
    figures: CityFigures,
) -> impl IntoView {
    let g = bar_geometry(&figures);
    let over = figures.over_cap();
    let f = figures;
    view! {
        <div class="budget" data-testid="budget-bar">
            <div class="budget-track" aria-hidden="true">
                <div class="budget-approved" style=format!("width:{}", pct(g.approved))></div>
                <div class="budget-committed" class:over=over style=format!("width:{}", pct(g.committed))></div>
                <div class="budget-transferred" style=format!("width:{}", pct(g.transferred))></div>
                <div class="budget-cap" style=format!("left:{}", pct(g.cap))></div>
            </div>
            <dl class="budget-figures">
                <div class="fig fig-approved"><dt>{tr(CityText::Approved)}</dt><dd>{f.approved.format()}</dd></div>
                <div class="fig fig-committed"><dt>{tr(CityText::Committed)}</dt><dd data-testid="committed">{f.committed.format()}</dd></div>
                <div class="fig fig-transferred"><dt>{tr(CityText::Transferred)}</dt><dd>{f.transferred.format()}</dd></div>
                <div class="fig fig-remaining"><dt>{tr(CityText::Remaining)}</dt><dd>{f.remaining.format()}</dd></div>
                <div class="fig fig-cap"><dt>{tr(CityText::Cap)}</dt><dd>{f.cap.format()}</dd></div>
            </dl>
            {over.then(|| view! { <p class="mark mark-error" role="note">{tr(CityText::OverCap)}</p> })}
        </div>
    }
}

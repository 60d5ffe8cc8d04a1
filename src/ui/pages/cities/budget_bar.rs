//! The city's budget bar: approved, committed and transferred against the cap, with the
//! remaining amount. Figures come from `domain::reports` (the same as every report).

use leptos::prelude::*;

use super::text::CityText;
use crate::domain::views::city_page::{bar_geometry, CityFigures};
use crate::ui::charts::drawn;
use crate::ui::i18n::tr;

/// The bar is drawn in SVG user units (0–1000 wide): sizes as attributes, not inline
/// styles, which the Content-Security-Policy (`style-src 'self'`) would block.
fn w(share: rust_decimal::Decimal) -> String {
    format!("{:.1}", drawn(share) * 1000.0)
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
            <svg class="budget-track" viewBox="0 0 1000 40" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect class="budget-bg" x="0" y="0" width="1000" height="40"/>
                <rect class="budget-approved" x="0" y="0" width=w(g.approved_width) height="40"/>
                <rect class="budget-committed" class:over=over x="0" y="8" width=w(g.committed_width) height="24"/>
                <rect class="budget-transferred" x="0" y="14" width=w(g.transferred_width) height="12"/>
                <rect class="budget-cap" x=w(g.cap_at - rust_decimal::Decimal::new(3, 3)) y="0" width="3" height="40"/>
            </svg>
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

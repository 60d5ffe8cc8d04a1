//! One city's horizontal bars against its cap: approved, committed and transferred, on a
//! scale shared by every city of the drill-down so cities compare by eye.

use leptos::prelude::*;

use crate::ui::fmt::percent;
use crate::ui::i18n::tr;
use crate::ui::pages::reports::text::ReportText as T;

/// The shares of the common scale, from `DrillDown::fraction`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CityBarShares {
    pub cap: f64,
    pub approved: f64,
    pub committed: f64,
    pub transferred: f64,
}

#[component]
pub fn CityBarChart(
    /// Bar lengths as shares of the drill-down's scale.
    shares: CityBarShares,
    /// The accessible name with every figure, e.g. "เทศบาลนครแม่สอด: เพดาน 500,000 บาท …".
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    view! {
        <svg
            class="city-bar"
            role="img"
            aria-label=label
            width="100%"
            height="46"
            focusable="false"
        >
            <title>{label}</title>
            <rect class="bar-track" x="0" y="0" width="100%" height="46" rx="4"></rect>
            <rect class="bar-cap" x="0" y="2" width=percent(shares.cap) height="42" rx="3"></rect>
            <rect class="bar-approved" x="0" y="6" width=percent(shares.approved) height="10"></rect>
            <rect class="bar-committed" x="0" y="18" width=percent(shares.committed) height="10"></rect>
            <rect class="bar-transferred" x="0" y="30" width=percent(shares.transferred) height="10"></rect>
            <line class="bar-cap-mark" x1=percent(shares.cap) x2=percent(shares.cap) y1="0" y2="46"></line>
        </svg>
    }
}

/// What each bar's colour means.
#[component]
pub fn BarLegend() -> impl IntoView {
    view! {
        <ul class="bar-legend" aria-label=tr(T::Legend)>
            <li><span class="swatch bar-cap" aria-hidden="true"></span>{tr(T::Cap)}</li>
            <li><span class="swatch bar-approved" aria-hidden="true"></span>{tr(T::Approved)}</li>
            <li><span class="swatch bar-committed" aria-hidden="true"></span>{tr(T::Committed)}</li>
            <li><span class="swatch bar-transferred" aria-hidden="true"></span>{tr(T::Transferred)}</li>
        </ul>
    }
}

//! SVG charts drawn from report data. Bars are shares computed by the domain
//! (`DrillDown::fraction`, `BarScale`); each chart carries its numbers in an accessible
//! name (`role="img"`, `aria-label`, `<title>`) so a screen reader hears the figures.

mod category;
mod city_bar;
mod stacked;

pub use category::CategoryChart;
pub use city_bar::{BarLegend, CityBarChart, CityBarShares};
pub use stacked::{StackedBars, StackedRow};

/// A share the domain computed (0 to 1, a `Decimal`) as the float an SVG width needs: the
/// only place a money-derived number becomes a float, and only for drawing.
pub fn drawn(share: rust_decimal::Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    share.to_f64().unwrap_or(0.0)
}

//! SVG charts drawn from report data. Bars are shares computed by the domain
//! (`DrillDown::fraction`, `BarScale`); each chart carries its numbers in an accessible
//! name (`role="img"`, `aria-label`, `<title>`) so a screen reader hears the figures.

mod category;
mod city_bar;

pub use category::CategoryChart;
pub use city_bar::{BarLegend, CityBarChart, CityBarShares};

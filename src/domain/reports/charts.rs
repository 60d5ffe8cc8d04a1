//! Geometry for bar charts of counts and amounts: the share of the longest bar each value
//! takes. Only the drawing uses a float; every figure a chart labels stays a count or a
//! [`Baht`]. (City bars against their cap use [`DrillDown::fraction`](super::DrillDown),
//! whose common scale spans every city.)

use rust_decimal::Decimal;

use crate::domain::money::Baht;

use super::dashboard::CategoryRow;

/// The largest value of a chart; every bar is drawn as a share of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BarScale {
    max: Decimal,
}

impl BarScale {
    /// A scale whose longest bar is the largest of `amounts` (negatives count as zero).
    pub fn of_amounts(amounts: impl IntoIterator<Item = Baht>) -> BarScale {
        let max = amounts
            .into_iter()
            .map(Baht::as_decimal)
            .fold(Decimal::ZERO, Decimal::max);
        BarScale { max }
    }

    /// A scale whose longest bar is the largest of `counts`.
    pub fn of_counts(counts: impl IntoIterator<Item = usize>) -> BarScale {
        let max = counts.into_iter().max().unwrap_or(0);
        BarScale {
            max: Decimal::from(max),
        }
    }

    /// Whether every value is zero: the chart has nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.max.is_zero()
    }

    /// The share of the longest bar, from 0 to 1 (a `Decimal`: the chart makes it a width).
    ///
    /// ```
    /// use mueang::domain::money::Baht;
    /// use mueang::domain::reports::BarScale;
    /// let s = BarScale::of_amounts([Baht::whole(500_000), Baht::whole(350_000)]);
    /// assert_eq!(s.amount(Baht::whole(350_000)), rust_decimal::Decimal::new(7, 1));
    /// assert!(s.amount(Baht::whole(-1)).is_zero());
    /// ```
    pub fn amount(&self, a: Baht) -> Decimal {
        self.share(a.as_decimal())
    }

    /// The share of the longest bar for a count.
    ///
    /// ```
    /// use mueang::domain::reports::BarScale;
    /// let s = BarScale::of_counts([4, 1, 0]);
    /// assert_eq!(s.count(1), rust_decimal::Decimal::new(25, 2));
    /// assert!(BarScale::of_counts([0, 0]).count(0).is_zero());
    /// ```
    pub fn count(&self, n: usize) -> Decimal {
        self.share(Decimal::from(n))
    }

    fn share(&self, v: Decimal) -> Decimal {
        if self.max.is_zero() || v.is_sign_negative() {
            return Decimal::ZERO;
        }
        (v / self.max).clamp(Decimal::ZERO, Decimal::ONE)
    }
}

/// The scales of the "projects by category" chart: one for counts, one for committed money.
pub fn category_scales(rows: &[CategoryRow]) -> (BarScale, BarScale) {
    (
        BarScale::of_counts(rows.iter().map(|r| r.count)),
        BarScale::of_amounts(rows.iter().map(|r| r.committed)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::Category;

    fn row(category: Category, count: usize, committed: i64) -> CategoryRow {
        CategoryRow {
            category,
            count,
            requested: Baht::ZERO,
            committed: Baht::whole(committed),
        }
    }

    #[test]
    fn bars_are_shares_of_the_largest() {
        let rows = [
            row(Category::Housing, 3, 150_000),
            row(Category::Youth, 1, 50_000),
            row(Category::Health, 0, 0),
        ];
        let (counts, money) = category_scales(&rows);
        let third = Decimal::ONE / Decimal::from(3);
        assert_eq!(counts.count(3), Decimal::ONE);
        assert_eq!(counts.count(1), third);
        assert_eq!(money.amount(Baht::whole(50_000)), third);
        assert!(money.amount(Baht::ZERO).is_zero());
        assert!(!counts.is_empty());
    }

    #[test]
    fn an_empty_chart_draws_nothing() {
        let rows = [row(Category::Housing, 0, 0)];
        let (counts, money) = category_scales(&rows);
        assert!(counts.is_empty() && money.is_empty());
        assert!(counts.count(0).is_zero());
        assert!(money.amount(Baht::whole(10)).is_zero());
    }

    #[test]
    fn a_value_above_the_scale_is_clamped() {
        let s = BarScale::of_amounts([Baht::whole(100)]);
        assert_eq!(s.amount(Baht::whole(250)), Decimal::ONE);
    }
}

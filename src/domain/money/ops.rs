//! Arithmetic on [`Baht`].

use super::Baht;

// Sums and differences saturate at `Decimal`'s ends instead of panicking. Amounts in range
// (at most `Baht::LIMIT`) cannot get there: a million of them add up to 10^18, far below
// 7.9 × 10^28; only a stored value outside its range can, and `value.out_of_range` names it.
impl std::ops::Add for Baht {
    type Output = Baht;
    fn add(self, rhs: Baht) -> Baht {
        Baht(self.0.saturating_add(rhs.0))
    }
}

impl std::ops::Sub for Baht {
    type Output = Baht;
    fn sub(self, rhs: Baht) -> Baht {
        Baht(self.0.saturating_sub(rhs.0))
    }
}

impl std::ops::AddAssign for Baht {
    fn add_assign(&mut self, rhs: Baht) {
        self.0 = self.0.saturating_add(rhs.0);
    }
}

impl std::ops::SubAssign for Baht {
    fn sub_assign(&mut self, rhs: Baht) {
        self.0 = self.0.saturating_sub(rhs.0);
    }
}

impl std::iter::Sum for Baht {
    fn sum<I: Iterator<Item = Baht>>(iter: I) -> Baht {
        iter.fold(Baht::ZERO, |a, b| a + b)
    }
}

impl<'a> std::iter::Sum<&'a Baht> for Baht {
    fn sum<I: Iterator<Item = &'a Baht>>(iter: I) -> Baht {
        iter.copied().sum()
    }
}

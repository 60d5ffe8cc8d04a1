//! The benches' timed runs: each run's milliseconds, sorted, and the line that reports them.
//! Benches print and assert no time (docs/development.md).

use std::fmt;
use std::time::Instant;

/// Milliseconds since `start`.
pub fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// The sorted times of `runs` runs (at least one) of `f`.
pub struct Runs(Vec<f64>);

impl Runs {
    pub fn time(runs: usize, mut f: impl FnMut()) -> Runs {
        let mut times: Vec<f64> = (0..runs.max(1))
            .map(|_| {
                let start = Instant::now();
                f();
                ms(start)
            })
            .collect();
        times.sort_by(f64::total_cmp);
        Runs(times)
    }
}

/// "median 1.23 ms over 15 runs (min 1.10 ms, max 1.90 ms)".
impl fmt::Display for Runs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = &self.0;
        write!(
            f,
            "median {:.2} ms over {} runs (min {:.2} ms, max {:.2} ms)",
            t[t.len() / 2],
            t.len(),
            t[0],
            t[t.len() - 1]
        )
    }
}

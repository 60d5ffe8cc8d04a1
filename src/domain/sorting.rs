//! Sorting that costs the wasm one sort routine instead of one per call site.
//!
//! The standard library's sorts are generic over the element type *and* the comparison
//! closure, so every `sort_by(|a, b| ..)` in the app compiled to its own ~5 kB copy of the
//! sort algorithm: about 200 kB of the app's wasm (measured with the name section). Here
//! the algorithm runs once, on indices, behind a `dyn` comparison; the elements are then
//! put in place by following the permutation's cycles. Stable, O(n log n), one `Vec<u32>`
//! of scratch: fine for the 10,000-project lists the app sorts.

use std::cmp::Ordering;

/// The one instantiation of the standard (stable) sort in the app.
fn sort_indices(indices: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    indices.sort_by(|&a, &b| cmp(a, b));
}

/// Stable sorts for slices, named like the standard ones with a `_small` suffix.
pub trait SortSmall<T> {
    fn sort_by_small(&mut self, cmp: impl Fn(&T, &T) -> Ordering);

    fn sort_by_key_small<K: Ord>(&mut self, key: impl Fn(&T) -> K) {
        self.sort_by_small(|a, b| key(a).cmp(&key(b)));
    }

    /// Each key computed once, for keys that cost something (normalised names).
    fn sort_by_cached_key_small<K: Ord>(&mut self, key: impl Fn(&T) -> K);

    fn sort_small(&mut self)
    where
        T: Ord,
    {
        self.sort_by_small(T::cmp);
    }
}

impl<T> SortSmall<T> for [T] {
    fn sort_by_small(&mut self, cmp: impl Fn(&T, &T) -> Ordering) {
        let mut order = identity(self.len());
        sort_indices(&mut order, &|a, b| {
            cmp(&self[a as usize], &self[b as usize])
        });
        apply_order(self, &order);
    }

    fn sort_by_cached_key_small<K: Ord>(&mut self, key: impl Fn(&T) -> K) {
        let keys: Vec<K> = self.iter().map(key).collect();
        let mut order = identity(self.len());
        sort_indices(&mut order, &|a, b| keys[a as usize].cmp(&keys[b as usize]));
        apply_order(self, &order);
    }
}

fn identity(len: usize) -> Vec<u32> {
    let n = u32::try_from(len).expect("fewer than 4 billion elements");
    (0..n).collect()
}

/// Puts `order[k]`'s element at `k`, following each cycle of the permutation once.
fn apply_order<T>(v: &mut [T], order: &[u32]) {
    let mut placed = vec![false; v.len()];
    for start in 0..v.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at] as usize;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs with repeated keys show stability: equal keys keep their order.
        let mut seed = 12345u64;
        for len in [0usize, 1, 2, 3, 7, 50, 1000] {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            ours.sort_by_key_small(|p| p.0);
            let mut std_sorted = v.clone();
            std_sorted.sort_by_key(|p| p.0);
            assert_eq!(ours, std_sorted, "len {len}");
            let mut cached = v.clone();
            cached.sort_by_cached_key_small(|p| p.0);
            assert_eq!(cached, std_sorted, "cached, len {len}");
        }
    }

    #[test]
    fn sort_small_orders_values() {
        let mut v = vec!["ค", "ก", "ข", "ก"];
        v.sort_small();
        assert_eq!(v, ["ก", "ก", "ข", "ค"]);
    }
}

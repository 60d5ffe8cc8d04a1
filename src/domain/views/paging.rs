//! Long lists shown a page at a time (projects, findings).

/// One page of a list: `page` counts from 0 and is clamped to the last page.
/// Returns the slice and the number of pages (at least 1).
pub fn page<T>(items: &[T], page: usize, per_page: usize) -> (&[T], usize) {
    let per_page = per_page.max(1);
    let pages = items.len().div_ceil(per_page).max(1);
    let page = page.min(pages - 1);
    let start = page * per_page;
    let end = (start + per_page).min(items.len());
    (&items[start.min(end)..end], pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages() {
        let items: Vec<u32> = (0..105).collect();
        let (p, n) = page(&items, 0, 50);
        assert_eq!((p.len(), n), (50, 3));
        let (p, _) = page(&items, 2, 50);
        assert_eq!(p, &[100, 101, 102, 103, 104]);
        let (p, _) = page(&items, 9, 50);
        assert_eq!(p.len(), 5, "past the end shows the last page");
        let empty: Vec<u32> = vec![];
        assert_eq!(page(&empty, 3, 50), (&[][..], 1));
    }
}

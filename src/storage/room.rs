//! Whether new attachments fit in what the browser gives this site, asked before they are
//! written (`navigator.storage.estimate()`), so a photo too big for the space left is
//! refused with a message instead of failing halfway.

/// Space kept free for the records: a photo may not take the room the next saves of
/// records and their audit entries need (records are never lost because a photo fit).
pub const RECORD_HEADROOM: u64 = 5 * 1024 * 1024;

/// Whether `bytes` more fit under the browser's `(usage, quota)`, keeping
/// [`RECORD_HEADROOM`] free. A browser that does not say is given the benefit of the
/// doubt: its own `QuotaExceededError` still rolls the write back.
pub fn fits(estimate: Option<(f64, f64)>, bytes: u64) -> bool {
    match estimate {
        None => true,
        Some((usage, quota)) => usage + (bytes + RECORD_HEADROOM) as f64 <= quota,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_fits_only_with_room_left_for_records() {
        let mb = 1024.0 * 1024.0;
        assert!(fits(Some((10.0 * mb, 100.0 * mb)), 80 * 1024 * 1024));
        assert!(!fits(Some((10.0 * mb, 100.0 * mb)), 86 * 1024 * 1024));
        assert!(
            !fits(Some((99.0 * mb, 100.0 * mb)), 300_000),
            "the last 5 MB are for records"
        );
        assert!(
            fits(None, u64::from(u32::MAX)),
            "unknown: the browser decides"
        );
    }
}

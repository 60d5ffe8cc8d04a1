//! A test seam, compiled in debug builds only (the browser tests; never a release build):
//! the next `Store::apply` (or `Store::put_blobs`) stops after writing some chunks (or
//! files), its transaction aborted, as a
//! full disk or a killed tab would stop it. `tests/web_abort.rs` checks that IndexedDB is
//! then byte for byte what it was.

use std::cell::Cell;

use super::error::StorageError;

/// How the next write stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// After this many chunk writes the browser reports the quota used up.
    QuotaAfter(usize),
    /// After this many chunk writes the transaction is aborted with no word, as when
    /// the tab is closed or killed mid-write.
    KilledAfter(usize),
}

thread_local! {
    static NEXT: Cell<Option<Fault>> = const { Cell::new(None) };
}

/// Arms `fault` for the next write that reaches it.
pub fn inject(fault: Fault) {
    NEXT.with(|n| n.set(Some(fault)));
}

/// Whether an armed fault strikes before chunk write `i` (disarming it).
pub(super) fn strike(i: usize) -> Option<StorageError> {
    let fault = NEXT.with(Cell::get)?;
    let (at, error) = match fault {
        Fault::QuotaAfter(n) => (n, StorageError::QuotaExceeded),
        Fault::KilledAfter(n) => (n, StorageError::Unexpected("AbortError".into())),
    };
    (i == at).then(|| {
        NEXT.with(|n| n.set(None));
        error
    })
}

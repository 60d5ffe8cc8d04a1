//! The steps of an import or export, as reported to the progress bar.

/// What the work is doing now (each has a label in `ui::pages::sync::text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    Reading,
    Unlocking,
    Checking,
    Comparing,
    Saving,
    /// Checking the photos and documents a bundle carries, one by one (with a count), when
    /// they are read apart from its text (`sync::carried`).
    CheckingFiles,
    /// Keeping the photos and documents an import carries, one by one (with a count).
    KeepingFiles,
    Preparing,
    Locking,
}

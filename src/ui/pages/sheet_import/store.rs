//! Confirming: the rows without blocking problems (and the new communities they belong to)
//! go through the app's import path — `sync::import_changes_keeping` plans the writes
//! against what is stored, `AppState::apply` writes them in one transaction and then
//! updates memory — the same path a bundle's import takes, so there is no second writer.

use leptos::prelude::*;

use crate::domain::lang::counted;
use crate::domain::sheet_import::preview::Reasons;
use crate::storage::ChangeSet;
use crate::sync::plan::import_changes_keeping;
use crate::ui::state::AppState;

use super::St;

/// What was stored and what not, shown after confirming.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    pub households: usize,
    pub communities: usize,
    pub skipped: usize,
    pub reasons: Reasons,
}

impl Done {
    pub fn texts(&self) -> (String, String) {
        let (h_th, h_en) = counted(self.households, "ครัวเรือน", "household", "households");
        let (s_th, s_en) = counted(self.skipped, "แถว", "row", "rows");
        let mut th = format!("บันทึกแล้ว {h_th}");
        let mut en = format!("Stored {h_en}");
        if self.communities > 0 {
            let (c_th, c_en) = counted(self.communities, "ชุมชน", "community", "communities");
            th.push_str(&format!(" และชุมชนใหม่ {c_th}"));
            en.push_str(&format!(" and {c_en} new"));
        }
        th.push_str(&format!(" · ไม่ได้บันทึก {s_th}"));
        en.push_str(&format!(". Not stored: {s_en}"));
        if !self.reasons.is_empty() {
            let why = |thai: bool| {
                self.reasons
                    .iter()
                    .map(|(code, n)| {
                        let (lth, len) = crate::domain::sheet_import::reason_label(code);
                        let (nth, nen) = counted(*n, "แถว", "row", "rows");
                        if thai {
                            format!("{lth} {nth}")
                        } else {
                            format!("{len}: {nen}")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            th.push_str(&format!(" ({})", why(true)));
            en.push_str(&format!(" ({})", why(false)));
        }
        en.push('.');
        (th, en)
    }
}

/// Stores what the preview says would be stored. The person is told if storage refuses
/// (nothing is then written, and the sheet stays on screen).
pub async fn confirm(app: AppState, st: St) {
    let Some(p) = st.preview.get_untracked() else {
        return;
    };
    st.busy.set(true);
    let (communities, households) = p.to_store();
    let merged = app.dataset.with_untracked(|local| p.added_to(local));
    let mut cs = ChangeSet::new("import spreadsheet");
    let planned = app.dataset.with_untracked(|local| {
        app.kept_aside
            .with_untracked(|kept| import_changes_keeping(&mut cs, local, &merged, None, kept))
    });
    let saved = match planned {
        Err(e) => {
            app.notify_error(&e);
            false
        }
        Ok(_) => app.apply(cs, move |ds| *ds = merged).await.is_some(),
    };
    st.busy.set(false);
    if saved {
        st.done.set(Some(Done {
            households: households.len(),
            communities: communities.len(),
            skipped: p.skipped_count(),
            reasons: p.reasons(),
        }));
        st.clear();
    }
}

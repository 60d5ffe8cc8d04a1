//! The progress bar of an import or export (shown only past half a second).

use leptos::prelude::*;

use crate::ui::i18n::use_i18n;
use crate::ui::sync::progress::Progress;

#[component]
pub fn ProgressBar(
    /// The job's progress, moved by the pipeline.
    progress: Progress,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = move || {
        progress
            .state
            .get()
            .map(|(s, _)| i18n.t(s))
            .unwrap_or_default()
    };
    let percent = move || {
        progress
            .state
            .get()
            .map(|(_, f)| (f * 100.0).round())
            .unwrap_or(0.0)
    };
    view! {
        <Show when=move || progress.visible.get() && progress.state.with(Option::is_some)>
            <div class="sync-progress" role="status" data-testid="sync-progress">
                <span>{label}{move || progress.files.get().map(|(done, of)| format!(" {done} / {of}"))}</span>
                <progress max="100" value=percent aria-label=label></progress>
            </div>
        </Show>
    }
}

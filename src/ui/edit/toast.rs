//! Short messages after an action ("Saved — Undo", "Deleted — Undo"), in one live region.

use std::time::Duration;

use leptos::prelude::*;

use super::text::EditText;
use crate::ui::i18n::{tr, use_i18n};

/// How long a toast stays: long enough to reach the Undo button on a tablet.
const SHOW_FOR: Duration = Duration::from_secs(12);

#[derive(Clone)]
pub struct Toast {
    pub id: u32,
    pub text: EditText,
    /// Shown after the text, e.g. the record's name.
    pub detail: Option<String>,
    /// Offered as an "Undo" button when present.
    pub undo: Option<Callback<()>>,
    /// An error-coloured toast (an action refused).
    pub error: bool,
}

/// The toasts on screen, in context (provided by [`provide_edit`]).
#[derive(Clone, Copy)]
pub struct Toasts {
    pub list: RwSignal<Vec<Toast>>,
}

/// Provides the editing machinery's shared state; call once in `App`.
pub fn provide_edit() {
    provide_context(Toasts {
        list: RwSignal::new(Vec::new()),
    });
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

impl Toasts {
    /// Shows a toast for a while; a newer toast for the same action replaces nothing, they stack.
    pub fn show(self, text: EditText, detail: Option<String>, undo: Option<Callback<()>>) {
        self.push(text, detail, undo, false);
    }

    /// Shows a refusal (e.g. "correct the marked fields first").
    pub fn error(self, text: EditText) {
        self.push(text, None, None, true);
    }

    fn push(self, text: EditText, detail: Option<String>, undo: Option<Callback<()>>, error: bool) {
        let id = self
            .list
            .with_untracked(|l| l.iter().map(|t| t.id).max().unwrap_or(0))
            + 1;
        self.list.update(|l| {
            // Only the newest undo is offered: undoing an older action out of order would
            // surprise more than it helps.
            for t in l.iter_mut() {
                t.undo = None;
            }
            l.push(Toast {
                id,
                text,
                detail,
                undo,
                error,
            });
            if l.len() > 3 {
                l.remove(0);
            }
        });
        set_timeout(move || self.dismiss(id), SHOW_FOR);
    }

    pub fn dismiss(self, id: u32) {
        self.list.update(|l| l.retain(|t| t.id != id));
    }
}

/// The toast region; placed once in the app shell.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    let i18n = use_i18n();
    view! {
        <div class="toasts" role="status" aria-live="polite" data-testid="toasts">
            <For
                each=move || toasts.list.get()
                key=|t| (t.id, t.undo.is_some())
                children=move |t| {
                    let id = t.id;
                    let undo = t.undo;
                    view! {
                        <div class="toast" class:toast-error=t.error data-testid="toast">
                            <span class="toast-text">
                                {move || i18n.t(t.text)}
                                {t.detail.clone().map(|d| view! { <span class="toast-detail">" — " {d}</span> })}
                            </span>
                            {undo.map(|u| view! {
                                <button type="button" class="toast-undo" data-testid="toast-undo"
                                    on:click=move |_| {
                                        toasts.dismiss(id);
                                        u.run(());
                                    }>{tr(EditText::Undo)}</button>
                            })}
                            <button type="button" class="toast-close" aria-label=move || i18n.t(EditText::Close)
                                on:click=move |_| toasts.dismiss(id)>"×"</button>
                        </div>
                    }
                }
            />
        </div>
    }
}

//! The main menu: the overview, four groups and settings on one bar that fits a phone and a
//! tablet (it wraps rather than scrolls, so nothing is cut off). Each group is a disclosure
//! button (`aria-expanded`, `aria-controls`) whose panel of links sits right after it, so
//! Tab goes from the button into its links; one panel is open at a time; Escape closes it
//! and puts focus back on its button; a touch elsewhere, tabbing out of the menu or
//! following a link closes it.
//! The group of the page on screen is marked (`aria-current`, underlined). The table of
//! groups and links is `ui::nav`.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::sync::conflicted_ids;
use crate::ui::i18n::{tr, use_i18n, Msg};
use crate::ui::nav::{group_of, NavGroup};
use crate::ui::pages::sync::text::SyncText;
use crate::ui::state::use_app;

#[component]
pub fn MainNav() -> impl IntoView {
    let open = RwSignal::new(None::<NavGroup>);
    let location = use_location();
    let current = Memo::new(move |_| location.pathname.with(|p| group_of(p)));
    // A new page closes the panel the link was followed from.
    Effect::new(move |_| {
        location.pathname.track();
        open.set(None);
    });
    let nav_ref = NodeRef::<leptos::html::Nav>::new();
    let outside = window_event_listener(ev::pointerdown, move |e| {
        if open.get_untracked().is_none() {
            return;
        }
        let inside = nav_ref.get_untracked().is_some_and(|nav| {
            e.target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|t| nav.contains(Some(&t)))
        });
        if !inside {
            open.set(None);
        }
    });
    on_cleanup(move || outside.remove());
    // Escape closes the open panel wherever focus is, and gives focus to its button.
    let escape = window_event_listener(ev::keydown, move |e| {
        if e.key() != "Escape" {
            return;
        }
        if let Some(g) = open.get_untracked() {
            e.prevent_default();
            open.set(None);
            focus_button(g);
        }
    });
    on_cleanup(move || escape.remove());
    // Tabbing out of the menu closes it, so an open panel never covers where focus went.
    let on_focus_out = move |e: ev::FocusEvent| {
        let to = e
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        // No related target: focus left the page or went nowhere; keep the panel.
        let Some(to) = to else { return };
        let stays = nav_ref
            .get_untracked()
            .is_some_and(|nav| nav.contains(Some(&to)));
        if !stays {
            open.set(None);
        }
    };
    view! {
        <nav class="mainnav" aria-label=tr(Msg::NavLabel) node_ref=nav_ref on:focusout=on_focus_out>
            <ul class="nav-bar">
                <li><A href="/" exact=true>{tr(Msg::NavHome)}</A></li>
                {NavGroup::ALL.into_iter().map(|group| view! { <GroupMenu group open current/> }).collect_view()}
                <li><A href="/settings">{tr(Msg::NavSettings)}</A></li>
            </ul>
        </nav>
    }
}

fn button_id(g: NavGroup) -> String {
    format!("nav-button-{}", g.key())
}

fn focus_button(g: NavGroup) {
    let button = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&button_id(g)))
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(b) = button {
        let _ = b.focus();
    }
}

/// One group: its button and, right after it, its panel of links.
#[component]
fn GroupMenu(
    group: NavGroup,
    /// The group whose panel is open, if any.
    open: RwSignal<Option<NavGroup>>,
    /// The group of the page on screen.
    current: Memo<Option<NavGroup>>,
) -> impl IntoView {
    let key = group.key();
    let panel_id = format!("nav-panel-{key}");
    let is_open = move || open.get() == Some(group);
    let toggle = move |_| open.update(|o| *o = if *o == Some(group) { None } else { Some(group) });
    view! {
        <li class="nav-group" class:nav-current=move || current.get() == Some(group)>
            <button
                type="button"
                class="nav-button"
                id=button_id(group)
                data-testid=format!("nav-group-{key}")
                aria-expanded=move || is_open().to_string()
                aria-controls=panel_id.clone()
                aria-current=move || (current.get() == Some(group)).then_some("true")
                on:click=toggle
            >
                {tr(group)}
                {(group == NavGroup::Exchange).then(|| view! { <ConflictsBadge/> })}
                <span class="caret" aria-hidden="true"></span>
            </button>
            <ul class="nav-panel" id=panel_id data-testid=format!("nav-panel-{key}") hidden=move || !is_open()>
                {group.items().iter().map(|&item| view! {
                    <li><A href=item.href()>{tr(item)}</A></li>
                }).collect_view()}
            </ul>
        </li>
    }
}

/// While records wait to be settled, their number on the exchange group's button, so it
/// shows with the panel closed.
#[component]
fn ConflictsBadge() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let conflicts = Memo::new(move |_| {
        app.dataset.with(|ds| {
            conflicted_ids(ds)
                .values()
                .map(|ids| ids.len())
                .sum::<usize>()
        })
    });
    view! {
        <Show when=move || { conflicts.get() > 0 }>
            <span class="nav-conflicts" data-testid="conflicts-badge">
                " "
                <span class="badge" aria-hidden="true">{move || conflicts.get()}</span>
                <span class="visually-hidden">
                    {move || format!("{} {}", conflicts.get(), i18n.t(SyncText::ConflictsBadgeLabel))}
                </span>
            </span>
        </Show>
    }
}

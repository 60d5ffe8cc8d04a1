//! A committee's page: the form (city, name, members) with findings beside it, its
//! meetings, and the audit trail.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::CommitteeText;
use crate::domain::forms::committee_form::{CommitteeForm, MemberLine, MEMBER_ROLES};
use crate::domain::records::{Committee, Meeting, Sector};
use crate::domain::views::entry_lists::{meeting_rows, ListFilter};
use crate::ui::edit::record_page::{record_page, RecordPageSpec};
use crate::ui::edit::EditSession;
use crate::ui::fmt::date_shown;
use crate::ui::forms::screens::{city_options, ScreenText};
use crate::ui::forms::{
    enum_options, remove_line, t, LinkedChoice, RemoveLine, SelectField, TextField,
};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::EditorActions;
use crate::ui::state::use_app;

/// `/committees/:id` and `/committees/new?city=<id>`.
#[component]
pub fn CommitteePage() -> impl IntoView {
    let spec = RecordPageSpec::new(
        "/committees",
        "committee",
        CommitteeText::NewTitle,
        CommitteeText::EditTitle,
    )
    .under("city");
    record_page(
        spec,
        |_, meta, city| Committee::new(meta, city.unwrap_or_default()),
        |s| view! { <CommitteeEditor s/> }.into_any(),
    )
}

/// The committee form (for a new committee, the address's city is chosen).
#[component]
pub fn CommitteeEditor(
    /// The committee's editing session.
    s: EditSession<CommitteeForm>,
) -> impl IntoView {
    let name = Signal::derive(move || s.form.with(|f| f.name.clone()));
    let id = s.id;
    let meetings = view! {
        <Show when=move || s.stored.get() && !s.deleted.get()>
            <CommitteeMeetings committee=id/>
        </Show>
    }
    .into_any();
    view! {
        <EditorFrame session=s testid="committee-editor" below=meetings>
            <fieldset class="panel">
                <legend>{tr(ScreenText::Basics)}</legend>
                <LinkedChoice field="city_id" label=t(ScreenText::City) pages="/cities" open=t(ScreenText::OpenCity)
                    value=crate::bind!(s.form, city_id) options=city_options() marks=s/>
                <TextField field="name" label=t(CommitteeText::Name) hint=t(CommitteeText::NameHint)
                    value=crate::bind!(s.form, name) marks=s/>
            </fieldset>
            <fieldset class="panel lines" data-testid="members">
                <legend>{tr(CommitteeText::Members)} " (" {move || s.form.with(|f| f.members.len())} ")"</legend>
                <For each=move || 0..s.form.with(|f| f.members.len()) key=|i| *i
                    children=move |i| view! { <MemberRow s i/> }/>
                <button type="button" class="secondary" data-testid="add-member"
                    on:click=move |_| s.form.update(|f| f.members.push(MemberLine::blank()))>
                    "+ " {tr(CommitteeText::AddMember)}
                </button>
            </fieldset>
            <EditorActions session=s name=name list="/committees"/>
        </EditorFrame>
    }
}

/// One member line.
#[component]
fn MemberRow(
    /// The committee's session.
    s: EditSession<CommitteeForm>,
    /// The line's index in `members`.
    i: usize,
) -> impl IntoView {
    let f = |name: &str| format!("members[{i}].{name}");
    view! {
        <div class="line member-line" data-testid=format!("member-{i}")>
            <TextField field=f("name") label=t(CommitteeText::MemberName) required=true
                value=crate::bind!(s.form, members, i, name) marks=s/>
            <SelectField field=f("sector") label=t(CommitteeText::Sector) required=true
                value=crate::bind!(s.form, members, i, sector) options=enum_options(&Sector::ALL) marks=s/>
            <SelectField field=f("role") label=t(CommitteeText::Role) no_placeholder=true
                value=crate::bind!(s.form, members, i, role) options=enum_options(&MEMBER_ROLES) marks=s/>
            <TextField field=f("contact") label=t(CommitteeText::Contact) hint=t(CommitteeText::ContactHint)
                inputmode="tel" autocomplete="off"
                value=crate::bind!(s.form, members, i, contact) marks=s/>
            <RemoveLine label=t(ScreenText::Remove)
                on_remove=Callback::new(move |_| s.form.update(|f| remove_line(&mut f.members, i)))/>
        </div>
    }
}

/// The committee's meetings, newest first, with "record a meeting".
#[component]
fn CommitteeMeetings(
    /// The committee.
    committee: uuid::Uuid,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let rows = Memo::new(move |_| {
        app.dataset.with(|ds| {
            let mine: Vec<uuid::Uuid> = ds
                .live::<Meeting>()
                .filter(|m| m.committee_id == committee)
                .map(|m| m.meta.id)
                .collect();
            meeting_rows(ds, &ListFilter::default())
                .into_iter()
                .filter(|r| mine.contains(&r.id))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" data-testid="committee-meetings">
            <div class="section-head">
                <h2>{tr(CommitteeText::Meetings)}</h2>
                <A href=format!("/meetings/new?committee={committee}") attr:class="button" attr:data-testid="add-meeting">
                    "+ " {tr(CommitteeText::AddMeeting)}
                </A>
            </div>
            <Show when=move || !rows.with(Vec::is_empty) fallback=|| view! { <p class="muted">{tr(ScreenText::NoneYet)}</p> }>
                <ul class="plain">
                    <For each=move || rows.get() key=|r| r.clone() let:r>
                        <li>
                            <A href=format!("/meetings/{}", r.id)>
                                {move || date_shown(r.date, i18n.lang.get() == Lang::Th)} " · " <span lang="th">{r.place.clone()}</span>
                            </A>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

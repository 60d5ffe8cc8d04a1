//! The status pipeline: proposed → under review → approved | rejected → in progress →
//! completed, each step dated. Approving is gated by `rules::blocking_approval`: while an
//! error finding stands, the step is refused and the reasons are listed.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::text::ProjectText;
use crate::domain::dates::{format_be_short, parse_date};
use crate::domain::editing::stored_or_shipped::with_reference;
use crate::domain::forms::form::enum_from_key;
use crate::domain::forms::project_form::ProjectForm;
use crate::domain::records::{ProjectStatus, Record, StatusChange};
use crate::domain::reports::Label;
use crate::domain::rules::{blocking_approval, Finding};
use crate::ui::edit::{today, EditSession, EditText, Toasts};
use crate::ui::forms::{t, Bind, DateField, Mark};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::state::use_app;

/// The history (dates editable) and the next steps.
#[component]
pub fn Pipeline(
    /// The project's edit session.
    s: EditSession<ProjectForm>,
    /// The project's name for toasts.
    #[prop(into)]
    name: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let toasts = expect_context::<Toasts>();
    let thai = move || i18n.lang.get() == Lang::Th;
    let step_date = RwSignal::new(format_be_short(today()));
    let blocked: RwSignal<Vec<Finding>> = RwSignal::new(Vec::new());
    let step_marks = RwSignal::new(Vec::<Mark>::new());

    let advance = move |status: ProjectStatus| {
        blocked.set(Vec::new());
        step_marks.set(Vec::new());
        let date = match parse_date(&step_date.get_untracked()) {
            Ok(d) => d,
            Err(e) => {
                step_marks.set(vec![Mark::input(e.message_th(), e.message_en())]);
                return;
            }
        };
        if s.built.with_untracked(|b| !b.is_complete()) {
            toasts.error(EditText::FixFieldsFirst);
            return;
        }
        if status == ProjectStatus::Approved {
            // Checked as it would be saved, with this dated step, so an approval dated
            // before the proposal is caught too.
            let mut record = s.built.with_untracked(|b| b.record.clone());
            if record.status_history.is_empty() {
                record.status_history.push(StatusChange {
                    status: ProjectStatus::Proposed,
                    date,
                });
            }
            record.status_history.push(StatusChange { status, date });
            let found = app.dataset.with_untracked(|ds| {
                let mut d = with_reference(ds);
                d.upsert(record.into_any());
                blocking_approval(&d, s.id, today())
            });
            if !found.is_empty() {
                blocked.set(found);
                return;
            }
        }
        let steps_before = s.form.with_untracked(|f| f.status_history.len());
        s.form.update(|f| f.push_status(status, date));
        spawn_local(async move {
            if s.save(name.get_untracked()).await.is_none() {
                // Not saved (storage refused): take the step back so the form says the truth.
                s.form
                    .try_update(|f| f.status_history.truncate(steps_before));
            }
        });
    };

    view! {
        <fieldset class="panel pipeline" data-testid="pipeline">
            <legend>{tr(ProjectText::Pipeline)}</legend>
            <ol class="pipeline-steps">
                {ProjectStatus::ALL.into_iter().map(|st| {
                    let reached = move || s.form.with(|f| f.status_history.iter().any(|l| enum_from_key(&l.status) == Some(st)));
                    let current = move || s.form.with(|f| f.status() == st);
                    view! {
                        <li class="step" class:reached=reached class:current=current
                            aria-current=move || if current() { "step" } else { "false" }>
                            {move || if thai() { st.label_th() } else { st.label_en() }}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <h2>{tr(ProjectText::History)}</h2>
            <Show when=move || s.form.with(|f| !f.status_history.is_empty())
                fallback=|| view! { <p class="muted">{tr(ProjectText::NoHistory)}</p> }>
                <ul class="history">
                    <For
                        each=move || 0..s.form.with(|f| f.status_history.len())
                        key=|i| *i
                        children=move |i| {
                            let field = format!("status_history[{i}].date");
                            let status = move || s.form.with(|f| f.status_history.get(i).and_then(|l| enum_from_key::<ProjectStatus>(&l.status)));
                            let label = Signal::derive(move || {
                                let st = status().map(|st| if thai() { st.label_th() } else { st.label_en() }).unwrap_or_default();
                                format!("{} — {}", st, i18n.t(ProjectText::StatusDate))
                            });
                            view! {
                                <li class="history-line">
                                    <DateField field=field.clone() label=label today=today()
                                        value=crate::bind!(s.form, status_history, i, date) marks=s/>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
            <Show when=move || s.form.with(|f| !f.next_statuses().is_empty())>
                <h2>{tr(ProjectText::NextStep)}</h2>
                <DateField field="next-step-date" label=t(ProjectText::StepDate) today=today()
                    value=Bind::signal(step_date) marks=step_marks/>
                <div class="actions">
                    <For each=move || s.form.with(|f| f.next_statuses()) key=|st| *st let:st>
                        <button type="button" class=if st == ProjectStatus::Rejected { "secondary" } else { "" }
                            data-testid=format!("to-{}", crate::domain::forms::form::enum_key(&st))
                            disabled=move || s.busy.get() || s.conflict.get()
                            on:click=move |_| advance(st)>
                            {tr(ProjectText::MoveTo)} " " {move || if thai() { st.label_th() } else { st.label_en() }}
                        </button>
                    </For>
                </div>
            </Show>
            <Show when=move || !blocked.with(Vec::is_empty)>
                <div class="notice notice-error" role="alert" data-testid="approval-blocked">
                    <p>{tr(ProjectText::ApprovalBlocked)}</p>
                    <ul>
                        <For each=move || blocked.get() key=|f| f.message_en.clone() let:f>
                            <li data-rule=f.rule.code()><code class="rule-code">{f.rule.code()}</code> " "
                                {let (th, en) = (f.message_th.clone(), f.message_en.clone()); move || i18n.pick(&th, &en).to_string()}</li>
                        </For>
                    </ul>
                </div>
            </Show>
        </fieldset>
    }
}

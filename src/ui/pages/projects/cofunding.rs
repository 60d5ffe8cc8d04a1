//! Co-funding lines of a project: money other agencies put in beside the programme's.

use leptos::prelude::*;

use super::text::ProjectText;
use crate::domain::forms::project_form::{CoFundingLine, ProjectForm};
use crate::ui::edit::EditSession;
use crate::ui::forms::{remove_line, t, MoneyField, RemoveLine, TextField};
use crate::ui::i18n::tr;

/// The lines, each a source and an amount, with add and remove.
#[component]
pub fn CoFundingLines(
    /// The project's edit session.
    s: EditSession<ProjectForm>,
) -> impl IntoView {
    view! {
        <fieldset class="lines" data-testid="co-funding">
            <legend>{tr(ProjectText::CoFunding)}</legend>
            <For
                each=move || 0..s.form.with(|f| f.co_funding.len())
                key=|i| *i
                children=move |i| {
                    let source = format!("co_funding[{i}].source");
                    let amount = format!("co_funding[{i}].amount");
                    view! {
                        <div class="line">
                            <TextField field=source.clone() label=t(ProjectText::CoSource)
                                value=crate::bind!(s.form, co_funding, i, source) marks=s/>
                            <MoneyField field=amount.clone() label=t(ProjectText::CoAmount)
                                value=crate::bind!(s.form, co_funding, i, amount) marks=s/>
                            <RemoveLine label=t(ProjectText::Remove)
                                on_remove=Callback::new(move |_| s.form.update(|f| remove_line(&mut f.co_funding, i)))/>
                        </div>
                    }
                }
            />
            <button type="button" class="secondary" data-testid="add-co-funding"
                on:click=move |_| s.form.update(|f| f.co_funding.push(CoFundingLine::default()))>
                "+ " {tr(ProjectText::AddCoFunding)}
            </button>
        </fieldset>
    }
}

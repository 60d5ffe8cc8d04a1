//! Messages shown at a field: what could not be read, and the rule findings about it.

use crate::domain::sorting::SortSmall;
use leptos::prelude::*;

use crate::domain::forms::form::RecordForm;
use crate::domain::rules::{Finding, Importance};
use crate::ui::edit::EditSession;
use crate::ui::i18n::use_i18n;

/// How serious a mark is. `Input`: the typed text cannot be read (it stays as typed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkLevel {
    Input,
    Error,
    Warning,
    Info,
}

impl From<Importance> for MarkLevel {
    fn from(i: Importance) -> MarkLevel {
        match i {
            Importance::Error => MarkLevel::Error,
            Importance::Warning => MarkLevel::Warning,
            Importance::Info => MarkLevel::Info,
        }
    }
}

impl MarkLevel {
    fn class(self) -> &'static str {
        match self {
            MarkLevel::Input | MarkLevel::Error => "mark mark-error",
            MarkLevel::Warning => "mark mark-warning",
            MarkLevel::Info => "mark mark-info",
        }
    }

    /// Whether the field should say `aria-invalid="true"`.
    pub fn invalid(self) -> bool {
        matches!(self, MarkLevel::Input | MarkLevel::Error)
    }
}

/// One message at a field.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub level: MarkLevel,
    /// The rule code for findings (`"project.cap"`).
    pub code: Option<&'static str>,
    pub th: String,
    pub en: String,
}

impl Mark {
    pub fn input(th: impl Into<String>, en: impl Into<String>) -> Mark {
        Mark {
            level: MarkLevel::Input,
            code: None,
            th: th.into(),
            en: en.into(),
        }
    }

    pub fn warning(th: impl Into<String>, en: impl Into<String>) -> Mark {
        Mark {
            level: MarkLevel::Warning,
            code: None,
            th: th.into(),
            en: en.into(),
        }
    }

    pub fn finding(f: &Finding) -> Mark {
        Mark {
            level: f.importance.into(),
            code: Some(f.rule.code()),
            th: f.message_th.clone(),
            en: f.message_en.clone(),
        }
    }
}

/// The DOM id of a field's input, from its path: `co_funding[1].amount` → `f-co_funding-1-amount`.
/// Findings link here (`#f-…`); the domain's list of findings builds the same links, so the
/// rule is the domain's.
pub use crate::domain::views::findings_list::dom_id as field_dom_id;

/// The id of the element holding a field's messages, for `aria-describedby`.
pub(crate) fn marks_id(dom_id: &str) -> String {
    format!("{dom_id}-marks")
}

/// `own` (the widget's own parse messages) and `marks`, without repeating a message.
pub(crate) fn merged(own: Vec<Mark>, marks: Vec<Mark>) -> Vec<Mark> {
    let mut out = own;
    for m in marks {
        if !out.iter().any(|o| o.th == m.th) {
            out.push(m);
        }
    }
    out.sort_by_key_small(|m| m.level);
    out
}

/// Where a widget's messages come from: given as they are, or an editing session's messages
/// at the widget's own `field`, so that an editor writes a field's path once.
#[derive(Clone, Copy)]
pub enum MarksFrom {
    Given(Signal<Vec<Mark>>),
    Session(Callback<String, Signal<Vec<Mark>>>),
}

impl MarksFrom {
    /// The messages for the widget at `field`.
    pub fn at(self, field: &str) -> Signal<Vec<Mark>> {
        match self {
            MarksFrom::Given(marks) => marks,
            MarksFrom::Session(at) => at.run(field.to_owned()),
        }
    }
}

impl Default for MarksFrom {
    fn default() -> Self {
        MarksFrom::Given(Signal::default())
    }
}

impl From<Signal<Vec<Mark>>> for MarksFrom {
    fn from(marks: Signal<Vec<Mark>>) -> Self {
        MarksFrom::Given(marks)
    }
}

impl From<RwSignal<Vec<Mark>>> for MarksFrom {
    fn from(marks: RwSignal<Vec<Mark>>) -> Self {
        MarksFrom::Given(marks.into())
    }
}

impl<F: RecordForm> From<EditSession<F>> for MarksFrom {
    fn from(s: EditSession<F>) -> Self {
        MarksFrom::Session(Callback::new(move |field: String| s.marks(field)))
    }
}

/// The messages under a field, in the interface language, errors first.
#[component]
pub fn FieldMarks(
    /// The field input's DOM id (the list gets `<id>-marks`).
    #[prop(into)]
    dom_id: String,
    /// The messages to show.
    #[prop(into)]
    marks: Signal<Vec<Mark>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="marks" id=marks_id(&dom_id)>
            <For
                each=move || marks.get().into_iter().enumerate()
                key=|(i, m)| (*i, m.th.clone())
                children=move |(_, m)| {
                    let Mark { level, code, th, en } = m;
                    view! {
                        <li class=level.class() data-rule=code.unwrap_or("")>
                            {code.map(|c| view! { <code class="rule-code">{c}</code> " " })}
                            {move || i18n.pick(&th, &en).to_string()}
                        </li>
                    }
                }
            />
        </ul>
    }
}

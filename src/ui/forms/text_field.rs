//! Free text: one line ([`TextField`]) or several ([`TextArea`]), and the frame every
//! widget shares (label, hint, messages, ARIA wiring).

use leptos::prelude::*;

use super::marks::{field_dom_id, marks_id, FieldMarks, Mark, MarksFrom};
use super::text::FormText;
use super::Bind;
use crate::ui::i18n::tr;

/// The `aria-describedby` value: the hint (if any) and the messages.
pub(crate) fn described_by(dom_id: &str, has_hint: bool) -> String {
    if has_hint {
        format!("{dom_id}-hint {}", marks_id(dom_id))
    } else {
        marks_id(dom_id)
    }
}

/// `"true"` when a message says the field is wrong.
pub(crate) fn aria_invalid(marks: &[Mark]) -> &'static str {
    if marks.iter().any(|m| m.level.invalid()) {
        "true"
    } else {
        "false"
    }
}

/// What a typed field is for: the keyboard a tablet brings up and the input's class.
#[derive(Clone, Copy)]
pub(crate) enum InputKind {
    /// Free text; `inputmode` and `autocomplete` as the field asks ("off" by default).
    Text {
        inputmode: Option<&'static str>,
        autocomplete: Option<&'static str>,
    },
    /// A whole number: the number pad.
    Number,
    /// An amount: the number pad with a point.
    Money,
    /// A date: the number pad with a point ("3.2.2561").
    Date,
}

/// The `<input type="text">` of every typed field: what is typed goes to `value` as it is
/// (each field reads it later, so nothing typed is lost), the hint and the messages are
/// announced with it, and `aria-invalid` follows `marks`.
pub(crate) fn typed_input(
    dom_id: &str,
    field: String,
    value: Bind<String>,
    marks: Signal<Vec<Mark>>,
    has_hint: bool,
    kind: InputKind,
) -> impl IntoView {
    let (inputmode, autocomplete, class) = match kind {
        InputKind::Text {
            inputmode,
            autocomplete,
        } => (inputmode, autocomplete.unwrap_or("off"), None),
        InputKind::Number => (Some("numeric"), "off", Some("input-number")),
        InputKind::Money => (Some("decimal"), "off", Some("input-money")),
        InputKind::Date => (Some("decimal"), "off", Some("input-date")),
    };
    view! {
        <input
            type="text"
            id=dom_id.to_owned()
            name=field
            inputmode=inputmode
            autocomplete=autocomplete
            class=class
            aria-invalid=move || marks.with(|m| aria_invalid(m))
            aria-describedby=described_by(dom_id, has_hint)
            prop:value=move || value.get.get()
            on:input=move |ev| value.put(event_target_value(&ev))
        />
    }
}

/// What is typed, read by `parse`; `None` while an optional field is empty.
pub(crate) fn read_typed<T, E>(
    value: Bind<String>,
    required: bool,
    parse: fn(&str) -> Result<T, E>,
) -> Memo<Option<Result<T, E>>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    E: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| {
        let raw = value.get.get();
        if raw.trim().is_empty() && !required {
            None
        } else {
            Some(parse(&raw))
        }
    })
}

/// Label above, the control, an optional hint and extra line, then the messages.
pub(crate) fn frame(
    dom_id: String,
    label: Signal<String>,
    required: bool,
    hint: Option<Signal<String>>,
    marks: Signal<Vec<Mark>>,
    control: impl IntoView,
    extra: impl IntoView,
) -> impl IntoView {
    let invalid = move || marks.with(|m| aria_invalid(m) == "true");
    let hint_id = format!("{dom_id}-hint");
    view! {
        <div class="field" class:field-invalid=invalid>
            <label class="label" for=dom_id.clone()>
                {move || label.get()}
                {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span>
                    <span class="visually-hidden">" ("{tr(FormText::Required)}")"</span> })}
            </label>
            {control}
            {hint.map(|h| view! { <p class="hint" id=hint_id>{move || h.get()}</p> })}
            {extra}
            <FieldMarks dom_id=dom_id marks=marks/>
        </div>
    }
}

/// One line of text.
#[component]
pub fn TextField(
    /// The field's path in the record (`"title"`); gives the input its id (`f-title`).
    #[prop(into)]
    field: String,
    /// The label, in the interface language.
    #[prop(into)]
    label: Signal<String>,
    /// The text.
    value: Bind<String>,
    /// Messages at the field (input problems, findings).
    #[prop(optional, into)]
    marks: MarksFrom,
    /// A hint under the field.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// Shows the "required" star (findings still decide what is missing).
    #[prop(optional)]
    required: bool,
    /// The `inputmode` (e.g. "numeric"); text by default.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// The `autocomplete` value; "off" by default since most fields are records, not the user.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
) -> impl IntoView {
    let marks = marks.at(&field);
    let dom_id = field_dom_id(&field);
    let kind = InputKind::Text {
        inputmode,
        autocomplete,
    };
    let input = typed_input(&dom_id, field, value, marks, hint.is_some(), kind);
    frame(dom_id, label, required, hint, marks, input, ())
}

/// Several lines of text (descriptions, reports).
#[component]
pub fn TextArea(
    /// The field's path in the record; gives the textarea its id.
    #[prop(into)]
    field: String,
    /// The label, in the interface language.
    #[prop(into)]
    label: Signal<String>,
    /// The text.
    value: Bind<String>,
    /// Messages at the field (`marks=s`: an editing session's at `field`).
    #[prop(optional, into)]
    marks: MarksFrom,
    /// A hint under the field.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// Visible lines (4 by default).
    #[prop(optional)]
    rows: Option<u32>,
) -> impl IntoView {
    let marks = marks.at(&field);
    let dom_id = field_dom_id(&field);
    let area = view! {
        <textarea
            id=dom_id.clone()
            name=field
            rows=rows.unwrap_or(4)
            aria-invalid=move || marks.with(|m| aria_invalid(m))
            aria-describedby=described_by(&dom_id, hint.is_some())
            prop:value=move || value.get.get()
            on:input=move |ev| value.put(event_target_value(&ev))
        ></textarea>
    };
    frame(dom_id, label, false, hint, marks, area, ())
}

//! The parts every data table shares: the heading row (each column's text in the interface
//! language, number columns right-aligned), a report table in its scroll box, and a
//! printed sheet's table that says so when it has no rows.

use leptos::prelude::*;

use crate::ui::i18n::{use_i18n, Text};

/// One column heading: its Thai and English text and its class (`num` right-aligns).
#[derive(Clone, Copy)]
pub struct Col {
    pair: (&'static str, &'static str),
    class: Option<&'static str>,
}

impl Col {
    /// A column of words.
    pub fn text(t: impl Text) -> Col {
        Col {
            pair: t.pair(),
            class: None,
        }
    }

    /// A column of numbers whose heading is not a fixed text (a choice's words).
    pub fn num_pair(th: &'static str, en: &'static str) -> Col {
        Col {
            pair: (th, en),
            class: Some("num"),
        }
    }

    /// A column of numbers or amounts, right-aligned.
    pub fn num(t: impl Text) -> Col {
        Col {
            pair: t.pair(),
            class: Some("num"),
        }
    }
}

/// `<thead>` with one `<th scope="col">` a column.
#[component]
pub fn Head(
    /// The columns, left to right.
    cols: Vec<Col>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cells = cols
        .into_iter()
        .map(|c| {
            let (th, en) = c.pair;
            view! { <th scope="col" class=c.class>{move || i18n.pick(th, en)}</th> }
        })
        .collect_view();
    view! {
        <thead>
            <tr>{cells}</tr>
        </thead>
    }
}

/// A table in a focusable scroll box, so a wide table scrolls by itself on a phone.
/// `children` are the rows, inside one `<tbody>`, or the `<tbody>` groups themselves
/// when `grouped` (a province's heading row and its cities).
#[component]
pub fn ReportTable(
    /// The columns.
    cols: Vec<Col>,
    /// The table's class.
    #[prop(default = "report-table")]
    class: &'static str,
    /// `data-testid` of the table.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// Above the heading row: what the table is about.
    #[prop(optional)]
    caption: Option<AnyView>,
    /// The rows come in their own `<tbody>` groups.
    #[prop(optional)]
    grouped: bool,
    children: Children,
) -> impl IntoView {
    let body = if grouped {
        children().into_any()
    } else {
        view! { <tbody>{children()}</tbody> }.into_any()
    };
    view! {
        <div class="table-wrap" tabindex="0">
            <table class=class data-testid=testid>
                {caption.map(|c| view! { <caption>{c}</caption> })}
                <Head cols/>
                {body}
            </table>
        </div>
    }
}

/// A printed sheet's table; with no rows, `empty` in a muted line instead.
#[component]
pub fn SheetTable<E: Text>(
    /// The columns.
    cols: Vec<Col>,
    /// The rows.
    rows: Vec<AnyView>,
    /// Said when there are no rows.
    empty: E,
    /// `data-testid` of the table.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! { <p class="muted">{move || i18n.t(empty)}</p> }.into_any();
    }
    view! {
        <table class="sheet-table" data-testid=testid>
            <Head cols/>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

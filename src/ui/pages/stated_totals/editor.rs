//! One stated total: what was stated, where, for which region and year, and the figures,
//! set live beside what the records add up to (`reports::reconcile`).

use leptos::prelude::*;

use super::text::StatedText;
use crate::domain::forms::parameters_form::{new_stated_total, StatedTotalForm};
use crate::domain::reports::{reconcile, Quantity, ReconciledFigure};
use crate::ui::edit::record_page::{record_page, RecordPageSpec};
use crate::ui::edit::EditSession;
use crate::ui::forms::screens::{region_options, this_fiscal_year, ScreenText};
use crate::ui::forms::{t, MoneyField, NumberField, SelectField, TextArea, TextField};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::EditorActions;
use crate::ui::state::use_app;
use crate::ui::table::{Col, Head};

/// `/stated-totals/:id` and `/stated-totals/new`.
#[component]
pub fn StatedTotalPage() -> impl IntoView {
    let spec = RecordPageSpec::new(
        "/stated-totals",
        "stated-total",
        StatedText::NewTitle,
        StatedText::EditTitle,
    );
    record_page(
        spec,
        |_, meta, _| new_stated_total(meta, None, this_fiscal_year()),
        |s| view! { <Editor s/> }.into_any(),
    )
}

fn quantity(q: Option<Quantity>) -> Option<String> {
    q.map(|q| match q {
        Quantity::Count(n) => n.to_string(),
        Quantity::Amount(b) => b.format(),
    })
}

/// The form and the comparison.
#[component]
fn Editor(
    /// The stated total's editing session.
    s: EditSession<StatedTotalForm>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let name = Signal::derive(move || s.form.with(|f| f.label.clone()));
    let regions = Signal::derive(move || {
        let mut v = vec![(String::new(), i18n.t(ScreenText::WholeCountry).to_string())];
        v.extend(region_options().get());
        v
    });
    let rows = Memo::new(move |_| {
        let record = s.built.with(|b| b.record.clone());
        app.dataset.with(|ds| reconcile(ds, &record).rows)
    });
    view! {
        <EditorFrame session=s testid="stated-total-editor">
            <fieldset class="panel">
                <legend>{tr(ScreenText::Basics)}</legend>
                <TextArea field="label" label=t(StatedText::Label) hint=t(StatedText::LabelHint) rows=2
                    value=crate::bind!(s.form, label) marks=s/>
                <SelectField field="region_id" label=t(ScreenText::Region) no_placeholder=true
                    value=crate::bind!(s.form, region_id) options=regions marks=s/>
                <TextField field="fiscal_year" label=t(ScreenText::FiscalYear) inputmode="numeric" required=true
                    value=crate::bind!(s.form, fiscal_year) marks=s/>
                <TextField field="source" label=t(StatedText::Source) hint=t(StatedText::SourceHint)
                    value=crate::bind!(s.form, source) marks=s/>
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(StatedText::StatedFigures)}</legend>
                <p class="hint">{tr(StatedText::StatedFiguresHint)}</p>
                <NumberField field="cities" label=t(StatedText::Cities)
                    value=crate::bind!(s.form, cities) marks=s/>
                <NumberField field="provinces" label=t(StatedText::Provinces)
                    value=crate::bind!(s.form, provinces) marks=s/>
                <MoneyField field="amount" label=t(StatedText::Amount)
                    value=crate::bind!(s.form, amount) marks=s/>
            </fieldset>
            <section class="panel" data-testid="comparison">
                <h2>{tr(StatedText::Comparison)}</h2>
                <table class="records-table">
                    <Head cols=vec![Col::text(StatedText::Figure), Col::text(StatedText::Stated), Col::text(StatedText::Computed), Col::text(StatedText::Difference)]/>
                    <tbody>
                        <For each=move || rows.get() key=|r| format!("{r:?}") let:r>
                            {
                                let figure: ReconciledFigure = r.figure;
                                let agrees = r.agrees();
                                view! {
                                    <tr class:mismatch=agrees == Some(false)>
                                        <th scope="row">{move || if i18n.lang.get() == Lang::Th { figure.label_th() } else { figure.label_en() }}</th>
                                        <td class="num">{quantity(r.stated).unwrap_or_else(|| "—".into())}</td>
                                        <td class="num">{quantity(Some(r.computed))}</td>
                                        <td class="num">{quantity(r.difference).unwrap_or_else(|| "—".into())}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </section>
            <EditorActions session=s name=name list="/stated-totals"/>
        </EditorFrame>
    }
}

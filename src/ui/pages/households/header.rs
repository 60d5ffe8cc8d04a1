//! The top of the household screen: which community (with its progress, "สำรวจแล้ว 3
//! จาก 40 ครัวเรือน") and the round, surveyor and day, which stay from one household to
//! the next.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::HouseholdText as T;
use crate::domain::dates::format_be_short;
use crate::domain::forms::household_form::HouseholdForm;
use crate::domain::meta::RecordId;
use crate::domain::records::survey::Community;
use crate::domain::records::City;
use crate::domain::views::choices::shown_name;
use crate::domain::views::survey_entry::{round_choices, survey_progress};
use crate::ui::edit::{today, EditSession};
use crate::ui::forms::screens::community_options;
use crate::ui::forms::{t, DateField, LinkedChoice, SelectField, TextField};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::state::use_app;

/// The community the household belongs to, with its progress; a chooser when the address
/// named none (`/households/new`).
#[component]
pub fn SurveyHead(
    /// The household's session.
    s: EditSession<HouseholdForm>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let community = chosen_community(s);
    let city = move || {
        let (_, _, city) = community.get()?;
        let thai = i18n.lang.get() == Lang::Th;
        app.dataset.with(|ds| {
            ds.get::<City>(city)
                .map(|c| shown_name(&c.name_th, &c.name_en, thai).to_string())
        })
    };
    let progress = move || {
        let (id, _, _) = community.get()?;
        let p = app.dataset.with(|ds| survey_progress(ds, id));
        Some(p.text(i18n.lang.get()))
    };
    view! {
        <Show when=move || community.with(Option::is_some) fallback=move || view! {
            <div class="panel">
                <LinkedChoice field="community_id" label=t(T::Community) pages="/communities" open=t(T::OpenCommunity)
                    value=crate::bind!(s.form, community_id) options=community_options() marks=s/>
            </div>
        }>
            <div class="panel survey-head">
                <p class="survey-community">
                    <A href=move || format!("/communities/{}", community.get().map(|c| c.0).unwrap_or_default())>
                        <span lang="th">{move || community.get().map(|c| c.1)}</span>
                    </A>
                    <span class="muted">" · " {city}</span>
                </p>
                <p class="survey-progress" role="status" data-testid="survey-progress">{progress}</p>
            </div>
        </Show>
    }
}

/// The community the form names, once the dataset holds it: its id, name and city.
fn chosen_community(s: EditSession<HouseholdForm>) -> Memo<Option<(RecordId, String, RecordId)>> {
    let app = use_app();
    Memo::new(move |_| {
        let id = s
            .form
            .with(|f| uuid::Uuid::parse_str(&f.community_id).ok())?;
        app.dataset.with(|ds| {
            ds.get::<Community>(id)
                .map(|c| (id, c.name.clone(), c.city_id))
        })
    })
}

/// The round, the surveyor and the day: kept from one household to the next.
#[component]
pub fn RoundFields(
    /// The household's session.
    s: EditSession<HouseholdForm>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let community = chosen_community(s);
    let city = Memo::new(move |_| community.get().map(|(_, _, city)| city));
    let options = Signal::derive(move || {
        let Some(city) = city.get() else {
            return Vec::new();
        };
        let thai = i18n.lang.get() == Lang::Th;
        app.dataset.with(|ds| {
            round_choices(ds, city)
                .into_iter()
                .map(|(id, title, date)| {
                    let title = if title.trim().is_empty() {
                        "—".to_string()
                    } else {
                        title
                    };
                    let label = match date {
                        Some(d) if thai => format!("{title} · {}", format_be_short(d)),
                        Some(d) => format!("{title} · {}", crate::domain::dates::format_en(d)),
                        None => title,
                    };
                    (id.to_string(), label)
                })
                .collect()
        })
    });
    let add_round = move || {
        city.get()
            .map(|c| format!("/survey-rounds/new?city={c}"))
            .unwrap_or_else(|| "/survey-rounds/new".into())
    };
    view! {
        <fieldset class="panel round-fields">
            <legend>{tr(T::Round)}</legend>
            <div class="round-grid">
                <div>
                    <SelectField field="round_id" label=t(T::Round) options
                        value=crate::bind!(s.form, round_id) marks=s/>
                    <p class="field-link"><A href=add_round>"+ " {tr(T::AddRound)}</A></p>
                </div>
                <TextField field="surveyor" label=t(T::Surveyor)
                    hint=left_out_hint(s, "surveyor", None, |f| &f.surveyor)
                    value=crate::bind!(s.form, surveyor) marks=s/>
                <DateField field="surveyed_on" label=t(T::SurveyedOn) today=today()
                    value=crate::bind!(s.form, surveyed_on) marks=s/>
            </div>
        </fieldset>
    }
}

/// The hint of a personal field (`head_name`, `phone`, `surveyor`): "not included" while
/// the stored household came in a summary without it (`meta.left_out`) and nothing has
/// been typed since, so an empty field is not mistaken for an unknown one; else `normal`.
pub fn left_out_hint(
    s: EditSession<HouseholdForm>,
    field: &'static str,
    normal: Option<T>,
    value: fn(&HouseholdForm) -> &str,
) -> Signal<String> {
    let app = use_app();
    let i18n = use_i18n();
    Signal::derive(move || {
        let left_out = app.dataset.with(|ds| {
            ds.get::<crate::domain::records::survey::Household>(s.id)
                .is_some_and(|h| h.meta.left_out.iter().any(|f| f == field))
        });
        if left_out && s.form.with(|f| value(f).trim().is_empty()) {
            i18n.t(T::NotIncluded).to_owned()
        } else {
            normal.map(|n| i18n.t(n).to_owned()).unwrap_or_default()
        }
    })
}

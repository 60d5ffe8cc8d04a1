//! `/print/mou/:city_id`: the MOU of one city, as signed: in Thai, with BE dates, the
//! amounts in figures and in words, the signatory table and the witness.

use leptos::prelude::*;

use crate::domain::reports::{mou_sheet, AmountText, MouSheet, SignatoryLine};
use crate::ui::i18n::Text;

use super::super::text::ReportText as T;
use super::{city_sheet, PrintPage};

/// The Thai text: the document is signed in Thai whatever the screen's language.
fn th(t: T) -> &'static str {
    t.pair().0
}

#[component]
pub fn MouPrintPage() -> impl IntoView {
    let sheet = city_sheet(|ds, id, fy, _| mou_sheet(ds, id, fy));
    view! {
        <PrintPage hint=T::MouThaiOnly sheet=move || sheet.get().map(|s| view! { <MouDocument s/> }.into_any())/>
    }
}

/// "500,000.00 บาท (ห้าแสนบาทถ้วน)".
fn amount(a: &AmountText) -> String {
    format!("{} {} ({})", a.figures, th(T::Baht), a.words)
}

#[component]
fn MouDocument(
    /// The MOU sheet of one city and year, from the domain.
    s: MouSheet,
) -> impl IntoView {
    let title = if s.title.trim().is_empty() {
        th(T::MouNotTitled).to_owned()
    } else {
        s.title.clone()
    };
    let province = if s.city.province_th.is_empty() {
        String::new()
    } else {
        format!(" {}{}", th(T::ColProvince), s.city.province_th)
    };
    let second_by = s
        .second_deadline_th
        .clone()
        .map(|d| format!(" {} {d}", th(T::MouTermSecondBy)))
        .unwrap_or_default();
    let witness = s.witness.clone();
    view! {
        <article class="sheet mou" lang="th" data-testid="mou-sheet">
            <header class="sheet-head">
                <h1>{title}</h1>
                <p class="center">{th(T::MouProgramme)} " " {s.fiscal_year_th.clone()}</p>
            </header>
            <dl class="facts">
                <dt>{th(T::MouCity)}</dt>
                <dd class="strong">{s.city.name_th.clone()} {province}</dd>
                <dt>{th(T::MouPlace)}</dt>
                <dd>{if s.place.trim().is_empty() { "–".to_owned() } else { s.place.clone() }}</dd>
                <dt>{th(T::MouDated)}</dt>
                <dd>{s.date_th.clone().unwrap_or_else(|| "–".to_owned())}</dd>
            </dl>
            <h2>{th(T::MouTerms)}</h2>
            <ol class="terms">
                <li data-term="approved">
                    {th(T::MouTermApproved)} " " <span class="strong">{amount(&s.approved)}</span>
                </li>
                <li data-term="first">
                    {th(T::MouTermFirst)} " " {s.first_share_percent.clone()} " " {th(T::MouAmountOf)} " "
                    <span class="strong">{amount(&s.first_instalment)}</span> " " {th(T::MouTermFirstAfter)}
                </li>
                <li data-term="second">
                    {th(T::MouTermSecond)} " " {th(T::MouAmountOf)} " "
                    <span class="strong">{amount(&s.second_instalment)}</span> {second_by}
                </li>
            </ol>
            <h2>{th(T::MouSignatories)}</h2>
            <table class="signatories" data-testid="signatories">
                <thead>
                    <tr>
                        <th scope="col" class="seq">{th(T::ColSeq)}</th>
                        <th scope="col" class="role">{th(T::ColRole)}</th>
                        <th scope="col">{th(T::ColName)}</th>
                        <th scope="col" class="sign">{th(T::ColSignature)}</th>
                    </tr>
                </thead>
                <tbody>
                    {s.signatories
                        .iter()
                        .enumerate()
                        .map(|(i, l)| view! { <SignatoryRow n=i + 1 line=l.clone()/> })
                        .collect_view()}
                </tbody>
            </table>
            <div class="witness" data-testid="witness">
                <p class="sign-line">
                    {th(T::MouSignHere)} " " <span class="dots" aria-hidden="true"></span> " " {th(T::MouWitness)}
                </p>
                {witness
                    .map(|w| {
                        view! {
                            <p class="center">"(" {w.name} ")"</p>
                            <p class="center">{w.position}</p>
                        }
                    })}
            </div>
        </article>
    }
}

#[component]
fn SignatoryRow(
    /// 1-based row number.
    n: usize,
    /// The role and whoever signs in it (blank name: a line to sign on).
    line: SignatoryLine,
) -> impl IntoView {
    let blank = line.name.trim().is_empty();
    view! {
        <tr>
            <td class="seq">{n}</td>
            <td>{line.role_th}</td>
            <td>
                {if blank {
                    view! { <span class="dots" aria-hidden="true"></span> }.into_any()
                } else {
                    view! {
                        <span class="strong">{line.name.clone()}</span>
                        <span class="sub">{line.position.clone()}</span>
                    }
                        .into_any()
                }}
            </td>
            <td class="sign"></td>
        </tr>
    }
}

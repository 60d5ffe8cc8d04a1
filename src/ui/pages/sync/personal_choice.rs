//! The export panel's choice when the data holds personal data (PDPA): lock the file with a
//! passphrase (the default), a summary without personal data, or send it unlocked only
//! after ticking an acknowledgement. The pipeline holds the rule (`domain::sync::personal`);
//! this only asks.

use leptos::prelude::*;

use crate::ui::i18n::{tr, use_i18n, Text};

/// How personal data leaves the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalMode {
    Lock,
    Summary,
    Unlocked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PersonalText {
    Title,
    Body,
    Lock,
    Summary,
    SummaryHint,
    Unlocked,
    Acknowledge,
}

impl Text for PersonalText {
    fn pair(self) -> (&'static str, &'static str) {
        use PersonalText::*;
        match self {
            Title => ("ข้อมูลส่วนบุคคล: เลือกวิธีส่ง", "Personal data: choose how to send"),
            Body => (
                "ข้อมูลในเครื่องนี้มีชื่อ เบอร์โทร หรือช่องทางติดต่อของผู้คน ซึ่งเป็นข้อมูลส่วนบุคคลตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 (PDPA)",
                "The data on this device holds people's names, phone numbers or contacts: personal data under Thailand's Personal Data Protection Act B.E. 2562 (PDPA).",
            ),
            Lock => ("ล็อกไฟล์ด้วยรหัสผ่าน (แนะนำ)", "Lock the file with a passphrase (recommended)"),
            Summary => ("สรุปโดยไม่มีข้อมูลส่วนบุคคล", "Summary without personal data"),
            SummaryHint => (
                "ไม่ส่งชื่อ เบอร์โทร และช่องทางติดต่อ ข้อมูลอื่นส่งครบ สำนักงานที่มีชื่ออยู่แล้วยังเก็บไว้เหมือนเดิม",
                "Names, phone numbers and contacts stay here; everything else goes. An office that already has the names keeps them.",
            ),
            Unlocked => (
                "ส่งพร้อมข้อมูลส่วนบุคคลโดยไม่ล็อก",
                "Send with personal data, not locked",
            ),
            Acknowledge => (
                "ข้าพเจ้ารับทราบว่าไฟล์นี้มีข้อมูลส่วนบุคคลตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 โดยไม่ได้ล็อก และจะส่งให้เฉพาะผู้ที่ต้องใช้ข้อมูลนี้ในงานเท่านั้น",
                "I understand this file carries personal data under the Personal Data Protection Act B.E. 2562 (2019), not locked, and I will send it only to those whose work needs it.",
            ),
        }
    }
}

#[component]
pub fn PersonalChoice(
    /// The chosen way; [`PersonalMode::Lock`] until the person picks another.
    mode: RwSignal<PersonalMode>,
    /// The acknowledgement ticked for [`PersonalMode::Unlocked`].
    acknowledged: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let option = move |m: PersonalMode, label: PersonalText, id: &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="export-personal" data-testid=id
                    prop:checked=move || mode.get() == m
                    on:change=move |_| mode.set(m)/>
                <span>{move || i18n.t(label)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="pdpa personal-choice" data-testid="export-personal">
            <legend><strong>{tr(PersonalText::Title)}</strong></legend>
            <p>{tr(PersonalText::Body)}</p>
            {option(PersonalMode::Lock, PersonalText::Lock, "export-personal-lock")}
            {option(PersonalMode::Summary, PersonalText::Summary, "export-personal-summary")}
            <p class="hint">{tr(PersonalText::SummaryHint)}</p>
            {option(PersonalMode::Unlocked, PersonalText::Unlocked, "export-personal-unlocked")}
            <Show when=move || mode.get() == PersonalMode::Unlocked>
                <label class="choice acknowledge">
                    <input type="checkbox" data-testid="export-personal-ack"
                        prop:checked=move || acknowledged.get()
                        on:change=move |ev| acknowledged.set(event_target_checked(&ev))/>
                    <span>{tr(PersonalText::Acknowledge)}</span>
                </label>
            </Show>
        </fieldset>
    }
}

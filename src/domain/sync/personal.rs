//! Personal data (PDPA) leaving the device: a bundle that carries names, phone numbers or
//! contacts goes out locked with a passphrase, as a summary without them, or unlocked only
//! after the person ticks an acknowledgement. The rule is here so the export panel, the
//! pipeline and the tests share it.

use crate::domain::sync::manifest::{Manifest, PersonalData};

/// What the import preview and the command line say about a summary.
pub const LEFT_OUT_TH: &str = "ชื่อและเบอร์โทรไม่ได้รวมมา (สรุปโดยไม่มีข้อมูลส่วนบุคคล)";
pub const LEFT_OUT_EN: &str =
    "names and phone numbers not included (summary without personal data)";

/// Whether a bundle is a summary without personal data.
pub fn is_summary(manifest: &Manifest) -> bool {
    manifest.personal_data == Some(PersonalData::LeftOut)
}

/// Why an export was held back: it would carry `values` personal values unlocked and the
/// person did not confirm that on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAcknowledged {
    pub values: usize,
}

impl NotAcknowledged {
    pub fn message_th(&self) -> String {
        format!(
            "ไฟล์นี้มีชื่อ เบอร์โทร หรือช่องทางติดต่อของผู้คน {} รายการ ซึ่งเป็นข้อมูลส่วนบุคคลตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล จึงยังไม่ได้ส่งออก: ล็อกด้วยรหัสผ่าน เลือก \"สรุปโดยไม่มีข้อมูลส่วนบุคคล\" หรือทำเครื่องหมายยืนยันว่าจะส่งโดยไม่ล็อก",
            self.values
        )
    }

    pub fn message_en(&self) -> String {
        let what = if self.values == 1 {
            "1 name, phone number or contact".to_string()
        } else {
            format!("{} names, phone numbers or contacts", self.values)
        };
        format!(
            "Not exported: the file would carry {what} of people, personal data under the PDPA. Lock it with a passphrase, choose \"Summary without personal data\", or tick the box confirming you will send it unlocked."
        )
    }
}

/// Whether an export carrying `values` personal values may go out: always when it carries
/// none or is locked; unlocked only when the person acknowledged it.
pub fn check_personal_export(
    values: usize,
    locked: bool,
    acknowledged: bool,
) -> Result<(), NotAcknowledged> {
    if values == 0 || locked || acknowledged {
        Ok(())
    } else {
        Err(NotAcknowledged { values })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlocked_personal_data_needs_an_acknowledgement() {
        assert_eq!(
            check_personal_export(3, false, false),
            Err(NotAcknowledged { values: 3 })
        );
        assert_eq!(check_personal_export(3, true, false), Ok(()));
        assert_eq!(check_personal_export(3, false, true), Ok(()));
        assert_eq!(check_personal_export(0, false, false), Ok(()));
    }

    #[test]
    fn the_refusal_counts_in_both_languages() {
        let one = NotAcknowledged { values: 1 };
        assert!(one
            .message_en()
            .contains("1 name, phone number or contact of"));
        let many = NotAcknowledged { values: 30 };
        assert!(many
            .message_en()
            .contains("30 names, phone numbers or contacts"));
        assert!(many.message_th().contains("ผู้คน 30 รายการ"));
        assert!(many.message_th().contains("ข้อมูลส่วนบุคคล"));
    }
}

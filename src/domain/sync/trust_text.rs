//! What the import screen says about a bundle's signer, in Thai and English. Pure, so the
//! wording is tested natively; `ui::pages::sync::file_row` shows it.

use crate::domain::lang::Lang;
use crate::domain::sync::signature::Trust;

impl Trust {
    /// The "signed by" line: the device's short fingerprint and what it means here.
    pub fn shown(&self, lang: Lang) -> String {
        let th = lang == Lang::Th;
        match self {
            Trust::KnownKey { fingerprint } if th => {
                format!("เครื่อง {fingerprint} (ตรงกับเครื่องที่จำไว้ของสำนักงานนี้)")
            }
            Trust::KnownKey { fingerprint } => {
                format!("device {fingerprint} (the device kept for this office)")
            }
            Trust::FirstKey { fingerprint } if th => format!(
                "เครื่อง {fingerprint} (ไฟล์ลงชื่อฉบับแรกจากสำนักงานนี้: จะจำเครื่องนี้ไว้เมื่อบันทึก)"
            ),
            Trust::FirstKey { fingerprint } => format!(
                "device {fingerprint} (the first signed bundle from this office: the device is kept when you save)"
            ),
            Trust::Unsigned if th => "ไม่ได้ลงชื่อ (ส่งออกจาก Mueang รุ่นก่อน)".into(),
            Trust::Unsigned => "not signed (exported by an older Mueang)".into(),
            Trust::UnsignedFromKnown { .. } if th => "ไม่ได้ลงชื่อ".into(),
            Trust::UnsignedFromKnown { .. } => "not signed".into(),
            Trust::KeyChanged { now, .. } if th => format!("เครื่อง {now} (เครื่องอื่น)"),
            Trust::KeyChanged { now, .. } => format!("device {now} (another device)"),
        }
    }

    /// The warning shown before anything is stored, or `None` when there is nothing to warn
    /// about. `office` is the name the bundle gives.
    pub fn warning(&self, office: &str) -> Option<(String, String)> {
        match self {
            Trust::UnsignedFromKnown { kept } => Some((
                format!(
                    "ไฟล์ก่อนหน้านี้จาก {office} ลงชื่อโดยเครื่อง {kept} แต่ไฟล์นี้ไม่ได้ลงชื่อ \
                     จึงอาจไม่ได้มาจากสำนักงานนั้น โปรดโทรถามผู้ส่งก่อน \
                     ถ้าแน่ใจให้กด \"ยอมรับและบันทึกการนำเข้า\" ถ้าไม่แน่ใจให้กด \"ยกเลิก\""
                ),
                format!(
                    "Earlier bundles from {office} were signed by device {kept}, but this one is \
                     not signed, so it may not come from that office. Check with the sender \
                     first. If you are sure, press \"Accept and save the import\"; if not, \
                     press \"Cancel\"."
                ),
            )),
            Trust::KeyChanged { kept, now } => Some((
                format!(
                    "ไฟล์นี้ลงชื่อโดยเครื่อง {now} แต่ไฟล์ก่อนหน้านี้จาก {office} ลงชื่อโดยเครื่อง {kept} \
                     ถ้าสำนักงานนั้นเปลี่ยนเครื่องหรือเบราว์เซอร์ โปรดโทรถามรหัสเครื่อง ({now}) ให้ตรงกันก่อน \
                     แล้วกด \"ยอมรับและบันทึกการนำเข้า\" ระบบจะจำเครื่องใหม่แทนเครื่องเดิม \
                     ถ้าไม่แน่ใจให้กด \"ยกเลิก\""
                ),
                format!(
                    "This bundle is signed by device {now}, but earlier bundles from {office} were \
                     signed by device {kept}. If that office changed its device or browser, \
                     confirm the device code ({now}) with them by phone, then press \"Accept and \
                     save the import\": the new device is kept instead of the old one. If you \
                     are not sure, press \"Cancel\"."
                ),
            )),
            _ => None,
        }
    }
}

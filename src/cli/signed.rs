//! What `mueang check` and `mueang merge` say about a bundle's signature: verified natively
//! with `ed25519-dalek`, the same bytes the browser signs with Web Crypto. The command line
//! keeps no keys (it has no peers), so it only says who signed; a bad signature is refused.

use std::io::{self, Write};

use crate::domain::sync::signature::{fingerprint, verify_native};
use crate::domain::sync::{Bundle, BundleError};

/// Verifies `bundle`'s signature and writes one line in Thai and one in English on `err`.
pub fn report(
    err: &mut dyn Write,
    shown: &str,
    bundle: &Bundle,
) -> io::Result<Result<(), BundleError>> {
    let office = &bundle.exported_by().office_name;
    match verify_native(bundle) {
        Ok(Some(key)) => {
            let fp = fingerprint(&key);
            writeln!(err, "{shown}: ลงชื่อโดยเครื่อง {fp} ของ {office}")?;
            writeln!(err, "{shown}: signed by device {fp} of {office}")?;
            Ok(Ok(()))
        }
        Ok(None) => {
            writeln!(
                err,
                "{shown}: ไม่ได้ลงชื่อ (ส่งออกจาก Mueang รุ่นก่อน) ส่งมาในนาม {office}"
            )?;
            writeln!(
                err,
                "{shown}: unsigned (exported by an older Mueang), sent as {office}"
            )?;
            Ok(Ok(()))
        }
        Err(e) => Ok(Err(e)),
    }
}

/// Says, in Thai and English, that a bundle is a summary without personal data.
pub fn left_out_notice(
    err: &mut dyn Write,
    shown: &str,
    manifest: Option<&crate::domain::sync::Manifest>,
) -> io::Result<()> {
    use crate::domain::sync::personal::{is_summary, LEFT_OUT_EN, LEFT_OUT_TH};
    if manifest.is_some_and(is_summary) {
        writeln!(err, "{shown}: {LEFT_OUT_TH}")?;
        writeln!(err, "{shown}: {LEFT_OUT_EN}")?;
    }
    Ok(())
}

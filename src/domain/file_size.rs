//! File sizes as people read them, in whole-number arithmetic (the domain keeps floats out,
//! so no size can print as 2.9999 or differ between the tablet and the CLI).

/// Megabytes with one decimal, rounded half up: 1,572,864 bytes → "1.5".
pub fn megabytes(bytes: u64) -> String {
    const MB: u128 = 1024 * 1024;
    let tenths = (u128::from(bytes) * 10 + MB / 2) / MB;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// "38 kB" under a megabyte (rounded up, so a small file never reads "0 kB"), else "1.5 MB".
pub fn size_text(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} kB", bytes.div_ceil(1024))
    } else {
        format!("{} MB", megabytes(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_expect() {
        assert_eq!(size_text(1), "1 kB");
        assert_eq!(size_text(38 * 1024), "38 kB");
        assert_eq!(size_text(281_344), "275 kB");
        assert_eq!(size_text(1024 * 1024), "1.0 MB");
        assert_eq!(size_text(1_572_864), "1.5 MB");
        assert_eq!(megabytes(20 * 1024 * 1024), "20.0");
        assert_eq!(megabytes(1_048_576 * 10 - 1), "10.0");
        assert_eq!(megabytes(u64::MAX), "17592186044416.0");
    }
}

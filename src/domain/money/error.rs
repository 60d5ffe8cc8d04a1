//! Why an amount was refused, in Thai and English.

use std::fmt;

/// Why a typed or stored amount was refused. The UI shows these to staff, so variants and
/// their meaning are stable; `input` is what was typed, trimmed and cut to 40 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    /// Nothing but spaces was given.
    Empty,
    /// Not a number at all: letters, stray symbols, spaces inside the digits, two points.
    Invalid { input: String },
    /// A minus sign or accounting brackets: amounts in this programme are never negative.
    Negative { input: String },
    /// Three or more digits after the point ("1.234"), which is either a typo or a European
    /// thousands separator; both must be fixed by a person.
    TooManyDecimals { input: String },
    /// Commas that do not separate groups of three digits ("35,0000", "1,50").
    MisplacedComma { input: String },
    /// More than [`Baht::LIMIT`] (one million million baht): certainly extra zeros.
    TooLarge { input: String },
}

impl MoneyError {
    /// A stable machine-readable name, for tests, logs and fixtures.
    pub fn code(&self) -> &'static str {
        match self {
            MoneyError::Empty => "empty",
            MoneyError::Invalid { .. } => "invalid",
            MoneyError::Negative { .. } => "negative",
            MoneyError::TooManyDecimals { .. } => "too_many_decimals",
            MoneyError::MisplacedComma { .. } => "misplaced_comma",
            MoneyError::TooLarge { .. } => "too_large",
        }
    }

    /// The message for Thai-speaking staff.
    pub fn message_th(&self) -> String {
        self.messages().0
    }

    /// The message in English; also what `Display` shows.
    pub fn message_en(&self) -> String {
        self.messages().1
    }

    /// Thai and English side by side, so that a change to one is made to the other.
    fn messages(&self) -> (String, String) {
        match self {
            MoneyError::Empty => (
                "กรุณากรอกจำนวนเงิน (บาท) เช่น 350,000".to_owned(),
                "Enter an amount in baht, e.g. 350,000.".to_owned(),
            ),
            MoneyError::Invalid { input } => (
                format!("\"{input}\" ไม่ใช่จำนวนเงิน กรุณากรอกเป็นตัวเลข เช่น 350,000 หรือ 350000.50"),
                format!(
                    "\"{input}\" is not an amount of baht. Type digits, e.g. 350,000 or 350000.50."
                ),
            ),
            MoneyError::Negative { input } => (
                format!(
                    "\"{input}\" เป็นจำนวนติดลบ จำนวนเงินในโครงการนี้ติดลบไม่ได้ \
                     กรุณากรอกโดยไม่มีเครื่องหมายลบ"
                ),
                format!(
                    "\"{input}\" is negative. Amounts in this programme are never negative; \
                     type the amount without a minus sign."
                ),
            ),
            MoneyError::TooManyDecimals { input } => (
                format!(
                    "\"{input}\" มีทศนิยมเกินสองตำแหน่ง สตางค์มีได้ไม่เกินสองหลัก (350000.50) \
                     ถ้าต้องการคั่นหลักพันให้ใช้เครื่องหมายจุลภาค (1,234)"
                ),
                format!(
                    "\"{input}\" has more than two decimal places. Satang take at most two digits \
                     (350000.50); to separate thousands use a comma (1,234)."
                ),
            ),
            MoneyError::MisplacedComma { input } => (
                format!(
                    "\"{input}\" มีเครื่องหมายจุลภาคผิดตำแหน่ง ต้องคั่นทุกสามหลัก (350,000) \
                     และใช้จุดทศนิยมสำหรับสตางค์ (350000.50)"
                ),
                format!(
                    "\"{input}\" has a comma in the wrong place. Commas separate groups of three \
                     digits (350,000); use a point for satang (350000.50)."
                ),
            ),
            MoneyError::TooLarge { input } => (
                format!(
                    "\"{input}\" เกิน 1,000,000,000,000 บาท ซึ่งเป็นไปไม่ได้ \
                     กรุณาตรวจสอบว่าพิมพ์เลขศูนย์เกินหรือไม่"
                ),
                format!(
                    "\"{input}\" is more than 1,000,000,000,000 baht, which cannot be right. \
                     Check for extra zeros."
                ),
            ),
        }
    }
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for MoneyError {}

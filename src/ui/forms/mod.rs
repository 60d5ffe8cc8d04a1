//! Form widgets for every record screen. Each is labelled (`<label for>`), at least 44 px
//! tall, and shows at the field both what could not be read as typed and the rule findings
//! about that field, with `aria-invalid` and `aria-describedby` pointing at them.
//!
//! Widgets edit a [`Bind`] (a getter and a setter into form state, usually made with
//! [`bind!`](crate::bind) from an `RwSignal` of a `RecordForm`), and take their
//! messages as [`Mark`]s: `marks=s` for an editing session's messages at the widget's own
//! `field`, or a signal of them (`ui::edit::EditSession::marks`) where the path differs.
//!
//! ```ignore
//! let s = use_edit_session::<ProjectForm>(target, blank);
//! view! {
//!     <TextField field="title" label=t(ProjectText::Title) value=bind!(s.form, title) marks=s/>
//!     <MoneyField field="amount_approved" label=t(ProjectText::Approved)
//!         value=bind!(s.form, amount_approved) marks=s/>
//!     <DateField field="status_history[0].date" label=.. value=.. marks=../>
//! }
//! ```

mod bind;
mod calendar;
mod choice_buttons;
mod date;
mod lines;
mod marks;
mod money;
mod number;
pub mod screens;
mod select;
pub mod text;
mod text_field;

pub use bind::{t, Bind};
pub use calendar::Calendar;
pub use choice_buttons::ChoiceButtons;
pub use date::DateField;
pub use lines::{remove_line, LinkedChoice, RemoveLine};
pub use marks::{field_dom_id, FieldMarks, Mark, MarkLevel, MarksFrom};
pub use money::{ExpectedAmount, MoneyField};
pub use number::NumberField;
pub use select::{enum_options, SelectField};
pub use text::FormText;
pub use text_field::{TextArea, TextField};

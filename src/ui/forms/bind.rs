//! Two-way bindings from widgets into form state.

use leptos::prelude::*;

use crate::ui::i18n::{use_i18n, Text};

/// A getter and a setter for one value of form state. `Copy`, so it goes into closures.
pub struct Bind<T: Send + Sync + 'static> {
    pub get: Signal<T>,
    pub set: Callback<T>,
}

impl<T: Send + Sync + 'static> Clone for Bind<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Bind<T> {}

impl<T: Clone + Send + Sync + 'static> Bind<T> {
    pub fn new(
        get: impl Fn() -> T + Send + Sync + 'static,
        set: impl Fn(T) + Send + Sync + 'static,
    ) -> Bind<T> {
        Bind {
            get: Signal::derive(get),
            set: Callback::new(set),
        }
    }

    /// The whole of a signal.
    pub fn signal(s: RwSignal<T>) -> Bind<T> {
        Bind::new(move || s.get(), move |v| s.set(v))
    }

    pub fn value(&self) -> T {
        self.get.get()
    }

    pub fn put(&self, v: T) {
        self.set.run(v)
    }
}

/// A binding to a field of a form held in an `RwSignal`:
/// `bind!(form, title)`, or for a line of a list `bind!(form, co_funding, i, amount)`
/// (a line removed meanwhile reads as empty and ignores writes instead of panicking).
#[macro_export]
macro_rules! bind {
    ($form:expr, $list:ident, $i:expr, $field:ident) => {{
        let form = $form;
        let i = $i;
        $crate::ui::forms::Bind::new(
            move || form.with(|f| f.$list.get(i).map(|l| l.$field.clone()).unwrap_or_default()),
            move |v| {
                form.update(|f| {
                    if let Some(l) = f.$list.get_mut(i) {
                        l.$field = v;
                    }
                })
            },
        )
    }};
    ($form:expr, $field:ident) => {{
        let form = $form;
        $crate::ui::forms::Bind::new(
            move || form.with(|f| f.$field.clone()),
            move |v| form.update(|f| f.$field = v),
        )
    }};
}

/// A text in the interface language, as a signal for widget labels: `label=t(CityText::Name)`.
pub fn t(text: impl Text) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || i18n.t(text).to_string())
}

//! The user interface. The translation table ([`i18n`]), the route table ([`routes`]) and
//! the main menu's table ([`nav`]) are plain Rust and build natively; everything else needs the browser.

pub mod i18n;
pub mod nav;
pub mod records;
pub mod routes;

#[cfg(target_arch = "wasm32")]
pub mod attachments;
#[cfg(target_arch = "wasm32")]
pub mod banners;
#[cfg(target_arch = "wasm32")]
pub mod charts;
#[cfg(target_arch = "wasm32")]
pub mod edit;
#[cfg(target_arch = "wasm32")]
pub mod findings_panel;
#[cfg(target_arch = "wasm32")]
pub mod fmt;
#[cfg(target_arch = "wasm32")]
pub mod forms;
#[cfg(target_arch = "wasm32")]
pub mod header;
#[cfg(target_arch = "wasm32")]
pub mod kept_aside;
#[cfg(target_arch = "wasm32")]
pub mod lazy;
#[cfg(target_arch = "wasm32")]
pub mod nav_menu;
#[cfg(target_arch = "wasm32")]
pub mod notices;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod panic;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod sw;
#[cfg(target_arch = "wasm32")]
pub mod sync;
#[cfg(target_arch = "wasm32")]
pub mod table;
#[cfg(target_arch = "wasm32")]
pub mod tabs;

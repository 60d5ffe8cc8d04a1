//! What a record's form holds while a person types (plain strings, "35,0000" stays as
//! typed), how it becomes a record or says which field is wrong, and the BE calendar of the
//! date picker. One file a record kind; [`form`] has the parts they share.

pub mod attachment_intake;
pub mod calendar;
pub mod city_form;
pub mod committee_form;
pub mod community_form;
pub mod form;
pub mod grant_forms;
pub mod household_form;
pub mod meeting_form;
pub mod money_forms;
pub mod mou_form;
pub mod parameters_form;
pub mod progress_form;
pub mod project_form;

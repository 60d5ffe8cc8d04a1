//! The memorandum of cooperation (บันทึกความร่วมมือ, MOU) signed before money moves.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::meta::{RecordId, RecordMeta};

/// In what capacity someone signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignatoryRole {
    /// ผู้แทนคณะทำงานเมืองพัฒนาคุณภาพชีวิต
    WorkingGroupRepresentative,
    /// ผู้แทนเมือง
    CityRepresentative,
    /// ผู้แทนองค์กรปกครองส่วนท้องถิ่น
    LocalGovernmentRepresentative,
    /// ประธานโครงการ
    ProjectChair,
    /// พอช.
    Codi,
}

impl SignatoryRole {
    pub const ALL: [SignatoryRole; 5] = [
        SignatoryRole::WorkingGroupRepresentative,
        SignatoryRole::CityRepresentative,
        SignatoryRole::LocalGovernmentRepresentative,
        SignatoryRole::ProjectChair,
        SignatoryRole::Codi,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    pub name: String,
    pub role: SignatoryRole,
    /// The city this person signed for; none for the working group and CODI.
    #[serde(default)]
    pub city_id: Option<RecordId>,
    /// Title as printed under the signature, e.g. "นายกเทศมนตรี".
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub position: String,
}

/// The witness (สักขีพยาน), e.g. CODI's assistant regional director.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Witness {
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    pub name: String,
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub position: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Mou {
    pub meta: RecordMeta,
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub title: String,
    pub date: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub place: String,
    #[serde(default)]
    pub city_ids: Vec<RecordId>,
    #[serde(default)]
    pub signatories: Vec<Signatory>,
    #[serde(default)]
    pub witness: Option<Witness>,
    /// Photos and scanned papers (see `records::attachment`); left out of files when
    /// empty, so records without any keep their bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<crate::domain::records::attachment::Attachment>,
}

impl Mou {
    /// An MOU covering `city_ids` with nothing typed yet.
    pub fn new(meta: RecordMeta, city_ids: Vec<RecordId>) -> Mou {
        Mou {
            meta,
            title: String::new(),
            date: None,
            place: String::new(),
            city_ids,
            signatories: Vec::new(),
            witness: None,
            attachments: Vec::new(),
        }
    }
}

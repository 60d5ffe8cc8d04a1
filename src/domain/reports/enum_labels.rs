//! Thai and English words for the programme's enums, as reports, printed documents and
//! CSV headers show them. A trait rather than inherent methods so that these live with the
//! reports that need them and the record files stay as they are.

use crate::domain::records::{
    Category, LocalUnitType, MemberRole, ProjectStatus, Sector, SignatoryRole,
};
use crate::domain::rules::{status_name_en, status_name_th};

/// A value with a Thai and an English label.
///
/// ```
/// use mueang::domain::records::Category;
/// use mueang::domain::reports::Label;
/// assert_eq!(Category::Housing.label_th(), "ที่อยู่อาศัย");
/// assert_eq!(Category::Housing.label_en(), "housing");
/// ```
pub trait Label {
    fn label_th(&self) -> &'static str;
    fn label_en(&self) -> &'static str;
}

/// Project statuses share the rules' words, so a finding and a report name a status alike.
impl Label for ProjectStatus {
    fn label_th(&self) -> &'static str {
        status_name_th(*self)
    }
    fn label_en(&self) -> &'static str {
        status_name_en(*self)
    }
}

impl Label for LocalUnitType {
    fn label_th(&self) -> &'static str {
        self.name_th()
    }
    fn label_en(&self) -> &'static str {
        self.name_en()
    }
}

impl Label for Category {
    fn label_th(&self) -> &'static str {
        match self {
            Category::Housing => "ที่อยู่อาศัย",
            Category::Livelihood => "อาชีพและเศรษฐกิจ",
            Category::Youth => "เยาวชน",
            Category::Environment => "สิ่งแวดล้อม",
            Category::Health => "สุขภาพ",
            Category::Other => "อื่น ๆ",
        }
    }
    fn label_en(&self) -> &'static str {
        match self {
            Category::Housing => "housing",
            Category::Livelihood => "livelihood and economy",
            Category::Youth => "youth",
            Category::Environment => "environment",
            Category::Health => "health",
            Category::Other => "other",
        }
    }
}

impl Label for SignatoryRole {
    fn label_th(&self) -> &'static str {
        match self {
            SignatoryRole::WorkingGroupRepresentative => "ผู้แทนคณะทำงานเมืองพัฒนาคุณภาพชีวิต",
            SignatoryRole::CityRepresentative => "ผู้แทนเมือง",
            SignatoryRole::LocalGovernmentRepresentative => "ผู้แทนองค์กรปกครองส่วนท้องถิ่น",
            SignatoryRole::ProjectChair => "ประธานโครงการ",
            SignatoryRole::Codi => "สถาบันพัฒนาองค์กรชุมชน (พอช.)",
        }
    }
    fn label_en(&self) -> &'static str {
        match self {
            SignatoryRole::WorkingGroupRepresentative => "Working group representative",
            SignatoryRole::CityRepresentative => "City representative",
            SignatoryRole::LocalGovernmentRepresentative => "Local government representative",
            SignatoryRole::ProjectChair => "Project chair",
            SignatoryRole::Codi => "CODI",
        }
    }
}

impl Label for Sector {
    fn label_th(&self) -> &'static str {
        match self {
            Sector::Community => "ชุมชน",
            Sector::LocalGovernment => "ท้องถิ่น",
            Sector::SocialDevelopment => "พมจ.",
            Sector::PublicHealth => "สาธารณสุข",
            Sector::Education => "การศึกษา",
            Sector::Other => "อื่น ๆ",
        }
    }
    fn label_en(&self) -> &'static str {
        match self {
            Sector::Community => "community",
            Sector::LocalGovernment => "local government",
            Sector::SocialDevelopment => "provincial social development office",
            Sector::PublicHealth => "public health",
            Sector::Education => "education",
            Sector::Other => "other",
        }
    }
}

impl Label for MemberRole {
    fn label_th(&self) -> &'static str {
        match self {
            MemberRole::Chair => "ประธาน",
            MemberRole::Secretary => "เลขานุการ",
            MemberRole::Member => "กรรมการ",
        }
    }
    fn label_en(&self) -> &'static str {
        match self {
            MemberRole::Chair => "chair",
            MemberRole::Secretary => "secretary",
            MemberRole::Member => "member",
        }
    }
}

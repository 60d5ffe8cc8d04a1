//! The closed lists a survey form offers, each choice with its Thai and English words. The
//! lists follow the National Housing Authority's low-income community data and CODI's
//! city-wide survey forms (issue #12); `other` is there wherever the real world has more.

use serde::{Deserialize, Serialize};

/// What every choice list offers, so summaries and forms can count and label any of them.
pub trait Choice: Copy + Eq + Ord + std::hash::Hash + 'static {
    /// Every choice, in the order forms and summaries show them.
    fn all() -> &'static [Self];
    fn th(self) -> &'static str;
    fn en(self) -> &'static str;
    /// Its position in [`Choice::all`].
    fn index(self) -> usize;
}

/// Declares a choice list once: the enum (snake_case in files), [`ALL`](Landowner::ALL) in
/// form order, and `label_th` / `label_en`, so a choice cannot be added without its words.
macro_rules! choices {
    ($(#[$doc:meta])* $name:ident {
        $($variant:ident $(as $file:literal)? => $th:literal, $en:literal;)*
    }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $(#[doc = $th] $(#[serde(rename = $file)])? $variant,)*
        }

        impl $name {
            /// Every choice, in the order forms and summaries show them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn label_th(self) -> &'static str {
                match self { $($name::$variant => $th,)* }
            }

            pub fn label_en(self) -> &'static str {
                match self { $($name::$variant => $en,)* }
            }
        }

        impl crate::domain::reports::Label for $name {
            fn label_th(&self) -> &'static str {
                $name::label_th(*self)
            }
            fn label_en(&self) -> &'static str {
                $name::label_en(*self)
            }
        }

        impl Choice for $name {
            fn all() -> &'static [$name] {
                $name::ALL
            }
            fn th(self) -> &'static str {
                self.label_th()
            }
            fn en(self) -> &'static str {
                self.label_en()
            }
            fn index(self) -> usize {
                self as usize
            }
        }
    };
}

choices! {
    /// Who owns the land a community lives on.
    Landowner {
        TreasuryDepartment => "กรมธนารักษ์", "Treasury Department";
        CrownProperty => "สำนักงานทรัพย์สินพระมหากษัตริย์", "Crown Property Bureau";
        StateRailway => "การรถไฟแห่งประเทศไทย", "State Railway of Thailand";
        Temple => "วัด", "temple";
        LocalGovernment => "ท้องถิ่น", "local government";
        Private => "เอกชน", "private owner";
        Other => "อื่น ๆ", "other";
    }
}

choices! {
    /// On what terms people hold the land (a community's, or one household's).
    LandTenure {
        Owned => "เป็นเจ้าของ", "owned";
        LongLease => "เช่าระยะยาว", "long lease";
        Rent => "เช่า", "rented";
        OccupiedWithoutPermission => "อยู่โดยไม่ได้รับอนุญาต", "occupied without permission";
    }
}

choices! {
    /// On what terms a household lives in its house.
    HouseTenure {
        Owned => "เป็นเจ้าของบ้าน", "owns the house";
        Rent => "เช่าบ้าน", "rents the house";
        RentFree => "อาศัยอยู่โดยไม่เสียค่าเช่า", "lives rent-free";
        Other => "อื่น ๆ", "other";
    }
}

choices! {
    /// How close a community is to eviction.
    EvictionThreat {
        None => "ไม่มี", "none";
        Threatened => "ถูกขู่ไล่ที่", "threatened";
        UnderNotice => "ได้รับหนังสือให้ออก", "under notice";
    }
}

choices! {
    /// Dangers a community lives with.
    Hazard {
        Fire => "ไฟไหม้", "fire";
        Flood => "น้ำท่วม", "flood";
        Other => "อื่น ๆ", "other";
    }
}

choices! {
    /// Basic services a community lacks.
    Missing {
        Walkways => "ทางเดิน", "walkways";
        Drainage => "ระบายน้ำ", "drainage";
        Water => "น้ำประปา", "water";
        Electricity => "ไฟฟ้า", "electricity";
        Waste => "การจัดการขยะ", "waste";
    }
}

choices! {
    /// What the community would like done about its housing.
    Solution {
        UpgradeInPlace => "ปรับปรุงในที่เดิม", "upgrade in place";
        Reblock => "ปรับผังชุมชน", "re-block";
        LandSharing => "แบ่งปันที่ดิน", "land sharing";
        Relocation => "ย้ายไปที่ใหม่", "relocation";
    }
}

choices! {
    /// CODI's housing programmes a community's plan may go to.
    HousingProgramme {
        BaanMankongMueang => "บ้านมั่นคงเมือง", "Baan Mankong urban";
        BaanMankongChonnabot => "บ้านมั่นคงชนบท", "Baan Mankong rural";
        BaanPhoPhiangChonnabot => "บ้านพอเพียงชนบท", "Baan Pho Phiang rural";
    }
}

choices! {
    /// The state of a house as the surveyor saw it.
    HouseCondition {
        Good => "ดี", "good";
        NeedsRepair => "ต้องซ่อมแซม", "needs repair";
        Dilapidated => "ทรุดโทรม", "dilapidated";
    }
}

choices! {
    /// A household's income per month, in the bands a survey asks (people answer a band
    /// more readily than a figure).
    IncomeBand {
        UpTo5000 as "up_to_5000" => "ไม่เกิน 5,000 บาท/เดือน", "up to 5,000 baht a month";
        UpTo10000 as "up_to_10000" => "5,001–10,000 บาท/เดือน", "5,001–10,000 baht a month";
        UpTo15000 as "up_to_15000" => "10,001–15,000 บาท/เดือน", "10,001–15,000 baht a month";
        UpTo20000 as "up_to_20000" => "15,001–20,000 บาท/เดือน", "15,001–20,000 baht a month";
        Over20000 as "over_20000" => "มากกว่า 20,000 บาท/เดือน", "over 20,000 baht a month";
    }
}

choices! {
    /// What a household needs most.
    Need {
        Repair => "ซ่อมบ้าน", "repair";
        NewHouse => "สร้างบ้านใหม่", "new house";
        SecureLand => "ความมั่นคงในที่ดิน", "secure land";
        None => "ไม่มีความต้องการ", "none";
    }
}

choices! {
    /// Where a community's coordinates came from.
    LocationSource {
        Typed => "พิมพ์เอง", "typed";
        Gps => "จาก GPS ของเครื่อง", "from the device's GPS";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_has_words_and_a_file_name() {
        for p in HousingProgramme::ALL {
            assert!(!p.label_th().is_empty() && !p.label_en().is_empty());
        }
        assert_eq!(
            HousingProgramme::BaanMankongMueang.label_th(),
            "บ้านมั่นคงเมือง"
        );
        let json = serde_json::to_string(&LandTenure::OccupiedWithoutPermission).unwrap();
        assert_eq!(json, "\"occupied_without_permission\"");
        let back: Landowner = serde_json::from_str("\"crown_property\"").unwrap();
        assert_eq!(back.label_th(), "สำนักงานทรัพย์สินพระมหากษัตริย์");
        assert!(serde_json::from_str::<Need>("\"everything\"").is_err());
        assert_eq!(Missing::ALL.len(), 5);
        let band = serde_json::to_string(&IncomeBand::UpTo10000).unwrap();
        assert_eq!(band, "\"up_to_10000\"");
    }
}

//! Response types of the reference data.

use chrono::NaiveDate;
use gmc_domain::reference::{NtmKind, Region, WtoStatus};
use gmc_store::views::{CountryView, DelegationView, MinisterialView, NtmCategoryView, SectorView};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::routes::page_of;

#[derive(Debug, Serialize, ToSchema)]
pub struct CountryDto {
    #[schema(example = "NPL")]
    pub code: String,
    pub name: String,
    pub region: Region,
    pub wto_status: WtoStatus,
    pub wto_member_since: Option<NaiveDate>,
    pub ldc: bool,
    pub ldc_graduation_date: Option<NaiveDate>,
    pub capital: String,
    /// IANA time zone of the capital.
    #[schema(example = "Asia/Kathmandu")]
    pub time_zone: String,
}

impl From<CountryView> for CountryDto {
    fn from(c: CountryView) -> Self {
        CountryDto {
            code: c.code,
            name: c.name,
            region: c.region,
            wto_status: c.wto_status,
            wto_member_since: c.wto_member_since,
            ldc: c.ldc,
            ldc_graduation_date: c.ldc_graduation_date,
            capital: c.capital,
            time_zone: c.time_zone,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DelegationDto {
    pub id: Uuid,
    #[schema(example = "BGD")]
    pub country_code: String,
    pub name: String,
}

impl From<DelegationView> for DelegationDto {
    fn from(d: DelegationView) -> Self {
        DelegationDto { id: d.id, country_code: d.country_code, name: d.name }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MinisterialDto {
    pub id: Uuid,
    #[schema(example = "MC12")]
    pub code: String,
    pub name: String,
    pub host_city: String,
    pub host_country: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub note: String,
}

impl From<MinisterialView> for MinisterialDto {
    fn from(m: MinisterialView) -> Self {
        MinisterialDto {
            id: m.id,
            code: m.code,
            name: m.name,
            host_city: m.host_city,
            host_country: m.host_country,
            starts_on: m.starts_on,
            ends_on: m.ends_on,
            note: m.note,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NtmCategoryDto {
    /// MAST chapter letter (`A`–`P`) or procedural-obstacle code (`PO-ADMIN`).
    pub code: String,
    pub kind: NtmKind,
    pub title: String,
    pub description: String,
}

impl From<NtmCategoryView> for NtmCategoryDto {
    fn from(n: NtmCategoryView) -> Self {
        NtmCategoryDto { code: n.code, kind: n.kind, title: n.title, description: n.description }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SectorDto {
    /// ISIC Rev.4 section letter.
    pub code: String,
    pub title: String,
}

impl From<SectorView> for SectorDto {
    fn from(s: SectorView) -> Self {
        SectorDto { code: s.code, title: s.title }
    }
}

page_of!(CountryPage, CountryDto);
page_of!(DelegationPage, DelegationDto);
page_of!(MinisterialPage, MinisterialDto);
page_of!(NtmCategoryPage, NtmCategoryDto);
page_of!(SectorPage, SectorDto);

//! The reference data's pages; the items are the store's views (`CountryView`, …).

use gmc_store::views::{CountryView, DelegationView, MinisterialView, NtmCategoryView, SectorView};

use crate::routes::page_of;

page_of!(CountryPage, CountryView);
page_of!(DelegationPage, DelegationView);
page_of!(MinisterialPage, MinisterialView);
page_of!(NtmCategoryPage, NtmCategoryView);
page_of!(SectorPage, SectorView);

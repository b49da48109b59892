//! The reference data's pages; the items are the store's views (`CountryView`, …).

use gmc_store::views::{CountryView, DelegationView, MinisterialView, NtmCategoryView, SectorView};

use crate::routes::page_of;

page_of!(CountryPage, CountryView);
page_of!(DelegationPage, DelegationView);
page_of!(MinisterialPage, MinisterialView);
page_of!(NtmCategoryPage, NtmCategoryView);
page_of!(SectorPage, SectorView);

/// The example body of `POST /ministerials`.
pub fn ministerial_example() -> serde_json::Value {
    serde_json::json!({
        "code": "MC15",
        "name": "Fifteenth WTO Ministerial Conference",
        "host_city": "To be decided",
        "host_country": "To be decided",
        "starts_on": "2028-03-01",
        "ends_on": "2028-03-04",
        "note": "Added for preparation; dates provisional."
    })
}

//! The evidence routes' request examples (the bodies and views are the store's own).

/// A valid `EvidenceInput`, shown in the OpenAPI document.
pub fn create_example() -> serde_json::Value {
    serde_json::json!({
        "target_kind": "impediment",
        "target_id": "0193a5e2-7c1a-7d3e-9b4f-2a6c8e0d1f23",
        "note": "Shrimp exporters re-tested at every consignment: the SPS position rests on it."
    })
}

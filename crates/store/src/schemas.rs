//! Schema-only value sets (with the `openapi` feature). These fields travel as strings and are checked by
//! the services (against the reference tables or the domain's lists), so a bad value is a 422 naming the
//! field; these types only tell clients the allowed values. Tests keep each set equal to where the
//! services read it from.

use utoipa::ToSchema;

/// An ISIC Rev.4 section: the `sector` of stakeholders, impediments and respondent profiles (the
/// sectors of `GET /api/v1/sectors`).
#[derive(ToSchema)]
pub enum IsicSection {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
    I,
    J,
    K,
    L,
    M,
    N,
    O,
    P,
    Q,
    R,
    S,
    T,
    U,
}

/// A language a consultation may be held in: English plus the languages of South and Southeast Asia.
#[derive(ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum LanguageCode {
    En,
    Bn,
    Ne,
    Si,
    Ta,
    Ur,
    Hi,
    Dv,
    Km,
    Lo,
    My,
    Th,
    Vi,
    Id,
    Ms,
    Fil,
    Tet,
    Zh,
}

#[cfg(test)]
mod tests {
    use utoipa::PartialSchema;

    use super::*;

    fn values<T: PartialSchema>() -> Vec<String> {
        let schema = serde_json::to_value(T::schema()).unwrap_or_default();
        schema["enum"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn the_sections_are_the_seeded_sectors() {
        let seeded: serde_json::Value =
            serde_json::from_str(include_str!("../../../migrations/data/sectors.json")).unwrap_or_default();
        let codes: Vec<String> = seeded
            .as_array()
            .map(|a| a.iter().filter_map(|s| s["code"].as_str().map(str::to_owned)).collect())
            .unwrap_or_default();
        assert_eq!(values::<IsicSection>(), codes);
    }

    #[test]
    fn the_languages_are_the_domains() {
        assert_eq!(values::<LanguageCode>(), gmc_domain::consultation::LANGUAGES.to_vec());
    }
}

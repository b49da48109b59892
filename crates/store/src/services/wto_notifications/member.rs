//! The notifying member of a row: an ISO alpha-3 code of the reference countries, `EU` (the European
//! Union notifies as one member; the reference countries hold no code for it, so it is kept as the
//! market group `EU` that impediments name as partner), or a member's name as ePing writes it.

use std::collections::HashMap;

use gmc_domain::ValidationErrors;
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::entities::countries;
use crate::AppResult;

/// Member names as the WTO writes them, lower-case, with the code they stand for.
const WTO_NAMES: &[(&str, &str)] = &[
    ("european union", "EU"),
    ("united states of america", "USA"),
    ("korea, republic of", "KOR"),
    ("viet nam", "VNM"),
    ("lao people's democratic republic", "LAO"),
    ("türkiye", "TUR"),
    ("china, people's republic of", "CHN"),
];

/// Country names (lower-case) to codes, read once per process: they change only with a migration.
static NAMES: tokio::sync::OnceCell<HashMap<String, String>> = tokio::sync::OnceCell::const_new();

async fn names<C: ConnectionTrait>(db: &C) -> AppResult<&'static HashMap<String, String>> {
    NAMES
        .get_or_try_init(|| async {
            let rows = countries::Entity::find().all(db).await?;
            let mut map: HashMap<String, String> = rows
                .into_iter()
                .flat_map(|c| [(c.name.to_lowercase(), c.code.clone()), (c.code.to_lowercase(), c.code)])
                .collect();
            map.insert("eu".into(), "EU".into());
            // ePing's names where they differ from the reference countries' (only for codes kept there).
            for (name, code) in WTO_NAMES {
                if map.values().any(|c| c == code) {
                    map.insert((*name).to_owned(), (*code).to_owned());
                }
            }
            Ok::<_, crate::AppError>(map)
        })
        .await
}

/// The member's code, or `None` with the problem added under `field`.
pub(super) async fn resolve<C: ConnectionTrait>(
    db: &C,
    e: &mut ValidationErrors,
    field: &str,
    raw: &str,
) -> AppResult<Option<String>> {
    let text = raw.trim();
    if text.is_empty() {
        e.add(field, "required", "is required");
        return Ok(None);
    }
    let found = names(db).await?.get(&text.to_lowercase()).cloned();
    if found.is_none() {
        e.add(field, "unknown", "names no WTO member: use an ISO alpha-3 code, EU, or the member's name");
    }
    Ok(found)
}

//! Does a reference name a row that exists? One function per kind of reference (country, market
//! partner, NTM code, ISIC sector, topics, delegation), so every capability answers an unknown one with
//! the same code (`unknown`) and the same words, under the field name the caller gives (which may be
//! nested, e.g. `profile.country`). Each adds its problem to the caller's `ValidationErrors` and goes
//! on, so one answer lists every bad field; a database failure is the only `Err`.

use std::collections::HashSet;

use gmc_domain::impediment::{NtmCode, PARTNER_GROUPS};
use gmc_domain::ValidationErrors;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use crate::entities::{countries, delegations, ntm_categories, sectors, topics};
use crate::{AppError, AppResult};

/// A request may name at most this many topics.
const MAX_TOPICS: usize = 20;

/// Country and sector codes, read once per process: they change only with a migration, and the
/// public form checks them on every submission, so a lookup costs no query.
static CODES: tokio::sync::OnceCell<(HashSet<String>, HashSet<String>)> = tokio::sync::OnceCell::const_new();

async fn codes<C: ConnectionTrait>(db: &C) -> AppResult<&'static (HashSet<String>, HashSet<String>)> {
    CODES
        .get_or_try_init(|| async {
            let countries = countries::Entity::find().all(db).await?.into_iter().map(|c| c.code).collect();
            let sectors = sectors::Entity::find().all(db).await?.into_iter().map(|s| s.code).collect();
            Ok::<_, AppError>((countries, sectors))
        })
        .await
}

/// `code` (upper-case) names a country; otherwise `field` is `unknown`. Returns whether it does.
pub(crate) async fn country<C: ConnectionTrait>(
    db: &C,
    e: &mut ValidationErrors,
    field: &str,
    code: &str,
) -> AppResult<bool> {
    let known = codes(db).await?.0.contains(code);
    if !known {
        e.add(field, "unknown", "names no country");
    }
    Ok(known)
}

/// A trade partner is a country or one of the market groups (`EU`, …).
pub(crate) async fn partner<C: ConnectionTrait>(
    db: &C,
    e: &mut ValidationErrors,
    field: &str,
    partner: &str,
) -> AppResult<()> {
    if !PARTNER_GROUPS.contains(&partner) && !codes(db).await?.0.contains(partner) {
        e.add(field, "unknown", "names no country or market group");
    }
    Ok(())
}

/// The code's chapter (or procedural group) must be in the NTM classification.
pub(crate) async fn ntm_code<C: ConnectionTrait>(
    db: &C,
    e: &mut ValidationErrors,
    field: &str,
    ntm: &NtmCode,
) -> AppResult<()> {
    if ntm_categories::Entity::find_by_id(ntm.chapter().to_owned()).one(db).await?.is_none() {
        e.add(field, "unknown", "names no NTM chapter or procedural group");
    }
    Ok(())
}

/// An optional sector: blank text means none; otherwise the trimmed, upper-cased code must be an ISIC
/// section. Returns the code when it is one.
pub(crate) async fn sector<C: ConnectionTrait>(
    db: &C,
    e: &mut ValidationErrors,
    field: &str,
    raw: &str,
) -> AppResult<Option<String>> {
    let code = raw.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Ok(None);
    }
    if codes(db).await?.1.contains(&code) {
        Ok(Some(code))
    } else {
        e.add(field, "unknown", "names no ISIC section (A–U)");
        Ok(None)
    }
}

/// A required sector (a stakeholder's): blank is as wrong as an unknown code, so the words say what
/// the value must be.
pub(crate) async fn required_sector<C: ConnectionTrait>(
    db: &C,
    e: &mut ValidationErrors,
    field: &str,
    raw: &str,
) -> AppResult<Option<String>> {
    let code = raw.trim().to_ascii_uppercase();
    let known = !code.is_empty() && codes(db).await?.1.contains(&code);
    if !known {
        e.add(field, "unknown", "must be an ISIC Rev.4 section code (A–U)");
    }
    Ok(known.then_some(code))
}

/// A list of topics: deduplicated and sorted (that is the form stored), at most twenty, each one that
/// exists. Returns the cleaned list.
pub(crate) async fn topic_ids<C: ConnectionTrait>(
    db: &C,
    e: &mut ValidationErrors,
    field: &str,
    ids: &[Uuid],
) -> AppResult<Vec<Uuid>> {
    let mut ids = ids.to_vec();
    ids.sort();
    ids.dedup();
    if ids.len() > MAX_TOPICS {
        e.add(field, "too_many", "may name at most 20 topics");
        return Ok(ids);
    }
    let found = topics::Entity::find().filter(topics::Column::Id.is_in(ids.clone())).count(db).await?;
    if found != ids.len() as u64 {
        e.add(field, "unknown", "names a topic that does not exist");
    }
    Ok(ids)
}

/// One topic that must exist.
pub(crate) async fn topic<C: ConnectionTrait>(
    db: &C,
    e: &mut ValidationErrors,
    field: &str,
    id: Uuid,
) -> AppResult<()> {
    if topics::Entity::find_by_id(id).one(db).await?.is_none() {
        e.add(field, "unknown", "names no topic");
    }
    Ok(())
}

/// A delegation that must exist.
pub(crate) async fn delegation<C: ConnectionTrait>(
    db: &C,
    e: &mut ValidationErrors,
    field: &str,
    id: Uuid,
) -> AppResult<()> {
    if delegations::Entity::find_by_id(id).one(db).await?.is_none() {
        e.add(field, "unknown", "names no delegation");
    }
    Ok(())
}

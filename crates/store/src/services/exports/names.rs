//! The names exported beside codes (`partner` → `partner_name`): countries, market groups, NTM
//! categories, ISIC sectors and topics, read once per export (the reference tables are small).

use std::collections::HashMap;

use sea_orm::{DatabaseConnection, EntityTrait};
use uuid::Uuid;

use crate::entities::{countries, delegations, ntm_categories, sectors, topics};
use crate::services::prep::TopicRef;
use crate::AppResult;

/// The market groups' names (the SPA's `reference.partnerGroup.*` says the same).
const GROUPS: &[(&str, &str)] = &[
    ("EU", "European Union"),
    ("ASEAN", "Association of Southeast Asian Nations"),
    ("GCC", "Gulf Cooperation Council"),
    ("EAEU", "Eurasian Economic Union"),
    ("MERCOSUR", "Mercosur (Southern Common Market)"),
    ("SACU", "Southern African Customs Union"),
    ("WORLD", "All markets (world)"),
];

#[derive(Debug, Default)]
pub struct Names {
    countries: HashMap<String, String>,
    ntm: HashMap<String, String>,
    sectors: HashMap<String, String>,
    topics: HashMap<Uuid, (String, String)>,
    // issue 11: exports — the owning delegation's code and name beside its id (consultations).
    delegations: HashMap<Uuid, (String, String)>,
}

impl Names {
    pub async fn load(db: &DatabaseConnection) -> AppResult<Self> {
        Ok(Names {
            countries: countries::Entity::find().all(db).await?.into_iter().map(|c| (c.code, c.name)).collect(),
            ntm: ntm_categories::Entity::find().all(db).await?.into_iter().map(|c| (c.code, c.title)).collect(),
            sectors: sectors::Entity::find().all(db).await?.into_iter().map(|s| (s.code, s.title)).collect(),
            topics: topics::Entity::find().all(db).await?.into_iter().map(|t| (t.id, (t.code, t.title))).collect(),
            delegations: delegations::Entity::find()
                .all(db)
                .await?
                .into_iter()
                .map(|d| (d.id, (d.country_code, d.name)))
                .collect(),
        })
    }

    pub fn country(&self, code: &str) -> String {
        self.countries.get(code).cloned().unwrap_or_default()
    }

    /// A country or a market group.
    pub fn partner(&self, code: &str) -> String {
        GROUPS.iter().find(|(c, _)| *c == code).map_or_else(|| self.country(code), |(_, n)| (*n).to_owned())
    }

    pub fn ntm(&self, code: &str) -> String {
        self.ntm.get(code).cloned().unwrap_or_default()
    }

    pub fn sector(&self, code: &str) -> String {
        self.sectors.get(code).cloned().unwrap_or_default()
    }

    /// Topic codes and titles, each joined with `; `.
    pub fn topics(&self, ids: &[Uuid]) -> (String, String) {
        let (codes, titles): (Vec<&str>, Vec<&str>) =
            ids.iter().filter_map(|id| self.topics.get(id)).map(|(c, t)| (c.as_str(), t.as_str())).unzip();
        (codes.join("; "), titles.join("; "))
    }

    /// A delegation's code and name (empty for none or an unknown id).
    pub fn delegation(&self, id: Option<Uuid>) -> (String, String) {
        id.and_then(|id| self.delegations.get(&id)).cloned().unwrap_or_default()
    }
}

/// Topic references (as the views carry them): codes and titles, each joined with `; `.
pub fn topic_refs(refs: &[TopicRef]) -> (String, String) {
    let codes: Vec<&str> = refs.iter().map(|t| t.code.as_str()).collect();
    let titles: Vec<&str> = refs.iter().map(|t| t.title.as_str()).collect();
    (codes.join("; "), titles.join("; "))
}

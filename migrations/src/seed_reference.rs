//! Loads the reference data files (`migrations/data/*.json`) into the reference tables. The files are
//! compiled in, so a binary carries its reference data and needs no data directory.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm_migration::prelude::*;
use serde::Deserialize;
use uuid::Uuid;

#[derive(Deserialize)]
struct Country {
    code: String,
    name: String,
    region: String,
    wto_status: String,
    wto_member_since: Option<NaiveDate>,
    ldc: bool,
    ldc_graduation_date: Option<NaiveDate>,
    capital: String,
    time_zone: String,
}

#[derive(Deserialize)]
struct Ministerial {
    code: String,
    name: String,
    host_city: String,
    host_country: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    note: String,
}

#[derive(Deserialize)]
struct Topic {
    code: String,
    title: String,
    kind: String,
    wto_body: String,
    parent_code: Option<String>,
    description: String,
    status: String,
}

#[derive(Deserialize)]
struct NtmCategory {
    code: String,
    kind: String,
    title: String,
    description: String,
}

#[derive(Deserialize)]
struct Sector {
    code: String,
    title: String,
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<Vec<T>, DbErr> {
    serde_json::from_str(text).map_err(|e| DbErr::Custom(format!("reference data {name}: {e}")))
}

pub async fn seed(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let countries: Vec<Country> = parse("countries.json", include_str!("../data/countries.json"))?;
    let now = Utc::now();
    let mut insert = Query::insert();
    insert.into_table(Alias::new("countries")).columns(
        [
            "code",
            "name",
            "region",
            "wto_status",
            "wto_member_since",
            "ldc",
            "ldc_graduation_date",
            "capital",
            "time_zone",
        ]
        .map(Alias::new),
    );
    for c in &countries {
        insert.values_panic([
            c.code.clone().into(),
            c.name.clone().into(),
            c.region.clone().into(),
            c.wto_status.clone().into(),
            c.wto_member_since.into(),
            c.ldc.into(),
            c.ldc_graduation_date.into(),
            c.capital.clone().into(),
            c.time_zone.clone().into(),
        ]);
    }
    m.exec_stmt(insert).await?;

    // A delegation for every South and Southeast Asian WTO member: the forum's participants.
    let mut insert = Query::insert();
    insert.into_table(Alias::new("delegations")).columns(["id", "country_code", "name", "created_at"].map(Alias::new));
    for c in countries.iter().filter(|c| c.region != "other" && c.wto_status == "member") {
        insert.values_panic([Uuid::now_v7().into(), c.code.clone().into(), c.name.clone().into(), now.into()]);
    }
    m.exec_stmt(insert).await?;

    let ministerials: Vec<Ministerial> = parse("ministerials.json", include_str!("../data/ministerials.json"))?;
    let mut insert = Query::insert();
    insert
        .into_table(Alias::new("ministerials"))
        .columns(["id", "code", "name", "host_city", "host_country", "starts_on", "ends_on", "note"].map(Alias::new));
    for mc in ministerials {
        insert.values_panic([
            Uuid::now_v7().into(),
            mc.code.into(),
            mc.name.into(),
            mc.host_city.into(),
            mc.host_country.into(),
            mc.starts_on.into(),
            mc.ends_on.into(),
            mc.note.into(),
        ]);
    }
    m.exec_stmt(insert).await?;

    let topics: Vec<Topic> = parse("topics.json", include_str!("../data/topics.json"))?;
    let mut ids: HashMap<String, Uuid> = HashMap::new();
    let mut insert = Query::insert();
    insert.into_table(Alias::new("topics")).columns(
        [
            "id",
            "code",
            "title",
            "kind",
            "wto_body",
            "parent_id",
            "description",
            "status",
            "version",
            "created_at",
            "updated_at",
        ]
        .map(Alias::new),
    );
    for t in topics {
        let id = Uuid::now_v7();
        let parent = match &t.parent_code {
            Some(code) => Some(
                *ids.get(code).ok_or_else(|| DbErr::Custom(format!("topic {} names unknown parent {code}", t.code)))?,
            ),
            None => None,
        };
        ids.insert(t.code.clone(), id);
        insert.values_panic([
            id.into(),
            t.code.into(),
            t.title.into(),
            t.kind.into(),
            t.wto_body.into(),
            parent.into(),
            t.description.into(),
            t.status.into(),
            1i32.into(),
            now.into(),
            now.into(),
        ]);
    }
    m.exec_stmt(insert).await?;

    let ntm: Vec<NtmCategory> = parse("ntm_categories.json", include_str!("../data/ntm_categories.json"))?;
    let mut insert = Query::insert();
    insert.into_table(Alias::new("ntm_categories")).columns(["code", "kind", "title", "description"].map(Alias::new));
    for n in ntm {
        insert.values_panic([n.code.into(), n.kind.into(), n.title.into(), n.description.into()]);
    }
    m.exec_stmt(insert).await?;

    let sectors: Vec<Sector> = parse("sectors.json", include_str!("../data/sectors.json"))?;
    let mut insert = Query::insert();
    insert.into_table(Alias::new("sectors")).columns(["code", "title"].map(Alias::new));
    for s in sectors {
        insert.values_panic([s.code.into(), s.title.into()]);
    }
    m.exec_stmt(insert).await
}

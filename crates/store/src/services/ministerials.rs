//! Adding ministerial conferences (admins). Reading them is `reference`'s.

use gmc_domain::ministerial::{MinisterialInput, NewMinisterial};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::ministerials;
use crate::views::MinisterialView;
use crate::AppResult;

pub async fn create(db: &DatabaseConnection, actor: &Actor, input: MinisterialInput) -> AppResult<MinisterialView> {
    authorize(actor, Operation::ManageMinisterials)?;
    let new = NewMinisterial::parse(input)?;
    let txn = AuditedTxn::begin(db).await?;
    let taken = ministerials::Entity::find().filter(ministerials::Column::Code.eq(new.code.as_str())).one(&txn).await?;
    if taken.is_some() {
        return Err(
            ValidationErrors::single("code", "taken", "is already used by another ministerial conference").into()
        );
    }
    let model = ministerials::ActiveModel {
        id: Set(Uuid::now_v7()),
        code: Set(new.code),
        name: Set(new.name),
        host_city: Set(new.host_city),
        host_country: Set(new.host_country),
        starts_on: Set(new.starts_on),
        ends_on: Set(new.ends_on),
        note: Set(new.note),
    }
    .insert(&txn)
    .await?;
    let changes =
        json!({"code": model.code, "name": model.name, "starts_on": model.starts_on, "ends_on": model.ends_on});
    txn.commit(AuditEntry::by(actor, "ministerial.create", "ministerial", model.id).changes(changes)).await?;
    Ok(super::reference::ministerial_view(model))
}

//! Reading an import and its report back (`GET /imports/{id}`, `…/report.csv`): for the user who ran it
//! and admins, with a running job's progress from the queue.

use gmc_domain::policy::{authorize, can_read_import, Operation};
use gmc_domain::Actor;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::view::{view, ImportView};
use crate::entities::{import_problems, imports};
use crate::services::consultations::results::spreadsheet_safe;
use crate::{AppError, AppResult};

/// An import, for the user who ran it and admins; anyone else gets a 404.
pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<ImportView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let m = imports::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|m| can_read_import(actor, gmc_domain::ids::UserId::from_uuid(m.created_by)))
        .ok_or(AppError::NotFound("import"))?;
    let problems = import_problems::Entity::find()
        .filter(import_problems::Column::ImportId.eq(id))
        .order_by_asc(import_problems::Column::Seq)
        .all(db)
        .await?;
    let mut v = view(m, problems);
    super::queue::progress(db, &mut v).await?;
    Ok(v)
}

/// The report as CSV (`row,column,code,message`), every text cell spreadsheet-safe.
pub async fn report_csv(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<String> {
    let import = get(db, actor, id).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let internal = |e: csv::Error| AppError::Internal(e.into());
    w.write_record(["row", "column", "code", "message"]).map_err(internal)?;
    for p in &import.problems {
        w.write_record([
            p.row.to_string(),
            spreadsheet_safe(&p.column),
            spreadsheet_safe(&p.code),
            spreadsheet_safe(&p.message),
        ])
        .map_err(internal)?;
    }
    let bytes = w.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("csv: {e}")))?;
    String::from_utf8(bytes).map_err(|e| AppError::Internal(e.into()))
}

//! Keeping an import and its report (`imports`, `import_problems`), reading them back, and the report
//! as CSV.

use gmc_domain::import::ImportStatus;
use gmc_domain::policy::{authorize, can_read_import, Operation};
use gmc_domain::Actor;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::view::{view, ImportProblemView, ImportView};
use crate::entities::{import_problems, imports};
use crate::services::access::{Guard, Guarded};
use crate::services::consultations::results::spreadsheet_safe;
use crate::{AppError, AppResult};

/// Writes the import's row and its problems on `db` (the import's transaction, or the one after a
/// rollback). `queued`: the row exists (a job's) and is finished only if still open; otherwise the
/// import was cancelled or finished meanwhile, and the error rolls the caller's transaction back.
pub(super) async fn save<C: ConnectionTrait>(
    db: &C,
    model: imports::ActiveModel,
    problems: &[ImportProblemView],
    queued: bool,
) -> AppResult<imports::Model> {
    let saved = if queued { finish_open(db, model).await? } else { model.insert(db).await? };
    // In batches: one statement per problem would make a long report slow on PostgreSQL.
    for (batch_no, batch) in problems.chunks(500).enumerate() {
        let rows = batch.iter().enumerate().map(|(i, p)| import_problems::ActiveModel {
            import_id: sea_orm::Set(saved.id),
            seq: sea_orm::Set(i32::try_from(batch_no * 500 + i).unwrap_or(i32::MAX)),
            row: sea_orm::Set(p.row),
            column: sea_orm::Set(p.column.chars().take(64).collect()),
            code: sea_orm::Set(p.code.chars().take(64).collect()),
            message: sea_orm::Set(p.message.chars().take(500).collect()),
        });
        import_problems::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(saved)
}

/// Finishes an open import's row with `model`'s outcome (its id and `created_at` kept).
pub(super) async fn finish_open<C: ConnectionTrait>(
    db: &C,
    mut model: imports::ActiveModel,
) -> AppResult<imports::Model> {
    let id = match &model.id {
        sea_orm::ActiveValue::Set(id) | sea_orm::ActiveValue::Unchanged(id) => *id,
        sea_orm::ActiveValue::NotSet => return Err(AppError::Internal(anyhow::anyhow!("an import row without id"))),
    };
    model.id = sea_orm::ActiveValue::NotSet;
    model.created_at = sea_orm::ActiveValue::NotSet;
    let res = imports::Entity::update_many()
        .set(model)
        .filter(imports::Column::Id.eq(id))
        .filter(imports::Column::Status.is_in([ImportStatus::Queued.as_str(), ImportStatus::Running.as_str()]))
        .exec(db)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::Conflict("the import was cancelled or finished meanwhile".into()));
    }
    imports::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound("import"))
}

// issue 11: import-ui
/// An import is read by the user who ran it and admins (`policy::can_read_import`) — the rule
/// `import.finished` deliveries are checked against.
impl Guarded for imports::Model {
    const NOUN: &'static str = "import";

    fn guard(&self) -> AppResult<Guard> {
        Ok(Guard::Creator { created_by: gmc_domain::ids::UserId::from_uuid(self.created_by) })
    }
}

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

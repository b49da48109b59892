//! Keeping an import and its report (`imports`, `import_problems`). Reading them back is `report`'s,
//! which also asks the queue for a running import's progress (the queue runs the runner, which keeps
//! through this module).

use gmc_domain::import::ImportStatus;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::view::ImportProblemView;
use crate::entities::{import_problems, imports};
use crate::services::access::{Guard, Guarded};
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

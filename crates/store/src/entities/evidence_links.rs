//! The `evidence_links` table: what supports a prep item — an impediment, a consultation question's
//! result read under a filter, and later documents and meetings — each with why it matters.

use gmc_domain::prep::EvidenceKind;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evidence_links")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub prep_item_id: Uuid,
    pub target_kind: DbEnum<EvidenceKind>,
    /// The impediment's or the consultation's id.
    pub target_id: Uuid,
    /// For a consultation result: the question's code.
    pub question_code: Option<String>,
    /// For a consultation result: the results filter it was read under, as JSON.
    pub filter: Option<String>,
    pub note: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

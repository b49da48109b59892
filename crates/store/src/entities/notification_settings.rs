//! The `notification_settings` table: per user and kind, in-app and e-mail on or off.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    /// A `NotificationKind` spelling. Plain text, not `DbEnum`: sea-orm's composite keys need
    /// `TryFromU64` of every part, which the generic column type does not have.
    pub kind: String,
    pub in_app: bool,
    pub email: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! The small builders every migration that creates tables uses, written once (migrations 000005 to
//! 000020 each carried a copy). They only name things for sea-query; the SQL they produce is the same
//! as before, so existing databases see no change.

use sea_orm_migration::prelude::*;

/// A column by name.
pub(crate) fn col(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
}

/// A (non-unique, unless the caller adds `.unique()`) index on `table`'s `cols`, in order.
pub(crate) fn index(name: &str, table: &str, cols: &[&str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(Alias::new(table));
    for c in cols {
        i.col(Alias::new(*c));
    }
    i
}

/// A foreign key from `(table, column)` to `(table, column)`.
pub(crate) fn fk(name: &str, from: (&str, &str), to: (&str, &str)) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(Alias::new(from.0), Alias::new(from.1))
        .to(Alias::new(to.0), Alias::new(to.1))
        .to_owned()
}

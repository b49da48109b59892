//! The business vocabulary of Geneva–MSME Connection: value types that cannot hold invalid states,
//! the rules that apply to them, and the authorization policy. No web or database framework here.

pub mod actor;
pub mod error;
pub mod ids;
pub mod macros;
pub mod page;
pub mod policy;
pub mod reference;
pub mod topic;
pub mod user;
pub mod watch;

pub use actor::{Actor, AuthMethod, Role, Scope, Visibility};
pub use error::{FieldError, ValidationErrors};

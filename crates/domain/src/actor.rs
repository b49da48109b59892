//! Who is acting: a signed-in user (by session token or API key), with role, delegation and scopes.

use crate::ids::{ApiKeyId, DelegationId, UserId};
use crate::string_enum;

string_enum!(
    /// The roles of DESIGN §3.
    Role {
        Admin => "admin",
        Analyst => "analyst",
        Delegate => "delegate",
        FocalPoint => "focal_point",
        Stakeholder => "stakeholder",
    }
);

impl Role {
    /// Delegates and focal points belong to exactly one delegation; other roles to none.
    pub fn needs_delegation(self) -> bool {
        matches!(self, Role::Delegate | Role::FocalPoint)
    }
}

string_enum!(
    /// Who may read a delegation-owned record.
    Visibility {
        Delegation => "delegation",
        Regional => "regional",
        Public => "public",
    }
);

string_enum!(
    /// What an API key may do; a session token may do everything its role allows.
    Scope {
        Read => "read",
        Write => "write",
        Admin => "admin",
    }
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthMethod {
    Session,
    ApiKey { id: ApiKeyId, scopes: Vec<Scope> },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub role: Role,
    pub delegation_id: Option<DelegationId>,
    pub method: AuthMethod,
    /// Whether the credential passed a second factor: a session signed in (or enrolled) with a TOTP or
    /// recovery code, or an API key created from such a session — and, either way, only while the
    /// account still has an active factor. Admins act as admins only with it (`policy::authorize`).
    pub mfa: bool,
}

impl Actor {
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    pub fn has_scope(&self, scope: Scope) -> bool {
        match &self.method {
            AuthMethod::Session => true,
            AuthMethod::ApiKey { scopes, .. } => scopes.contains(&scope),
        }
    }

    pub fn is_api_key(&self) -> bool {
        matches!(self.method, AuthMethod::ApiKey { .. })
    }
}

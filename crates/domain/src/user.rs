//! Users: e-mail and password rules, and the role–delegation rule.

use crate::actor::Role;
use crate::error::{parse_enum, required_text, FieldProblem, ValidationErrors};
use crate::ids::DelegationId;

/// A lower-cased e-mail address of plausible shape (the mail server is the final judge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(value: &str) -> Result<Self, FieldProblem> {
        let v = value.trim().to_lowercase();
        let ok = v.len() <= 254
            && v.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
            })
            && !v.chars().any(|c| c.is_whitespace() || c.is_control());
        if ok {
            Ok(Self(v))
        } else {
            Err(FieldProblem::new("invalid_email", "must be an e-mail address such as name@example.org"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password of at least 12 characters (NIST SP 800-63B favours length over composition rules).
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub fn parse(value: &str) -> Result<Self, FieldProblem> {
        let n = value.chars().count();
        if n < 12 {
            Err(FieldProblem::new("too_short", "must be at least 12 characters"))
        } else if n > 256 {
            Err(FieldProblem::new("too_long", "must be at most 256 characters"))
        } else {
            Ok(Self(value.to_owned()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

// The body of `POST /users` (a plain comment: a doc comment would become the schema's description).
// `Debug` is written out below so that the password never reaches a log.
#[derive(Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateUserRequest))]
pub struct UserInput {
    pub email: String,
    pub name: String,
    /// At least 12 characters.
    pub password: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Role))]
    pub role: String,
    /// Required for `delegate` and `focal_point`, empty for other roles.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<uuid::Uuid>))]
    pub delegation_id: Option<DelegationId>,
}

impl std::fmt::Debug for UserInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserInput")
            .field("email", &self.email)
            .field("name", &self.name)
            .field("password", &REDACTED)
            .field("role", &self.role)
            .field("delegation_id", &self.delegation_id)
            .finish()
    }
}

/// What `Debug` prints in place of a password or other secret.
pub const REDACTED: Redacted = Redacted;

/// Prints as `<redacted>`: stands in for a secret in a `Debug` output.
#[derive(Clone, Copy)]
pub struct Redacted;

impl std::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: Email,
    pub name: String,
    pub password: Password,
    pub role: Role,
    pub delegation_id: Option<DelegationId>,
}

impl NewUser {
    pub fn parse(input: UserInput) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let email = e.check("email", Email::parse(&input.email));
        let name = e.check("name", required_text(&input.name, 200));
        let password = e.check("password", Password::parse(&input.password));
        let role = e.check("role", parse_enum::<Role>(&input.role));
        if let Some(role) = role {
            check_membership(&mut e, role, input.delegation_id);
        }
        match (email, name, password, role) {
            (Some(email), Some(name), Some(password), Some(role)) if e.is_empty() => {
                Ok(NewUser { email, name, password, role, delegation_id: input.delegation_id })
            }
            _ => Err(e),
        }
    }
}

/// Delegates and focal points need a delegation; admins, analysts and stakeholders have none.
pub fn check_membership(e: &mut ValidationErrors, role: Role, delegation: Option<DelegationId>) {
    match (role.needs_delegation(), delegation.is_some()) {
        (true, false) => e.add("delegation_id", "required", format!("is required for the role {role}")),
        (false, true) => e.add("delegation_id", "not_allowed", format!("must be empty for the role {role}")),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_lower_cased_and_shape_checked() {
        assert_eq!(Email::parse(" A@Gmc.Test ").map(|e| e.as_str().to_owned()), Ok("a@gmc.test".into()));
        assert!(Email::parse("nobody").is_err());
        assert!(Email::parse("a@b").is_err());
    }

    #[test]
    fn a_delegate_without_a_delegation_is_refused() {
        let r = NewUser::parse(UserInput {
            email: "x@gmc.test".into(),
            name: "X".into(),
            password: "long-enough-pass".into(),
            role: "delegate".into(),
            delegation_id: None,
        });
        let fields = r.err().map(|e| e.into_vec().into_iter().map(|f| f.field).collect::<Vec<_>>());
        assert_eq!(fields, Some(vec!["delegation_id".to_owned()]));
    }

    #[test]
    fn passwords_are_redacted_in_debug_output() {
        let p = Password::parse("correct horse battery").ok();
        assert_eq!(format!("{p:?}"), "Some(Password(<redacted>))");
    }

    #[test]
    fn a_user_input_prints_everything_but_the_password() {
        let input = UserInput {
            email: "x@gmc.test".into(),
            name: "X".into(),
            password: "correct horse battery".into(),
            role: "delegate".into(),
            delegation_id: None,
        };
        let printed = format!("{input:?}");
        assert!(!printed.contains("correct horse battery"), "{printed}");
        assert!(printed.contains("password: <redacted>"), "{printed}");
        assert!(printed.contains("x@gmc.test") && printed.contains("delegate"), "{printed}");
    }
}

//! The second factor (TOTP, RFC 6238, computed by `totp-rs`): enrolment, verification, disabling, an
//! admin's reset, and the step-up at sign-in. Every factor is optional except that the policy gives
//! admins their rights only in a session that passed one (`gmc_domain::policy::authorize`).
//!
//! A code is accepted once: a TOTP code only for a time step later than the last one accepted (RFC 6238
//! §5.2), a recovery code only while unused. Audit events name the user and what happened, never the
//! secret or a code.

mod challenge;
mod codes;
mod factor;
mod sign_in;

pub(crate) use challenge::start_challenge;
pub use challenge::{MfaChallenge, CHALLENGE_TTL_SECS};
pub use codes::{has_active_factor, ISSUER, RECOVERY_CODES};
pub use factor::{disable, enrol, reset, status, verify, Activation, Enrolment};
pub use sign_in::{challenge_account, complete_sign_in};

//! Second factors for the tests: the codes an authenticator app would show, computed with `totp-rs`
//! from the secret the API handed out, and a record per account of the secret, the last time step used
//! (the server accepts each step once) and the unused recovery codes.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use totp_rs::{Builder, Secret};

/// The 6-digit code of `secret` for time step `step` (30-second steps since the epoch).
pub fn code_at(secret: &str, step: u64) -> String {
    let secret = Secret::try_from_base32(secret).expect("base32 secret");
    Builder::new().with_secret(secret).build().expect("totp").generate(step * 30).to_string()
}

pub fn now_step() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).expect("clock").as_secs() / 30
}

#[derive(Debug, Clone)]
pub struct Factor {
    pub secret: String,
    pub last_step: u64,
    pub recovery_codes: Vec<String>,
}

/// The factors the tests enrolled, by e-mail.
#[derive(Default)]
pub struct Factors(Mutex<HashMap<String, Factor>>);

impl Factors {
    pub fn insert(&self, email: &str, factor: Factor) {
        self.0.lock().expect("factors").insert(email.to_owned(), factor);
    }

    pub fn get(&self, email: &str) -> Option<Factor> {
        self.0.lock().expect("factors").get(email).cloned()
    }

    /// A code the server will accept now for the account: the TOTP code of the next unused step within
    /// the one step of drift it allows ahead, else an unused recovery code.
    pub fn next_code(&self, email: &str) -> String {
        let mut map = self.0.lock().expect("factors");
        let factor = map.get_mut(email).unwrap_or_else(|| panic!("{email} has no factor the tests know of"));
        let step = now_step().max(factor.last_step + 1);
        if step <= now_step() + 1 {
            factor.last_step = step;
            return code_at(&factor.secret, step);
        }
        factor.recovery_codes.pop().expect("an unused recovery code")
    }
}

/// A well-formed code that is not the secret's for any step the server accepts now.
pub fn wrong_code(secret: &str) -> String {
    let accepted: Vec<String> = (0..3).map(|d| code_at(secret, now_step() + d - 1)).collect();
    (1u64..).map(|i| format!("{:06}", i * 7919 % 1_000_000)).find(|c| !accepted.contains(c)).expect("a wrong code")
}

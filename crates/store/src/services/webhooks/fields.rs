//! Checking a subscription's body: every problem at once, named by field.

use gmc_domain::error::optional_text;
use gmc_domain::webhook::{check_url_shape, parse_events, WebhookEvent, DESCRIPTION_MAX};
use gmc_domain::ValidationErrors;

use super::egress::Egress;
use crate::AppResult;

/// The checked values of a create or a patch (absent: not sent).
#[derive(Debug, Default)]
pub struct Checked {
    pub url: Option<String>,
    pub events: Option<Vec<WebhookEvent>>,
    pub description: Option<String>,
}

/// Checks what was sent; the URL's shape, then where it resolves to (`egress`).
pub async fn checked(
    egress: &Egress,
    url: Option<&str>,
    events: Option<&[String]>,
    description: Option<&str>,
) -> AppResult<Checked> {
    let mut e = ValidationErrors::new();
    let mut out = Checked::default();
    if let Some(u) = url {
        if e.check("url", check_url_shape(u)).is_some() {
            if let Some((_, _)) = e.check("url", egress.check(u).await) {
                out.url = Some(u.trim().to_owned());
            }
        }
    }
    if let Some(ev) = events {
        out.events = e.check("events", parse_events(ev));
    }
    if let Some(d) = description {
        out.description = e.check("description", optional_text(d, DESCRIPTION_MAX));
    }
    e.finish()?;
    Ok(out)
}

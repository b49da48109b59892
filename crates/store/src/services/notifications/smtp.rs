//! Sending the outbox through SMTP (issue 10), with `lettre` over tokio and rustls. Off unless the
//! operator sets `GMC_SMTP_URL`; the server's background job (`gmc_api::jobs`) then calls
//! [`deliver_due`] every few seconds. Requests never send: they only queue (`notifications::notify`),
//! so a slow or dead SMTP server slows nobody but the sender, and the sender gives up on it after
//! the timeout.

use std::time::Duration;

use chrono::{DateTime, Utc};
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::{DatabaseConnection, EntityTrait};

use super::delivery::{self, Outcome, Retry};
use crate::entities::{email_outbox, users};
use crate::AppResult;

/// How the sender reaches the SMTP server.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The whole of one send (connect, EHLO, TLS, AUTH, the message, QUIT) must end within this.
    timeout: Duration,
    /// The URL's password, kept only to be blanked out of error texts before they are stored.
    password: Option<String>,
    /// `GMC_PUBLIC_URL` without its trailing `/`: the outbox stores links as paths (a node does not know
    /// the address users reach it at), and the sender makes them absolute.
    public_url: Option<String>,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from.to_string()).finish_non_exhaustive()
    }
}

impl Mailer {
    /// From `smtp://user:pass@host:port` (plain, or `?tls=required` / `?tls=opportunistic` for
    /// STARTTLS) or `smtps://…` (TLS from the start), and the `From:` address. An error names what is
    /// wrong without repeating the URL (it may hold a password).
    pub fn new(url: &str, from: &str, timeout: Duration) -> Result<Self, String> {
        let from: Mailbox = from.parse().map_err(|e| format!("GMC_SMTP_FROM is not an e-mail address: {e}"))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("GMC_SMTP_URL is not a usable SMTP URL: {e}"))?
            .timeout(Some(timeout))
            .build();
        let password =
            url::Url::parse(url).ok().and_then(|u| u.password().map(str::to_owned)).filter(|p| !p.is_empty());
        Ok(Mailer { transport, from, timeout, password, public_url: None })
    }

    /// Makes the e-mails' links absolute with `url` (an `http`/`https` address); none leaves them as paths.
    pub fn with_public_url(mut self, url: Option<&str>) -> Result<Self, String> {
        let Some(url) = url.map(str::trim).filter(|u| !u.is_empty()) else {
            return Ok(self);
        };
        match url::Url::parse(url) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {
                self.public_url = Some(url.trim_end_matches('/').to_owned());
                Ok(self)
            }
            _ => Err(format!("GMC_PUBLIC_URL is not an http(s) address: {url}")),
        }
    }

    /// An error text safe to store and show admins: one line, no password.
    fn scrub(&self, text: &str) -> String {
        let one_line = text.replace(['\r', '\n'], " ");
        match &self.password {
            Some(p) => one_line.replace(p.as_str(), "***"),
            None => one_line,
        }
    }

    /// Sends one mail; `Err((text, permanent))` when it was not accepted.
    async fn send(&self, mail: &email_outbox::Model) -> Result<(), (String, bool)> {
        let to: Mailbox = mail.to_address.parse().map_err(|_| ("the recipient address is invalid".to_owned(), true))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(absolute_links(&mail.body, self.public_url.as_deref()))
            .map_err(|e| (format!("the message could not be built: {e}"), true))?;
        // lettre's timeout bounds each read and write; this bounds a server that answers, slowly, forever.
        let whole = self.timeout.saturating_mul(4);
        match tokio::time::timeout(whole, self.transport.send(message)).await {
            Ok(Ok(_)) => Ok(()),
            // A 5xx is retried too, up to the limit: mail servers answer 550 for passing troubles as well.
            Ok(Err(e)) => Err((self.scrub(&e.to_string()), false)),
            Err(_) => Err((format!("timed out after {} s", whole.as_secs()), false)),
        }
    }
}

/// What one run of the sender did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: u64,
    pub retrying: u64,
    pub failed: u64,
    /// Claims another sender took over while this one was sending (it was slower than the claim timeout).
    pub lost: u64,
}

/// Sends up to `batch` due mails (those this sender manages to claim), one after another, and records
/// each outcome. `now` decides what is due and stamps the records.
pub async fn deliver_due(
    db: &DatabaseConnection,
    mailer: &Mailer,
    retry: &Retry,
    batch: u64,
    now: DateTime<Utc>,
) -> AppResult<DeliveryReport> {
    let mut report = DeliveryReport::default();
    for mail in delivery::claim_due(db, now, retry, batch).await? {
        let outcome = match recipient_gone(db, &mail).await? {
            // Queued while the account was active; disabled since, it is told nothing more.
            true => delivery::mark_failed(db, &mail, now, retry, "the recipient's account is disabled", true).await?,
            false => match mailer.send(&mail).await {
                Ok(()) => delivery::mark_sent(db, &mail, now).await?,
                Err((error, permanent)) => {
                    tracing::warn!(mail = %mail.id, %error, "e-mail not sent");
                    delivery::mark_failed(db, &mail, now, retry, &error, permanent).await?
                }
            },
        };
        match outcome {
            Outcome::Sent => report.sent += 1,
            Outcome::Retrying => report.retrying += 1,
            Outcome::Failed => report.failed += 1,
            Outcome::Lost => report.lost += 1,
        }
    }
    Ok(report)
}

/// Whether the mail's recipient account no longer exists or is disabled.
async fn recipient_gone(db: &DatabaseConnection, mail: &email_outbox::Model) -> AppResult<bool> {
    let Some(user) = mail.user_id else {
        return Ok(false);
    };
    Ok(!users::Entity::find_by_id(user).one(db).await?.is_some_and(|u| u.active))
}

/// The `Open: /path` line `notifications::queue_emails` writes, with the public address in front.
fn absolute_links(body: &str, public_url: Option<&str>) -> String {
    match public_url {
        Some(base) => body.replace("\n\nOpen: /", &format!("\n\nOpen: {base}/")),
        None => body.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::absolute_links;

    #[test]
    fn the_open_link_gets_the_public_address_and_nothing_else_changes() {
        let body = "Invitation: Fisheries\n\nOpen: /meetings/42 and / stays\n\nOpen: /x\n";
        assert_eq!(absolute_links(body, None), body);
        assert_eq!(
            absolute_links(body, Some("https://gmc.example.org")),
            "Invitation: Fisheries\n\nOpen: https://gmc.example.org/meetings/42 and / stays\n\nOpen: https://gmc.example.org/x\n"
        );
    }
}

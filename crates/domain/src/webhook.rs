//! Durable jobs and webhooks (issue 11): the states of a queued job and of a webhook delivery, the
//! event types a subscription may ask for, and the rules on a subscription's target.

use std::net::IpAddr;

use crate::error::FieldProblem;
use crate::string_enum;

string_enum!(
    /// Where a queued job stands. `queued` waits for `run_at`; `running` is held by one worker until
    /// `locked_until` (a worker that died loses it then); `done`, `failed` and `cancelled` are final.
    JobStatus {
        Queued => "queued",
        Running => "running",
        Done => "done",
        Failed => "failed",
        Cancelled => "cancelled",
    }
);

string_enum!(
    /// Where a webhook delivery stands: waiting for its (next) attempt, answered 2xx, or given up on
    /// (out of attempts, or the subscription was disabled or deleted meanwhile).
    DeliveryStatus {
        Pending => "pending",
        Succeeded => "succeeded",
        Failed => "failed",
    }
);

/// What a webhook subscription can ask to be told. Written by hand rather than with `string_enum!`:
/// the Standard Webhooks convention spells event types with a dot (`impediment.created`), which is not
/// the snake_case of a variant name; serde and the OpenAPI schema both read the per-variant renames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum WebhookEvent {
    #[serde(rename = "impediment.created")]
    ImpedimentCreated,
    #[serde(rename = "impediment.status_changed")]
    ImpedimentStatusChanged,
    #[serde(rename = "consultation.opened")]
    ConsultationOpened,
    #[serde(rename = "consultation.closed")]
    ConsultationClosed,
    #[serde(rename = "response.received")]
    ResponseReceived,
    #[serde(rename = "prep_item.status_changed")]
    PrepItemStatusChanged,
    #[serde(rename = "briefing.delivered")]
    BriefingDelivered,
    #[serde(rename = "meeting.changed")]
    MeetingChanged,
    #[serde(rename = "import.finished")]
    ImportFinished,
}

impl WebhookEvent {
    pub const ALL: &'static [WebhookEvent] = &[
        WebhookEvent::ImpedimentCreated,
        WebhookEvent::ImpedimentStatusChanged,
        WebhookEvent::ConsultationOpened,
        WebhookEvent::ConsultationClosed,
        WebhookEvent::ResponseReceived,
        WebhookEvent::PrepItemStatusChanged,
        WebhookEvent::BriefingDelivered,
        WebhookEvent::MeetingChanged,
        WebhookEvent::ImportFinished,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WebhookEvent::ImpedimentCreated => "impediment.created",
            WebhookEvent::ImpedimentStatusChanged => "impediment.status_changed",
            WebhookEvent::ConsultationOpened => "consultation.opened",
            WebhookEvent::ConsultationClosed => "consultation.closed",
            WebhookEvent::ResponseReceived => "response.received",
            WebhookEvent::PrepItemStatusChanged => "prep_item.status_changed",
            WebhookEvent::BriefingDelivered => "briefing.delivered",
            WebhookEvent::MeetingChanged => "meeting.changed",
            WebhookEvent::ImportFinished => "import.finished",
        }
    }

    pub fn allowed() -> String {
        WebhookEvent::ALL.iter().map(|e| e.as_str()).collect::<Vec<_>>().join(", ")
    }
}

impl std::str::FromStr for WebhookEvent {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        WebhookEvent::ALL
            .iter()
            .copied()
            .find(|e| e.as_str() == s)
            .ok_or_else(|| format!("must be one of: {}", WebhookEvent::allowed()))
    }
}

impl std::fmt::Display for WebhookEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Subscriptions one owner may hold: enough for any integration, few enough that fanning an event out
/// stays one small query.
pub const MAX_SUBSCRIPTIONS_PER_OWNER: u64 = 25;
/// The longest target URL accepted.
pub const URL_MAX: usize = 2000;
/// The longest description accepted.
pub const DESCRIPTION_MAX: usize = 300;

/// The event types of a subscription: at least one, each known, repeats dropped, sorted.
pub fn parse_events(values: &[String]) -> Result<Vec<WebhookEvent>, FieldProblem> {
    if values.is_empty() {
        return Err(FieldProblem::new("required", "name at least one event type"));
    }
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        let e: WebhookEvent = v.parse().map_err(|m| FieldProblem::new("invalid_choice", m))?;
        out.push(e);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// A target URL's shape: absolute `https` (or `http`, for receivers inside an operator's network), a
/// host, no credentials in it (they would be stored and logged), at most `URL_MAX` characters. Where
/// the host resolves to is checked separately (`is_public_address`), at subscription and at send time.
pub fn check_url_shape(url: &str) -> Result<(), FieldProblem> {
    let url = url.trim();
    if url.is_empty() {
        return Err(FieldProblem::new("required", "a target URL is required"));
    }
    if url.chars().count() > URL_MAX {
        return Err(FieldProblem::new("too_long", format!("at most {URL_MAX} characters")));
    }
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return Err(FieldProblem::new("invalid_format", "must be an absolute http:// or https:// URL"));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(FieldProblem::new("invalid_format", "must not contain spaces or control characters"));
    }
    Ok(())
}

/// Whether an address is one a webhook may be sent to without an operator's explicit allowance: not
/// private, loopback, link-local, unique-local, multicast, unspecified, documentation, or an IPv4
/// address hidden inside an IPv6 one that is any of those (SSRF, DESIGN §4 "Webhooks").
pub fn is_public_address(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_multicast()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || o[0] == 0
                // 100.64.0.0/10, carrier-grade NAT: inside a provider's network.
                || (o[0] == 100 && (o[1] & 0xC0) == 64)
                // 198.18.0.0/15, benchmarking; 240.0.0.0/4, reserved.
                || (o[0] == 198 && (o[1] & 0xFE) == 18)
                || o[0] >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_address(IpAddr::V4(v4));
            }
            let seg = v6.segments();
            let first = seg[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                // fc00::/7 unique-local, fe80::/10 link-local, 2001:db8::/32 documentation.
                || (first & 0xFE00) == 0xFC00
                || (first & 0xFFC0) == 0xFE80
                || (first == 0x2001 && seg[1] == 0x0db8)
                // ::/96 IPv4-compatible (deprecated) and 64:ff9b::/96 NAT64 carry an IPv4 inside.
                || (seg[..6].iter().all(|s| *s == 0))
                || (first == 0x0064 && seg[1] == 0xff9b))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_types_round_trip_in_their_dotted_spelling() {
        for e in WebhookEvent::ALL {
            assert_eq!(e.as_str().parse::<WebhookEvent>(), Ok(*e));
            assert_eq!(serde_json::to_value(e).ok(), Some(serde_json::Value::from(e.as_str())));
        }
        assert!("impediment_created".parse::<WebhookEvent>().is_err());
    }

    #[test]
    fn events_must_be_known_and_at_least_one() {
        assert_eq!(parse_events(&[]).map_err(|p| p.code), Err("required"));
        assert_eq!(parse_events(&["nope".into()]).map_err(|p| p.code), Err("invalid_choice"));
        let got = parse_events(&["meeting.changed".into(), "impediment.created".into(), "meeting.changed".into()]);
        assert_eq!(got, Ok(vec![WebhookEvent::ImpedimentCreated, WebhookEvent::MeetingChanged]));
    }

    #[test]
    fn private_and_special_addresses_are_not_public() {
        for a in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "224.0.0.1",
            "100.64.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fc00::1",
            "fd12::1",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
            "2001:db8::1",
        ] {
            let ip: IpAddr = a.parse().unwrap_or(IpAddr::from([127, 0, 0, 1]));
            assert!(!is_public_address(ip), "{a} must be refused");
        }
        for a in ["93.184.216.34", "8.8.8.8", "2606:4700::1111"] {
            let ip: IpAddr = a.parse().unwrap_or(IpAddr::from([127, 0, 0, 1]));
            assert!(is_public_address(ip), "{a} is public");
        }
    }

    #[test]
    fn a_url_must_be_absolute_http_without_spaces() {
        assert!(check_url_shape("https://hooks.example.org/gmc").is_ok());
        assert_eq!(check_url_shape("ftp://x").map_err(|p| p.code), Err("invalid_format"));
        assert_eq!(check_url_shape("").map_err(|p| p.code), Err("required"));
        assert_eq!(check_url_shape("https://a b").map_err(|p| p.code), Err("invalid_format"));
    }
}

//! Notifications: what a user is told about, what they follow, and the rules for both.

use crate::error::FieldProblem;
use crate::string_enum;

string_enum!(
    /// What a notification is about. Each kind can be switched on or off per user, in-app and by e-mail.
    NotificationKind {
        MeetingInvitation => "meeting_invitation",
        MeetingChanged => "meeting_changed",
        MeetingCancelled => "meeting_cancelled",
        ActionItemAssigned => "action_item_assigned",
        ActionItemOverdue => "action_item_overdue",
        BriefingAccepted => "briefing_accepted",
        BriefingDeclined => "briefing_declined",
        BriefingDelivered => "briefing_delivered",
        PrepDeadline => "prep_deadline",
        FollowedImpediment => "followed_impediment",
        // issue 11: webhooks — a subscription was switched off after repeated failed deliveries.
        WebhookDisabled => "webhook_disabled",
        // issue 11: wto notifications — a WTO SPS/TBT notification matches the delegation's impediments
        // while its comment period is open.
        WtoNotificationMatch => "wto_notification_match",
    }
);

string_enum!(
    /// What a follow names: a topic (by id), an HS prefix, or a partner market (country or group code).
    FollowKind {
        Topic => "topic",
        HsPrefix => "hs_prefix",
        Partner => "partner",
    }
);

string_enum!(
    /// Where an e-mail stands: waiting for the sender (again, after a failed attempt), being sent, handed
    /// to the SMTP server, or given up on.
    EmailStatus {
        Queued => "queued",
        // issue 10: a sender has claimed it and is talking to the SMTP server.
        Sending => "sending",
        Sent => "sent",
        Failed => "failed",
    }
);

/// How many things of each kind a user may follow: enough for any desk, small enough that matching a
/// validated impediment against everyone's follows stays one indexed lookup.
pub const MAX_FOLLOWS_PER_KIND: usize = 50;

/// A user's defaults before they choose: told in the app about everything, by e-mail about nothing
/// (e-mail is off until an operator configures SMTP and the user asks for it).
pub const DEFAULT_IN_APP: bool = true;
pub const DEFAULT_EMAIL: bool = false;

/// An HS prefix to follow: 2 to 10 digits (dots allowed and dropped), starting with a chapter 01–97.
/// Finer than the 6 digits an impediment records is allowed: national tariff lines go to 10.
pub fn parse_hs_prefix(value: &str) -> Result<String, FieldProblem> {
    let v: String = value.trim().chars().filter(|c| *c != '.').collect();
    if !(2..=10).contains(&v.len()) || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldProblem::new("invalid_format", "must be 2 to 10 digits (e.g. 03 or 0306)"));
    }
    let chapter: u8 = v.get(..2).and_then(|c| c.parse().ok()).unwrap_or(0);
    if !(1..=97).contains(&chapter) || chapter == 77 {
        return Err(FieldProblem::new("invalid_chapter", "chapter must be 01–97 (77 is reserved)"));
    }
    Ok(v)
}

/// The HS prefixes an impediment's code falls under, for matching follows in one `IN (…)`: `030617`
/// is followed through `03`, `030`, `0306`, `03061` and `030617`.
pub fn hs_prefixes_of(hs_code: &str) -> Vec<String> {
    (2..=hs_code.len()).filter_map(|n| hs_code.get(..n).map(str::to_owned)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hs_prefixes_are_2_to_10_digits_in_a_real_chapter() {
        assert_eq!(parse_hs_prefix("03.06"), Ok("0306".into()));
        assert!(parse_hs_prefix("0306101010").is_ok());
        assert_eq!(parse_hs_prefix("3").map_err(|p| p.code), Err("invalid_format"));
        assert_eq!(parse_hs_prefix("03061010101").map_err(|p| p.code), Err("invalid_format"));
        assert_eq!(parse_hs_prefix("98").map_err(|p| p.code), Err("invalid_chapter"));
        assert_eq!(parse_hs_prefix("77").map_err(|p| p.code), Err("invalid_chapter"));
        assert!(parse_hs_prefix("0a").is_err());
    }

    #[test]
    fn an_hs_code_falls_under_each_of_its_prefixes() {
        assert_eq!(hs_prefixes_of("0306"), vec!["03", "030", "0306"]);
        assert!(hs_prefixes_of("0").is_empty());
    }
}

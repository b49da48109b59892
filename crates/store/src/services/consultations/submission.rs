//! One submission checked and turned into rows, shared by the public form (`public::submit`) and the
//! paper-answer import (issue 11: response imports), so that both accept exactly the same answers.

use chrono::{DateTime, Utc};
use gmc_domain::consultation::{check_answers, Answer, Channel, SizeClass, BASE_LANGUAGE};
use gmc_domain::error::parse_enum;
use gmc_domain::ValidationErrors;
use sea_orm::{ActiveValue::Set, ConnectionTrait};
use serde::Deserialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::columns::{json_list, questions_of};
use super::counts::Profile;
use crate::entities::{answers, consultations, responses};
use crate::services::reference_checks as checks;
use crate::AppResult;

/// The respondent's optional, anonymous profile (ignored for a signed-in stakeholder, whose record is used).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ProfileDto))]
pub struct ProfileInput {
    /// ISO alpha-3.
    pub country: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schemas::IsicSection>))]
    pub sector: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<SizeClass>))]
    pub size_class: Option<String>,
    pub women_led: Option<bool>,
}

/// A submission checked against its consultation's questionnaire, languages and reference data: what
/// the public form and the paper-answer import (issue 11) both write, so both refuse with one set of
/// fields and codes (`lang`, `answers.<code>`, `profile.<field>`).
pub(crate) struct CheckedSubmission {
    pub lang: String,
    pub answers: Vec<(String, Answer)>,
    pub profile: Profile,
}

/// The checks of one submission, every problem named at once. Nothing about the consultation's state:
/// the public link and the import each decide when they take answers.
pub(crate) async fn check_submission<C: ConnectionTrait>(
    db: &C,
    row: &consultations::Model,
    lang: Option<String>,
    answers: &Map<String, Value>,
    profile: Option<ProfileInput>,
) -> AppResult<CheckedSubmission> {
    let languages: Vec<String> = json_list(&row.languages)?;
    let questions = questions_of(row)?;
    let mut e = ValidationErrors::new();
    let lang = lang.unwrap_or_else(|| BASE_LANGUAGE.to_owned());
    if !languages.contains(&lang) {
        e.add("lang", "invalid_choice", format!("must be one of: {}", languages.join(", ")));
    }
    let checked = match check_answers(&questions, answers) {
        Ok(a) => Some(a),
        Err(errs) => {
            for f in errs.into_vec() {
                e.add(&f.field, &f.code, f.message);
            }
            None
        }
    };
    let profile = checked_profile(db, profile.unwrap_or_default(), &mut e).await?;
    match (checked, e.is_empty()) {
        (Some(answers), true) => Ok(CheckedSubmission { lang, answers, profile }),
        _ => Err(e.into()),
    }
}

/// Who a new response row is, apart from its answers.
pub(crate) struct NewResponse {
    pub id: Uuid,
    pub stakeholder_id: Option<Uuid>,
    pub channel: Channel,
    pub external_id: Option<String>,
    pub at: DateTime<Utc>,
}

/// The rows one checked submission writes: the response, its answers and what it adds to the counts.
pub(crate) fn job_of(
    row: &consultations::Model,
    r: NewResponse,
    c: CheckedSubmission,
) -> AppResult<(responses::ActiveModel, Vec<answers::ActiveModel>, super::counts::Counts)> {
    let questions = questions_of(row)?;
    let p = c.profile;
    let response = responses::ActiveModel {
        id: Set(r.id),
        consultation_id: Set(row.id),
        stakeholder_id: Set(r.stakeholder_id),
        channel: Set(r.channel.into()),
        lang: Set(c.lang),
        country: Set(p.country.clone()),
        sector: Set(p.sector.clone()),
        size_class: Set(p.size_class.clone()),
        women_led: Set(p.women_led),
        external_id: Set(r.external_id),
        submitted_at: Set(r.at),
    };
    let rows = answer_rows(r.id, row.id, &c.answers, &p, r.at);
    let mut counts = super::counts::Counts::new();
    super::counts::add(&mut counts, row.id, &super::counts::scale_codes(&questions), &c.answers, &p);
    Ok((response, rows, counts))
}

async fn checked_profile<C: ConnectionTrait>(db: &C, p: ProfileInput, e: &mut ValidationErrors) -> AppResult<Profile> {
    let mut out = Profile { country: None, sector: None, size_class: None, women_led: p.women_led };
    if let Some(c) = p.country.map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty()) {
        if checks::country(db, e, "profile.country", &c).await? {
            out.country = Some(c);
        }
    }
    if let Some(s) = p.sector {
        out.sector = checks::sector(db, e, "profile.sector", &s).await?;
    }
    if let Some(s) = p.size_class.filter(|s| !s.trim().is_empty()) {
        out.size_class =
            e.check("profile.size_class", parse_enum::<SizeClass>(s.trim())).map(|s| s.as_str().to_owned());
    }
    Ok(out)
}

pub(crate) fn answer_rows(
    response_id: Uuid,
    consultation_id: Uuid,
    checked: &[(String, Answer)],
    p: &Profile,
    at: DateTime<Utc>,
) -> Vec<answers::ActiveModel> {
    let row =
        |code: &str, seq: i16, choice: Option<String>, value: Option<f64>, text: Option<String>| answers::ActiveModel {
            id: sea_orm::ActiveValue::NotSet,
            response_id: Set(response_id),
            consultation_id: Set(consultation_id),
            question: Set(code.to_owned()),
            seq: Set(seq),
            choice: Set(choice),
            value: Set(value),
            text: Set(text),
            country: Set(p.country.clone()),
            sector: Set(p.sector.clone()),
            size_class: Set(p.size_class.clone()),
            women_led: Set(p.women_led),
            submitted_at: Set(at),
        };
    let mut out = Vec::new();
    for (code, answer) in checked {
        match answer {
            Answer::Choices(ids) => {
                for (i, c) in ids.iter().enumerate() {
                    out.push(row(code, i as i16, Some(c.clone()), None, None));
                }
            }
            Answer::Value(v) => out.push(row(code, 0, None, Some(*v), None)),
            Answer::Text(t) => out.push(row(code, 0, None, None, Some(t.clone()))),
        }
    }
    out
}

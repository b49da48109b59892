//! The public side of a consultation: the form in the respondent's language (falling back to English),
//! who asks, the "you said, we did" note once it is closed, and the checked submission of one response. Anyone with the link may answer; a signed-in stakeholder
//! account is linked to its stakeholder record.

use chrono::{DateTime, Utc};
use gmc_domain::consultation::{
    public_state, title_in, Channel, ConsultationStatus, PublicState, Question, QuestionKind, BASE_LANGUAGE,
};
use gmc_domain::{Actor, Role};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde::Deserialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::columns::{feedback_of, json_list, questions_of, translations_of};
use super::counts::Profile;
pub(crate) use super::submission::answer_rows;
pub use super::submission::ProfileInput;
use super::submission::{check_submission, job_of, CheckedSubmission, NewResponse};
use crate::entities::{consultations, delegations, responses, stakeholders};
use crate::{AppError, AppResult};

/// One question as shown to a respondent: texts in one language.
#[derive(Debug, Clone)]
pub struct PublicQuestion {
    pub code: String,
    pub kind: QuestionKind,
    pub required: bool,
    pub prompt: String,
    pub options: Vec<(String, String)>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub min_label: Option<String>,
    pub max_label: Option<String>,
    pub max_length: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct PublicForm {
    pub title: String,
    pub description: String,
    pub lang: String,
    pub requested_lang: Option<String>,
    pub languages: Vec<String>,
    pub state: PublicState,
    pub closes_at: Option<DateTime<Utc>>,
    pub questions: Vec<PublicQuestion>,
    /// The owning delegation's name; `None` for a regional consultation (the secretariat's).
    pub asked_by: Option<String>,
    /// The owning delegation's country (ISO alpha-3), which the page names in the respondent's language.
    pub asked_by_country: Option<String>,
    /// The note, once the consultation is closed and its owners published one.
    pub feedback: Option<PublicFeedback>,
}

/// The "you said, we did" note in one language.
#[derive(Debug, Clone)]
pub struct PublicFeedback {
    pub text: String,
    /// The language of `text`: the one served when the note has it, else English.
    pub lang: String,
    pub published_at: Option<DateTime<Utc>>,
}

// The body of a public submission (a plain comment: a doc comment would become the schema's description).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = SubmitResponseRequest))]
pub struct SubmitInput {
    /// A random UUID the client makes once per filled form: a retry with the same id (say after a lost
    /// connection) answers with the first submission instead of recording the response twice.
    pub submission_id: Option<Uuid>,
    /// The language answered in, one of the consultation's (default `en`).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schemas::LanguageCode>))]
    pub lang: Option<String>,
    /// Answers by question code: an option id, a list of option ids, a number or a text.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Map<String, Value>,
    pub profile: Option<ProfileInput>,
}

#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = SubmittedDto))]
pub struct Submitted {
    pub id: Uuid,
    pub submitted_at: DateTime<Utc>,
}

/// A consultation by its link token; drafts are not public yet, so they are "not found" like a wrong token.
async fn by_token(db: &DatabaseConnection, token: &str) -> AppResult<consultations::Model> {
    if token.len() > 64 || !token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Err(AppError::NotFound("consultation"));
    }
    let row = consultations::Entity::find()
        .filter(consultations::Column::Token.eq(token))
        .one(db)
        .await?
        .ok_or(AppError::NotFound("consultation"))?;
    if row.status.0 == ConsultationStatus::Draft {
        return Err(AppError::NotFound("consultation"));
    }
    Ok(row)
}

fn state_of(row: &consultations::Model) -> AppResult<PublicState> {
    Ok(public_state(row.status.0, row.opens_at, row.closes_at, Utc::now()))
}

fn localized(q: &Question, lang: &str) -> PublicQuestion {
    let t = |texts: &gmc_domain::consultation::Texts| Question::text_in(texts, lang);
    PublicQuestion {
        code: q.code.clone(),
        kind: q.kind,
        required: q.required,
        prompt: t(&q.prompt),
        options: q.options.iter().map(|o| (o.id.clone(), t(&o.label))).collect(),
        min: q.min,
        max: q.max,
        min_label: q.min_label.as_ref().map(t),
        max_label: q.max_label.as_ref().map(t),
        max_length: q.max_length,
    }
}

pub async fn form(db: &DatabaseConnection, token: &str, lang: Option<&str>) -> AppResult<PublicForm> {
    let row = by_token(db, token).await?;
    let languages: Vec<String> = json_list(&row.languages)?;
    let requested = lang.map(|l| l.trim().to_ascii_lowercase()).filter(|l| !l.is_empty() && l.len() <= 16);
    // `bn-BD` is served as `bn`; a language the consultation lacks falls back to English.
    let served = requested
        .as_deref()
        .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_owned())
        .filter(|l| languages.contains(l))
        .unwrap_or_else(|| BASE_LANGUAGE.to_owned());
    let state = state_of(&row)?;
    let owner = match row.delegation_id {
        Some(d) => delegations::Entity::find_by_id(d).one(db).await?,
        None => None,
    };
    let (asked_by, asked_by_country) = owner.map(|d| (d.name, d.country_code)).unzip();
    // The note replaces the form only while the link takes no answers (a reopened round shows the form).
    let feedback = match (state, feedback_of(&row)?) {
        (PublicState::Closed, Some(texts)) => {
            let lang = if texts.contains_key(&served) { served.clone() } else { BASE_LANGUAGE.to_owned() };
            let text = Question::text_in(&texts, &lang);
            Some(PublicFeedback { text, lang, published_at: row.feedback_at })
        }
        _ => None,
    };
    let (title, description) = title_in(&translations_of(&row)?, &served, &row.title, &row.description);
    Ok(PublicForm {
        state,
        questions: questions_of(&row)?.iter().map(|q| localized(q, &served)).collect(),
        title,
        description,
        asked_by,
        asked_by_country,
        feedback,
        lang: served,
        requested_lang: requested,
        languages,
        closes_at: row.closes_at,
    })
}

/// The stakeholder record linked to a signed-in stakeholder account, if any: its profile replaces the
/// anonymous one.
async fn linked_stakeholder(db: &DatabaseConnection, actor: Option<&Actor>) -> AppResult<Option<stakeholders::Model>> {
    match actor {
        Some(a) if a.role == Role::Stakeholder => Ok(stakeholders::Entity::find()
            .filter(stakeholders::Column::UserId.eq(a.user_id.as_uuid()))
            .filter(stakeholders::Column::ErasedAt.is_null())
            .one(db)
            .await?),
        _ => Ok(None),
    }
}

pub async fn submit(
    db: &DatabaseConnection,
    writer: &super::ResponseWriter,
    token: &str,
    actor: Option<&Actor>,
    input: SubmitInput,
    channel: Channel,
) -> AppResult<Submitted> {
    let row = by_token(db, token).await?;
    if let Some(done) = already_submitted(db, row.id, input.submission_id).await? {
        return Ok(done);
    }
    match state_of(&row)? {
        PublicState::Open => {}
        PublicState::NotYetOpen => return Err(AppError::Closed("the consultation is not open yet".into())),
        PublicState::Closed => {
            return Err(AppError::Closed("the consultation is closed and takes no more responses".into()))
        }
    }
    let CheckedSubmission { lang, answers: checked, mut profile } =
        check_submission(db, &row, input.lang, &input.answers, input.profile).await?;
    let stakeholder = linked_stakeholder(db, actor).await?;
    if let Some(s) = &stakeholder {
        profile = Profile {
            country: Some(s.country.clone()),
            sector: Some(s.sector.clone()),
            size_class: Some(s.size_class.0.as_str().to_owned()),
            women_led: Some(s.women_led),
        };
    }
    let id = Uuid::now_v7();
    let now = Utc::now();
    let fresh = NewResponse {
        id,
        stakeholder_id: stakeholder.map(|s| s.id),
        channel,
        external_id: input.submission_id.map(|s| s.to_string()),
        at: now,
    };
    let (response, rows, counts) = job_of(&row, fresh, CheckedSubmission { lang, answers: checked, profile })?;
    match writer.write(super::writer::Job { response, answers: rows, counts, consultation_id: row.id, channel }).await {
        Ok(()) => Ok(Submitted { id, submitted_at: now }),
        // Two copies of one submission raced: the unique (consultation, external id) let one in.
        Err(e) => match already_submitted(db, row.id, input.submission_id).await? {
            Some(done) => Ok(done),
            None => Err(e),
        },
    }
}

async fn already_submitted(
    db: &DatabaseConnection,
    consultation: Uuid,
    submission: Option<Uuid>,
) -> AppResult<Option<Submitted>> {
    let Some(submission) = submission else { return Ok(None) };
    Ok(responses::Entity::find()
        .filter(responses::Column::ConsultationId.eq(consultation))
        .filter(responses::Column::ExternalId.eq(submission.to_string()))
        .one(db)
        .await?
        .map(|r| Submitted { id: r.id, submitted_at: r.submitted_at }))
}

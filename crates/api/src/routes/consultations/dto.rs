//! Request and response types of consultations, results and the public form.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use gmc_domain::consultation::{ConsultationStatus, PublicState, Question, QuestionKind, SizeClass};
use gmc_domain::Visibility;
use gmc_store::services::consultations::public::{PublicForm, PublicQuestion};
use gmc_store::services::consultations::results::{
    Cell, CrossTab, QuestionResult, ResponseRecord, ResultFilter, Results, TextAnswer,
};
use gmc_store::services::consultations::{ConsultationInput, ConsultationPatch};
use gmc_store::views::ConsultationView;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::routes::topics::double_option;
use crate::routes::{page_of, sort_query};
use crate::schemas::{IsicSection, LanguageCode};

#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultationDto {
    pub id: Uuid,
    /// The owning delegation; `null` for a regional consultation run by the secretariat.
    pub delegation_id: Option<Uuid>,
    pub visibility: Visibility,
    pub title: String,
    pub description: String,
    pub status: ConsultationStatus,
    /// What the public link offers now, honouring `opens_at` and `closes_at`.
    pub state: PublicState,
    pub accepting_responses: bool,
    /// Language codes, English first.
    pub languages: Vec<String>,
    pub topic_ids: Vec<Uuid>,
    pub questions: Vec<Question>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    /// The public link token; the page is `/respond/{token}`.
    pub token: String,
    pub share_path: String,
    pub response_count: i64,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ConsultationView> for ConsultationDto {
    fn from(v: ConsultationView) -> Self {
        ConsultationDto {
            id: v.id,
            delegation_id: v.delegation_id,
            visibility: v.visibility,
            title: v.title,
            description: v.description,
            status: v.status,
            accepting_responses: v.state == PublicState::Open,
            state: v.state,
            languages: v.languages,
            topic_ids: v.topic_ids,
            questions: v.questions,
            opens_at: v.opens_at,
            closes_at: v.closes_at,
            share_path: format!("/respond/{}", v.token),
            token: v.token,
            response_count: v.response_count,
            version: v.version,
            created_at: v.created_at,
            updated_at: v.updated_at,
        }
    }
}

page_of!(ConsultationPage, ConsultationDto);
sort_query!(ConsultationSortQuery, gmc_store::services::consultations::ConsultationSort, "newest entered first");
sort_query!(
    TextAnswerSortQuery,
    gmc_store::services::consultations::results::TextAnswerSort,
    "newest first (`-received`)"
);

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateConsultationRequest {
    /// Admins: the owning delegation (default: the caller's own).
    pub delegation_id: Option<Uuid>,
    /// Admins: a regional consultation with no owning delegation.
    #[serde(default)]
    pub regional: bool,
    /// Default `delegation` (`regional` for a regional consultation).
    #[schema(value_type = Option<Visibility>)]
    pub visibility: Option<String>,
    pub title: String,
    pub description: Option<String>,
    /// Language codes; English is always included, first.
    #[serde(default)]
    #[schema(value_type = Vec<LanguageCode>)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub topic_ids: Vec<Uuid>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub questions: Vec<Question>,
}

impl CreateConsultationRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({
            "title": "Export barriers of shrimp farmers",
            "description": "Ten minutes on what stands between your firm and buyers abroad.",
            "languages": ["en", "bn"],
            "visibility": "delegation",
            "questions": [
                {
                    "code": "exports",
                    "kind": "single_choice",
                    "required": true,
                    "prompt": {"en": "Do you export?", "bn": "আপনি কি রপ্তানি করেন?"},
                    "options": [
                        {"id": "yes", "label": {"en": "Yes", "bn": "হ্যাঁ"}},
                        {"id": "no", "label": {"en": "No", "bn": "না"}}
                    ]
                },
                {
                    "code": "obstacles",
                    "kind": "text",
                    "prompt": {"en": "What stands in the way?", "bn": "কী বাধা দেয়?"}
                }
            ]
        })
    }
}

impl From<CreateConsultationRequest> for ConsultationInput {
    fn from(r: CreateConsultationRequest) -> Self {
        ConsultationInput {
            delegation_id: r.delegation_id,
            regional: r.regional,
            visibility: r.visibility,
            title: r.title,
            description: r.description,
            languages: r.languages,
            topic_ids: r.topic_ids,
            opens_at: r.opens_at,
            closes_at: r.closes_at,
            questions: r.questions,
        }
    }
}

/// Fields to change; absent fields stay as they are. `questions` and `languages` only in `draft`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateConsultationRequest {
    #[schema(value_type = Option<Visibility>)]
    pub visibility: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    #[schema(value_type = Option<Vec<LanguageCode>>)]
    pub languages: Option<Vec<String>>,
    pub topic_ids: Option<Vec<Uuid>>,
    /// A time, or `null` to clear it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<DateTime<Utc>>, nullable)]
    pub opens_at: Option<Option<DateTime<Utc>>>,
    /// A time, or `null` to clear it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<DateTime<Utc>>, nullable)]
    pub closes_at: Option<Option<DateTime<Utc>>>,
    /// The whole questionnaire, replacing the current one.
    pub questions: Option<Vec<Question>>,
}

impl UpdateConsultationRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({"title": "Export barriers of shrimp and crab farmers", "closes_at": "2030-06-30T17:00:00Z"})
    }
}

impl From<UpdateConsultationRequest> for ConsultationPatch {
    fn from(r: UpdateConsultationRequest) -> Self {
        ConsultationPatch {
            visibility: r.visibility,
            title: r.title,
            description: r.description,
            languages: r.languages,
            topic_ids: r.topic_ids,
            opens_at: r.opens_at,
            closes_at: r.closes_at,
            questions: r.questions,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsultationStatusRequest {
    /// `open`, `closed` or `archived` (`closed → open` reopens).
    #[schema(value_type = ConsultationStatus, example = "open")]
    pub status: String,
}

impl ConsultationStatusRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({"status": "open"})
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConsultationQuery {
    #[param(value_type = Option<ConsultationStatus>)]
    pub status: Option<String>,
    pub delegation: Option<Uuid>,
    /// Words in the title.
    pub q: Option<String>,
}

/// Respondent filters of results.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResultQuery {
    /// ISO alpha-3.
    pub country: Option<String>,
    /// ISIC Rev.4 section (A–U).
    #[param(value_type = Option<IsicSection>)]
    pub sector: Option<String>,
    #[param(value_type = Option<SizeClass>)]
    pub size_class: Option<String>,
    pub women_led: Option<bool>,
    /// Submitted on or after this date (UTC).
    pub from: Option<NaiveDate>,
    /// Submitted on or before this date (UTC).
    pub to: Option<NaiveDate>,
}

impl From<ResultQuery> for ResultFilter {
    fn from(q: ResultQuery) -> Self {
        ResultFilter {
            country: q.country,
            sector: q.sector,
            size_class: q.size_class,
            women_led: q.women_led,
            from: q.from,
            to: q.to,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CrossTabQuery {
    /// The question code.
    pub question: String,
    /// `country`, `sector`, `size_class` or `women_led`.
    pub by: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TextAnswerQuery {
    /// The code of a text question.
    pub question: String,
}

/// A count, or nothing when withheld by the small-cell rule.
#[derive(Debug, Serialize, ToSchema)]
pub struct CellDto {
    pub count: Option<i64>,
    /// Not shown: fewer than k respondents, or withheld so that one that is cannot be worked out
    /// (secondary suppression; see `docs/consultations.md`).
    pub withheld: bool,
    /// Admins: fewer than k respondents, shown only because the reader is an admin. Others: true on
    /// every withheld cell (which withheld cells are k or more is not told).
    pub below_k: bool,
}

impl From<Cell> for CellDto {
    fn from(c: Cell) -> Self {
        CellDto { count: c.count, withheld: c.withheld, below_k: c.below_k }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OptionResultDto {
    /// The option id, or the value of a scale.
    pub id: String,
    pub label: BTreeMap<String, String>,
    pub count: Option<i64>,
    /// Count ÷ answered.
    pub share: Option<f64>,
    pub withheld: bool,
    pub below_k: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionResultDto {
    pub code: String,
    pub kind: QuestionKind,
    pub prompt: BTreeMap<String, String>,
    pub answered: CellDto,
    pub skipped: CellDto,
    pub options: Vec<OptionResultDto>,
    pub mean: Option<f64>,
    pub median: Option<f64>,
}

impl From<QuestionResult> for QuestionResultDto {
    fn from(q: QuestionResult) -> Self {
        QuestionResultDto {
            code: q.code,
            kind: q.kind,
            prompt: q.prompt,
            answered: q.answered.into(),
            skipped: q.skipped.into(),
            options: q
                .options
                .into_iter()
                .map(|o| OptionResultDto {
                    id: o.id,
                    label: o.label,
                    count: o.cell.count,
                    share: o.share,
                    withheld: o.cell.withheld,
                    below_k: o.cell.below_k,
                })
                .collect(),
            mean: q.mean,
            median: q.median,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResultsDto {
    /// Responses matching the filters.
    pub respondents: CellDto,
    /// The small-cell threshold.
    pub k: i64,
    /// Whether a respondent filter is applied (which makes every count a breakdown cell).
    pub filtered: bool,
    /// The first day the counts cover (`null`: from the first response). For anyone but admins a
    /// date filter is rounded to whole periods of at least k respondents: these are the dates used.
    pub from: Option<NaiveDate>,
    /// The last day the counts cover (`null`: up to now).
    pub to: Option<NaiveDate>,
    pub questions: Vec<QuestionResultDto>,
}

impl From<Results> for ResultsDto {
    fn from(r: Results) -> Self {
        ResultsDto {
            respondents: r.respondents.into(),
            k: r.k,
            filtered: r.filtered,
            from: r.from,
            to: r.to,
            questions: r.questions.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CrossColumnDto {
    /// The dimension's value (`BGD`, `C`, `micro`, `true`), or `unknown`.
    pub key: String,
    /// Respondents in the group who answered the question.
    pub respondents: CellDto,
    pub mean: Option<f64>,
    pub median: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CrossRowDto {
    pub id: String,
    pub label: BTreeMap<String, String>,
    /// One per column, in column order.
    pub cells: Vec<CellDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CrossTabDto {
    pub question: String,
    pub by: String,
    pub k: i64,
    pub columns: Vec<CrossColumnDto>,
    pub rows: Vec<CrossRowDto>,
}

impl From<CrossTab> for CrossTabDto {
    fn from(t: CrossTab) -> Self {
        CrossTabDto {
            question: t.question,
            by: t.by,
            k: t.k,
            columns: t
                .columns
                .into_iter()
                .map(|c| CrossColumnDto {
                    key: c.key,
                    respondents: c.respondents.into(),
                    mean: c.mean,
                    median: c.median,
                })
                .collect(),
            rows: t
                .rows
                .into_iter()
                .map(|r| CrossRowDto { id: r.id, label: r.label, cells: r.cells.into_iter().map(Into::into).collect() })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TextAnswerDto {
    pub text: String,
    /// For the consultation's owners only (`null` for other readers: the time would let one answer be
    /// traced across filtered lists).
    pub submitted_at: Option<DateTime<Utc>>,
}

impl From<TextAnswer> for TextAnswerDto {
    fn from(t: TextAnswer) -> Self {
        TextAnswerDto { text: t.text, submitted_at: t.submitted_at }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TextAnswerPage {
    pub items: Vec<TextAnswerDto>,
    pub next_cursor: Option<String>,
    /// On the first page (no `cursor`): how many answers there are under the filter; `null` on later pages
    /// and when the answers are withheld.
    pub total: Option<u64>,
    /// True when the answers are withheld: the filter's group (or everyone else) has fewer than k
    /// respondents, or its count of answers to the question is withheld.
    pub withheld: bool,
}

/// One anonymised response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResponseDto {
    pub id: Uuid,
    pub submitted_at: DateTime<Utc>,
    pub channel: String,
    pub lang: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub size_class: Option<String>,
    pub women_led: Option<bool>,
    /// Answers by question code: an option id, a list of ids, a number or a text.
    #[schema(value_type = Object)]
    pub answers: serde_json::Map<String, serde_json::Value>,
}

impl From<ResponseRecord> for ResponseDto {
    fn from(r: ResponseRecord) -> Self {
        ResponseDto {
            id: r.id,
            submitted_at: r.submitted_at,
            channel: r.channel,
            lang: r.lang,
            country: r.country,
            sector: r.sector,
            size_class: r.size_class,
            women_led: r.women_led,
            answers: r.answers,
        }
    }
}

page_of!(ResponsePage, ResponseDto);
sort_query!(ResponseSortQuery, gmc_store::services::consultations::results::ResponseSort, "newest first");

#[derive(Debug, Serialize, ToSchema)]
pub struct PublicOptionDto {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PublicQuestionDto {
    pub code: String,
    pub kind: QuestionKind,
    pub required: bool,
    pub prompt: String,
    pub options: Vec<PublicOptionDto>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub min_label: Option<String>,
    pub max_label: Option<String>,
    pub max_length: Option<u32>,
}

impl From<PublicQuestion> for PublicQuestionDto {
    fn from(q: PublicQuestion) -> Self {
        PublicQuestionDto {
            code: q.code,
            kind: q.kind,
            required: q.required,
            prompt: q.prompt,
            options: q.options.into_iter().map(|(id, label)| PublicOptionDto { id, label }).collect(),
            min: q.min,
            max: q.max,
            min_label: q.min_label,
            max_label: q.max_label,
            max_length: q.max_length,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PublicFormDto {
    pub title: String,
    pub description: String,
    /// The language served: the one asked for when the consultation has it, else English.
    pub lang: String,
    pub requested_lang: Option<String>,
    pub languages: Vec<String>,
    pub state: PublicState,
    pub accepting_responses: bool,
    pub closes_at: Option<DateTime<Utc>>,
    pub questions: Vec<PublicQuestionDto>,
}

impl From<PublicForm> for PublicFormDto {
    fn from(f: PublicForm) -> Self {
        PublicFormDto {
            title: f.title,
            description: f.description,
            lang: f.lang,
            requested_lang: f.requested_lang,
            languages: f.languages,
            accepting_responses: f.state == PublicState::Open,
            state: f.state,
            closes_at: f.closes_at,
            questions: f.questions.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// The language wanted (`bn`, `ne`, …); English when the consultation lacks it.
    pub lang: Option<String>,
}

/// The respondent's optional, anonymous profile (ignored for a signed-in stakeholder, whose record is used).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileDto {
    /// ISO alpha-3.
    pub country: Option<String>,
    #[schema(value_type = Option<IsicSection>)]
    pub sector: Option<String>,
    #[schema(value_type = Option<SizeClass>)]
    pub size_class: Option<String>,
    pub women_led: Option<bool>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmitResponseRequest {
    /// A random UUID the client makes once per filled form: a retry with the same id (say after a lost
    /// connection) answers with the first submission instead of recording the response twice.
    pub submission_id: Option<Uuid>,
    /// The language answered in, one of the consultation's (default `en`).
    #[schema(value_type = Option<LanguageCode>)]
    pub lang: Option<String>,
    /// Answers by question code: an option id, a list of option ids, a number or a text.
    #[schema(value_type = Object)]
    pub answers: serde_json::Map<String, serde_json::Value>,
    pub profile: Option<ProfileDto>,
}

impl SubmitResponseRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({
            "submission_id": "0193a5e2-9d04-7b61-a8c2-5f3e1d7b9a40",
            "lang": "bn",
            "answers": {"exports": "yes", "obstacles": "পরীক্ষার জন্য চালান সীমান্তে আটকে থাকে।"},
            "profile": {"country": "BGD", "sector": "A", "size_class": "small", "women_led": true}
        })
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SubmittedDto {
    pub id: Uuid,
    pub submitted_at: DateTime<Utc>,
}

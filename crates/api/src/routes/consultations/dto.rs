//! Request and response types of consultations, results and the public form.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use gmc_domain::consultation::{ConsultationStatus, PublicState, QuestionKind, SizeClass};
use gmc_store::schemas::IsicSection;
use gmc_store::services::consultations::public::{PublicFeedback, PublicForm, PublicQuestion};
use gmc_store::services::consultations::results::{
    Cell, QuestionResult, ResponseRecord, ResultFilter, Results, TextAnswer,
};
use gmc_store::views::ConsultationView;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::routes::{page_of, sort_query};

page_of!(ConsultationPage, ConsultationView);

/// A valid `ConsultationInput`, shown in the OpenAPI document (a test sends it).
pub fn create_example() -> serde_json::Value {
    serde_json::json!({
        "title": "Export barriers of shrimp farmers",
        "description": "Ten minutes on what stands between your firm and buyers abroad.",
        "languages": ["en", "bn"],
        "translations": {"bn": {"title": "চিংড়ি চাষিদের রপ্তানি বাধা", "description": "বিদেশি ক্রেতাদের কাছে পৌঁছাতে কী বাধা, দশ মিনিটে বলুন।"}},
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

/// A valid `FeedbackInput`, shown in the OpenAPI document (a test sends it).
pub fn feedback_example() -> serde_json::Value {
    serde_json::json!({"texts": {
        "en": "You said shrimp consignments wait days at the border for re-testing. We raised it with the EU at the SPS Committee in March; the reply is due in June.",
        "bn": "আপনারা বলেছেন, পুনরায় পরীক্ষার জন্য চিংড়ির চালান সীমান্তে দিনের পর দিন আটকে থাকে। আমরা মার্চে এসপিএস কমিটিতে বিষয়টি ইইউর কাছে তুলেছি।"
    }})
}

/// A valid `ConsultationPatch`, shown in the OpenAPI document (a test sends it).
pub fn update_example() -> serde_json::Value {
    serde_json::json!({"title": "Export barriers of shrimp and crab farmers", "closes_at": "2030-06-30T17:00:00Z",
        "translations": {"bn": {"title": "চিংড়ি ও কাঁকড়া চাষিদের রপ্তানি বাধা"}}})
}

sort_query!(ConsultationSortQuery, gmc_store::services::consultations::ConsultationSort, "newest entered first");
sort_query!(
    TextAnswerSortQuery,
    gmc_store::services::consultations::results::TextAnswerSort,
    "newest first (`-received`)"
);

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
    pub answered: Cell,
    pub skipped: Cell,
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
            answered: q.answered,
            skipped: q.skipped,
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
    pub respondents: Cell,
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
            respondents: r.respondents,
            k: r.k,
            filtered: r.filtered,
            from: r.from,
            to: r.to,
            questions: r.questions.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TextAnswerPage {
    pub items: Vec<TextAnswer>,
    pub next_cursor: Option<String>,
    /// On the first page (no `cursor`): how many answers there are under the filter; `null` on later pages
    /// and when the answers are withheld. Counted up to 1,000 (see `total_is_lower_bound`).
    pub total: Option<u64>,
    /// True when more than 1,000 answers match: `total` is then 1,000, a lower bound.
    pub total_is_lower_bound: bool,
    /// True when the answers are withheld: the filter's group (or everyone else) has fewer than k
    /// respondents, or its count of answers to the question is withheld.
    pub withheld: bool,
}

page_of!(ResponsePage, ResponseRecord);
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

/// The "you said, we did" note in one language.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicFeedbackDto {
    /// Plain text or Markdown.
    pub text: String,
    /// The language of `text`: the one served when the note has it, else English.
    pub lang: String,
    pub published_at: Option<DateTime<Utc>>,
}

impl From<PublicFeedback> for PublicFeedbackDto {
    fn from(f: PublicFeedback) -> Self {
        PublicFeedbackDto { text: f.text, lang: f.lang, published_at: f.published_at }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PublicFormDto {
    /// In the language served, else the default (English) text.
    pub title: String,
    pub description: String,
    /// Who asks: the owning delegation's name; `null` for a regional consultation run by the secretariat.
    pub asked_by: Option<String>,
    /// The owning delegation's country (ISO alpha-3), for naming it in the respondent's language; `null` when
    /// regional.
    pub asked_by_country: Option<String>,
    /// What came of the consultation, once it is closed and its owners published a note; `null` before.
    pub feedback: Option<PublicFeedbackDto>,
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
            asked_by: f.asked_by,
            asked_by_country: f.asked_by_country,
            feedback: f.feedback.map(Into::into),
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

/// A valid `SubmitInput`, shown in the OpenAPI document (a test sends it).
pub fn submit_example() -> serde_json::Value {
    serde_json::json!({
        "submission_id": "0193a5e2-9d04-7b61-a8c2-5f3e1d7b9a40",
        "lang": "bn",
        "answers": {"exports": "yes", "obstacles": "পরীক্ষার জন্য চালান সীমান্তে আটকে থাকে।"},
        "profile": {"country": "BGD", "sector": "A", "size_class": "small", "women_led": true}
    })
}

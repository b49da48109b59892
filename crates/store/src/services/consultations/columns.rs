//! How a stored consultation row's columns read (the questionnaire and lists are JSON text) and what
//! they default to: shared by the service, its fields, the public page and results, and depending on
//! none of them.

use gmc_domain::consultation::{Question, Texts, Translations};
use gmc_domain::Visibility;

use crate::entities::consultations;
use crate::{AppError, AppResult};

pub(crate) fn questions_of(row: &consultations::Model) -> AppResult<Vec<Question>> {
    serde_json::from_str(&row.questions).map_err(|e| AppError::Internal(anyhow::anyhow!("stored questions: {e}")))
}

pub(crate) fn translations_of(row: &consultations::Model) -> AppResult<Translations> {
    serde_json::from_str(&row.translations).map_err(|e| AppError::Internal(anyhow::anyhow!("stored translations: {e}")))
}

pub(crate) fn feedback_of(row: &consultations::Model) -> AppResult<Option<Texts>> {
    row.feedback
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("stored feedback: {e}")))
}

pub(crate) fn json_list<T: serde::de::DeserializeOwned>(text: &str) -> AppResult<Vec<T>> {
    serde_json::from_str(text).map_err(|e| AppError::Internal(anyhow::anyhow!("stored list: {e}")))
}

/// The default visibility of a new consultation.
pub(crate) fn default_visibility(regional: bool) -> Visibility {
    if regional {
        Visibility::Regional
    } else {
        Visibility::Delegation
    }
}

//! The targets of evidence links as a reader may see them: which of a prep item's links lead to
//! records the reader may read (impediments and consultations, each by its own read rule, in SQL),
//! and what the reader sees of each. Shared by the links, strength, the trace and the alignment report,
//! so that all of them hide exactly the same links.

use std::collections::{HashMap, HashSet};

use gmc_domain::consultation::Question;
use gmc_domain::prep::EvidenceKind;
use gmc_domain::Actor;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use uuid::Uuid;

use crate::entities::{consultations, documents, evidence_links, impediments};
use crate::services::consultations::questions_of;
use crate::services::visibility::read_condition;
use crate::AppResult;

/// What a link points at, as far as the reader may see it.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceTarget {
    /// The impediment's title, or the consultation's.
    pub title: String,
    /// The impediment's or the consultation's status.
    pub status: Option<String>,
    /// Impediments: 1 (minor) – 5 (prohibitive).
    pub severity: Option<i16>,
    /// Impediments: the reporting country.
    pub country: Option<String>,
    /// Impediments: the partner market.
    pub partner: Option<String>,
    /// Consultation questions: the question's prompt in English (else its first language).
    pub question_prompt: Option<String>,
}

/// The targets of `links` the actor may read: impediments by the impediments' read rule, consultations
/// by the consultations' — one query each, in SQL, so the rule is the lists' own.
pub(crate) struct Readable {
    pub impediments: HashMap<Uuid, impediments::Model>,
    pub consultations: HashMap<Uuid, (consultations::Model, Vec<Question>)>,
    // issue 10: documents
    pub documents: HashMap<Uuid, documents::Model>,
}

impl Readable {
    pub(crate) async fn of<C: ConnectionTrait>(
        db: &C,
        actor: &Actor,
        links: &[evidence_links::Model],
    ) -> AppResult<Self> {
        let ids = |kind: EvidenceKind| -> Vec<Uuid> {
            let set: HashSet<Uuid> = links.iter().filter(|l| l.target_kind.0 == kind).map(|l| l.target_id).collect();
            set.into_iter().collect()
        };
        let mut out =
            Readable { impediments: HashMap::new(), consultations: HashMap::new(), documents: HashMap::new() };
        let imp = ids(EvidenceKind::Impediment);
        if !imp.is_empty() {
            let rows = impediments::Entity::find()
                .filter(impediments::Column::Id.is_in(imp))
                .filter(read_condition(actor, impediments::Column::Visibility, impediments::Column::DelegationId))
                .all(db)
                .await?;
            out.impediments = rows.into_iter().map(|r| (r.id, r)).collect();
        }
        let con = ids(EvidenceKind::ConsultationQuestion);
        if !con.is_empty() {
            let rows = consultations::Entity::find()
                .filter(consultations::Column::Id.is_in(con))
                .filter(read_condition(actor, consultations::Column::Visibility, consultations::Column::DelegationId))
                .all(db)
                .await?;
            for r in rows {
                let questions = questions_of(&r)?;
                out.consultations.insert(r.id, (r, questions));
            }
        }
        // issue 10: documents — by the library's read rule, as its list and search apply it.
        let docs = ids(EvidenceKind::Document);
        if !docs.is_empty() {
            let rows = documents::Entity::find()
                .filter(documents::Column::Id.is_in(docs))
                .filter(crate::services::documents::read_condition(actor))
                .all(db)
                .await?;
            out.documents = rows.into_iter().map(|r| (r.id, r)).collect();
        }
        Ok(out)
    }

    /// Whether the reader may see this link's target (a question must still be in its questionnaire).
    pub(crate) fn shows(&self, l: &evidence_links::Model) -> bool {
        match l.target_kind.0 {
            EvidenceKind::Impediment => self.impediments.contains_key(&l.target_id),
            EvidenceKind::ConsultationQuestion => self.question(l).is_some(),
            // issue 10: documents
            EvidenceKind::Document => self.documents.contains_key(&l.target_id),
        }
    }

    pub(crate) fn question(&self, l: &evidence_links::Model) -> Option<(&consultations::Model, &Question)> {
        let (c, questions) = self.consultations.get(&l.target_id)?;
        let code = l.question_code.as_deref()?;
        questions.iter().find(|q| q.code == code).map(|q| (c, q))
    }

    pub(crate) fn target(&self, l: &evidence_links::Model) -> EvidenceTarget {
        match (l.target_kind.0, self.impediments.get(&l.target_id), self.question(l)) {
            (EvidenceKind::Impediment, Some(i), _) => EvidenceTarget {
                title: i.title.clone(),
                status: Some(i.status.0.as_str().to_owned()),
                severity: Some(i.severity),
                country: Some(i.reporting_country.clone()),
                partner: Some(i.partner.clone()),
                question_prompt: None,
            },
            (EvidenceKind::ConsultationQuestion, _, Some((c, q))) => EvidenceTarget {
                title: c.title.clone(),
                status: Some(c.status.0.as_str().to_owned()),
                question_prompt: Some(Question::text_in(&q.prompt, "en")),
                ..EvidenceTarget::default()
            },
            // issue 10: documents
            (EvidenceKind::Document, _, _) => match self.documents.get(&l.target_id) {
                Some(d) => EvidenceTarget { title: d.title.clone(), ..EvidenceTarget::default() },
                None => EvidenceTarget::default(),
            },
            _ => EvidenceTarget::default(),
        }
    }
}

/// The links of one prep item, oldest first.
pub(crate) async fn links_of<C: ConnectionTrait>(db: &C, prep_item: Uuid) -> AppResult<Vec<evidence_links::Model>> {
    Ok(evidence_links::Entity::find()
        .filter(evidence_links::Column::PrepItemId.eq(prep_item))
        .order_by_asc(evidence_links::Column::CreatedAt)
        .order_by_asc(evidence_links::Column::Id)
        .all(db)
        .await?)
}

//! The alignment formula (`docs/alignment.md`): the MSME-concern score of a topic and the flag it
//! gets against coverage. Pure arithmetic on what `alignment` aggregated in SQL, so the documented
//! worked example is a unit test.

use serde::Serialize;

/// The weights of the formula (settings `GMC_ALIGNMENT_*`, listed in `docs/deployment.md`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = AlignmentWeights))]
pub struct Weights {
    /// The weight of one validated impediment by its severity, 1 to 5.
    pub severity: [f64; 5],
    /// The weight of one respondent answering a question tagged with the topic.
    pub answer: f64,
    /// An impediment's weight halves every this many days after it was reported.
    pub half_life_days: f64,
    /// A topic of at least this concern and no coverage is a blind spot.
    pub blind_spot_threshold: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights { severity: [1.0, 2.0, 3.0, 5.0, 8.0], answer: 0.2, half_life_days: 365.0, blind_spot_threshold: 5.0 }
    }
}

impl Weights {
    /// Reads `"1,2,3,5,8"` (the severity weights setting) and checks every weight: finite and not
    /// negative, the half-life above zero. A bad setting stops the server at start, not a request.
    pub fn parse(severity: &str, answer: f64, half_life_days: f64, blind_spot_threshold: f64) -> Result<Self, String> {
        let parts: Vec<f64> = severity
            .split(',')
            .map(|p| p.trim().parse::<f64>().map_err(|e| format!("severity weight {p:?}: {e}")))
            .collect::<Result<_, _>>()?;
        let severity: [f64; 5] =
            parts.try_into().map_err(|_| "the severity weights are five numbers, for severities 1 to 5".to_owned())?;
        let w = Weights { severity, answer, half_life_days, blind_spot_threshold };
        let all = w.severity.iter().chain([&w.answer, &w.half_life_days, &w.blind_spot_threshold]);
        if all.into_iter().any(|v| !v.is_finite() || *v < 0.0) || w.half_life_days <= 0.0 {
            return Err("alignment weights must be finite and not negative, the half-life above zero".into());
        }
        Ok(w)
    }

    /// The weight of one impediment of `severity` reported `age_days` whole days ago.
    pub fn impediment(&self, severity: i16, age_days: i64) -> f64 {
        let w = usize::try_from(severity - 1).ok().and_then(|i| self.severity.get(i)).copied().unwrap_or(0.0);
        w * decay(age_days, self.half_life_days)
    }
}

/// `0.5^(age / half-life)`; an age below zero (a clock ahead of the server's) counts as zero.
pub fn decay(age_days: i64, half_life_days: f64) -> f64 {
    0.5f64.powf(age_days.max(0) as f64 / half_life_days)
}

/// Where a topic stands for the owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AlignmentStatus {
    /// Concern at or above the threshold, and no prep item on the topic.
    BlindSpot,
    /// Prep items on the topic, at least one of them citing no evidence.
    Unsupported,
    /// Prep items on the topic, each citing evidence.
    Covered,
    /// Below the threshold and not covered.
    Quiet,
}

pub fn status(concern: f64, prep_items: i64, without_evidence: i64, threshold: f64) -> AlignmentStatus {
    match (prep_items, without_evidence) {
        (0, _) if concern >= threshold => AlignmentStatus::BlindSpot,
        (0, _) => AlignmentStatus::Quiet,
        (_, 0) => AlignmentStatus::Covered,
        _ => AlignmentStatus::Unsupported,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worked_example_of_the_docs_adds_up() {
        // docs/alignment.md: severities 5 (today), 4 (365 days ago), 2 (730 days ago), and 10 answers.
        let w = Weights::default();
        let concern = w.impediment(5, 0) + w.impediment(4, 365) + w.impediment(2, 730) + w.answer * 10.0;
        assert!((concern - 13.0).abs() < 1e-9, "{concern}");
        assert_eq!(status(concern, 0, 0, w.blind_spot_threshold), AlignmentStatus::BlindSpot);
        assert_eq!(status(concern, 2, 1, w.blind_spot_threshold), AlignmentStatus::Unsupported);
        assert_eq!(status(concern, 2, 0, w.blind_spot_threshold), AlignmentStatus::Covered);
        assert_eq!(status(4.9, 0, 0, w.blind_spot_threshold), AlignmentStatus::Quiet);
    }

    #[test]
    fn bad_weights_are_refused_at_start() {
        assert!(Weights::parse("1,2,3,5,8", 0.2, 365.0, 5.0).is_ok());
        assert!(Weights::parse("1,2,3", 0.2, 365.0, 5.0).is_err());
        assert!(Weights::parse("1,2,x,5,8", 0.2, 365.0, 5.0).is_err());
        assert!(Weights::parse("1,2,3,5,8", -1.0, 365.0, 5.0).is_err());
        assert!(Weights::parse("1,2,3,5,8", 0.2, 0.0, 5.0).is_err());
    }
}

//! The attacker's reading: every answer a non-admin may get, turned into numbers about groups of
//! respondents — shown (facts) or withheld (with what an admin sees for them).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use serde_json::Value;

use super::methods::{bounds_attack, direct_methods, linear_attack};
use super::{extended_fixture, extended_rows, march, DAYS};
use crate::helpers::*;

/// What the attacker knows of nobody, but the test knows of everyone: each firm's profile and day.
pub(super) struct Firm {
    pub(super) profile: BTreeMap<&'static str, Option<String>>,
    pub(super) day: NaiveDate,
}

pub(super) fn firms() -> Vec<Firm> {
    extended_rows()
        .into_iter()
        .zip(DAYS)
        .map(|((_, p), day)| {
            let field = |k: &str| p.as_ref().map(|p| p[k].to_string().trim_matches('"').to_owned());
            let profile = ["country", "sector", "size_class", "women_led"].into_iter().map(|d| (d, field(d))).collect();
            Firm { profile, day: march(day) }
        })
        .collect()
}

/// A group of respondents as the API names it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Group {
    All,
    /// A profile dimension's value (`None`: not given).
    Dim(&'static str, Option<String>),
    /// Submitted from … to (inclusive, `None` unbounded).
    Dates(Option<NaiveDate>, Option<NaiveDate>),
}

impl Group {
    pub(super) fn members(&self, firms: &[Firm]) -> BTreeSet<usize> {
        (0..firms.len())
            .filter(|&i| match self {
                Group::All => true,
                Group::Dim(d, v) => &firms[i].profile[d] == v,
                Group::Dates(from, to) => {
                    from.is_none_or(|f| firms[i].day >= f) && to.is_none_or(|t| firms[i].day <= t)
                }
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Measure {
    Respondents,
    Answered(String),
    Skipped(String),
    Option(String, String),
    /// mean × answered.
    Sum(String),
}

impl Measure {
    pub(super) fn question(&self) -> Option<&str> {
        match self {
            Measure::Respondents => None,
            Measure::Answered(q) | Measure::Skipped(q) | Measure::Option(q, _) | Measure::Sum(q) => Some(q),
        }
    }
}

/// Measures of one group, `None` where withheld.
type Measures = Vec<(Measure, Option<f64>)>;

pub(super) const NUMERIC: [&str; 2] = ["q3", "q4"];

fn cell(c: &Value) -> Option<f64> {
    if c["withheld"] == true {
        None
    } else {
        c["count"].as_f64()
    }
}

/// Every measure of a results document, `None` where withheld; and `(question, mean)` where a mean is
/// shown without its answered count.
fn results_measures(doc: &Value) -> (Measures, Vec<(String, f64)>) {
    let mut out = vec![(Measure::Respondents, cell(&doc["respondents"]))];
    let mut ratios = Vec::new();
    for q in doc["questions"].as_array().unwrap() {
        let code = q["code"].as_str().unwrap().to_owned();
        let answered = cell(&q["answered"]);
        out.push((Measure::Answered(code.clone()), answered));
        out.push((Measure::Skipped(code.clone()), cell(&q["skipped"])));
        for o in q["options"].as_array().unwrap() {
            let v = if o["withheld"] == true { None } else { o["count"].as_f64() };
            out.push((Measure::Option(code.clone(), o["id"].as_str().unwrap().to_owned()), v));
        }
        if NUMERIC.contains(&code.as_str()) {
            out.push((Measure::Sum(code.clone()), sum_of(q["mean"].as_f64(), answered)));
            if let (Some(m), None) = (q["mean"].as_f64(), answered) {
                ratios.push((code, m));
            }
        }
    }
    (out, ratios)
}

fn sum_of(mean: Option<f64>, answered: Option<f64>) -> Option<f64> {
    match (mean, answered) {
        (Some(m), Some(a)) => Some(m * a),
        (None, Some(0.0)) => Some(0.0),
        _ => None,
    }
}

/// Every measure of each column of a cross-tab document.
fn crosstab_measures(doc: &Value) -> Vec<(String, Measures)> {
    let q = doc["question"].as_str().unwrap().to_owned();
    let rows = doc["rows"].as_array().unwrap();
    doc["columns"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(j, col)| {
            let answered = cell(&col["respondents"]);
            let mut m = vec![(Measure::Answered(q.clone()), answered)];
            for r in rows {
                m.push((Measure::Option(q.clone(), r["id"].as_str().unwrap().to_owned()), cell(&r["cells"][j])));
            }
            if NUMERIC.contains(&q.as_str()) {
                m.push((Measure::Sum(q.clone()), sum_of(col["mean"].as_f64(), answered)));
            }
            (col["key"].as_str().unwrap().to_owned(), m)
        })
        .collect()
}

/// A number the attacker read.
#[derive(Debug, Clone)]
pub(super) struct Fact {
    pub(super) group: Group,
    pub(super) set: BTreeSet<usize>,
    pub(super) measure: Measure,
    pub(super) value: f64,
    pub(super) source: String,
}

/// Everything the attacker collected, and the withheld values with what an admin sees for them.
pub(super) struct Collected {
    pub(super) facts: Vec<Fact>,
    /// `(group, question, mean)` of means shown without their answered count.
    pub(super) ratios: Vec<(Group, String, f64)>,
    /// `(respondents, measure)` → `(admin's value, where it was withheld)`.
    pub(super) withheld: HashMap<(BTreeSet<usize>, Measure), (f64, String)>,
    /// Groups of withheld values, for the linear attack.
    pub(super) withheld_groups: Vec<(Group, Measure, f64, String)>,
}

struct Attacker<'a> {
    app: &'a TestApp,
    base: String,
    reader: String,
    admin: String,
    firms: Vec<Firm>,
    admin_docs: HashMap<String, Value>,
    out: Collected,
}

impl Attacker<'_> {
    async fn admin_doc(&mut self, path: &str) -> Value {
        if !self.admin_docs.contains_key(path) {
            let doc = self.app.get_json(&format!("{}/{path}", self.base), &self.admin).await;
            self.admin_docs.insert(path.to_owned(), doc);
        }
        self.admin_docs[path].clone()
    }

    fn record(&mut self, group: &Group, m: Measure, seen: Option<f64>, truth: Option<f64>, source: &str) {
        let set = group.members(&self.firms);
        match (seen, truth) {
            (Some(value), _) => {
                self.out.facts.push(Fact { group: group.clone(), set, measure: m, value, source: source.to_owned() });
            }
            (None, Some(truth)) => {
                self.out.withheld_groups.push((group.clone(), m.clone(), truth, source.to_owned()));
                self.out.withheld.insert((set, m), (truth, source.to_owned()));
            }
            (None, None) => {}
        }
    }

    /// Reads `results?{query}` as the attacker and, for what it withholds, the same respondents as an
    /// admin. Returns the group the answer covers (dates as applied, when the answer says so).
    async fn results(&mut self, query: &str, group: Group) -> Group {
        let path = format!("results?{query}");
        let doc = self.app.get_json(&format!("{}/{path}", self.base), &self.reader).await;
        let group = match (group, doc.get("from"), doc.get("to")) {
            (Group::Dates(..), Some(f), Some(t)) => {
                let date = |v: &Value| v.as_str().map(|s| s.parse::<NaiveDate>().unwrap());
                match (date(f), date(t)) {
                    (None, None) => Group::All,
                    (f, t) => Group::Dates(f, t),
                }
            }
            (g, _, _) => g,
        };
        let admin_path = match &group {
            Group::Dates(f, t) => {
                let mut q = Vec::new();
                if let Some(f) = f {
                    q.push(format!("from={f}"));
                }
                if let Some(t) = t {
                    q.push(format!("to={t}"));
                }
                format!("results?{}", q.join("&"))
            }
            Group::All => "results?".to_owned(),
            Group::Dim(..) => path.clone(),
        };
        let admin = self.admin_doc(&admin_path).await;
        let (seen, ratios) = results_measures(&doc);
        let (truth, _) = results_measures(&admin);
        let truth: HashMap<Measure, Option<f64>> = truth.into_iter().collect();
        for (m, v) in seen {
            let t = truth.get(&m).copied().flatten();
            // A mean of nobody is no secret.
            if matches!(m, Measure::Sum(_)) && v.is_none() && t == Some(0.0) {
                continue;
            }
            self.record(&group, m, v, t, &path);
        }
        for (q, mean) in ratios {
            self.out.ratios.push((group.clone(), q, mean));
        }
        group
    }

    async fn crosstab(&mut self, question: &str, by: &'static str) {
        let path = format!("crosstab?question={question}&by={by}");
        let doc = self.app.get_json(&format!("{}/{path}", self.base), &self.reader).await;
        let admin = self.admin_doc(&path).await;
        let truth: HashMap<String, HashMap<Measure, Option<f64>>> =
            crosstab_measures(&admin).into_iter().map(|(k, m)| (k, m.into_iter().collect())).collect();
        for (key, measures) in crosstab_measures(&doc) {
            let group = Group::Dim(by, (key != "unknown").then(|| key.clone()));
            for (m, v) in measures {
                let t = truth.get(&key).and_then(|c| c.get(&m)).copied().flatten();
                if matches!(m, Measure::Sum(_)) && v.is_none() && t == Some(0.0) {
                    continue;
                }
                self.record(&group, m, v, t, &path);
            }
        }
    }

    /// Text answers: their number is the group's answered count of q5.
    async fn texts(&mut self, query: &str, group: &Group) {
        let path = format!("text-answers?question=q5&limit=200&{query}");
        let res = self.app.get(&format!("{}/{path}", self.base), &self.reader).await;
        if res.status() != 200 {
            assert_eq!(res.status(), 422, "{path}");
            return;
        }
        let page: Value = res.json().await.unwrap();
        assert!(page["next_cursor"].is_null(), "{path}");
        if page["withheld"] != true {
            let n = page["items"].as_array().unwrap().len() as f64;
            self.record(group, Measure::Answered("q5".into()), Some(n), None, &path);
        }
    }
}

/// The attack of finding 2 on the extended fixture with small-cell threshold `k`: Nepal's delegate
/// reads Bangladesh's regional consultation and may not work out any value it is not shown. Returns
/// how many numbers it read, how many were withheld from it, and every derivation found.
pub(super) async fn attack(k: i64) -> (usize, usize, Vec<String>) {
    let app = TestApp::spawn_with(|s| s.small_cell_k = k).await;
    let bgd = app.login(BGD).await;
    let c = extended_fixture(&app, &bgd).await;
    let mut a = Attacker {
        app: &app,
        base: format!("/api/v1/consultations/{}", c["id"].as_str().unwrap()),
        reader: app.login(NPL).await,
        admin: app.login(ADMIN).await,
        firms: firms(),
        admin_docs: HashMap::new(),
        out: Collected { facts: Vec::new(), ratios: Vec::new(), withheld: HashMap::new(), withheld_groups: Vec::new() },
    };
    let mut queries: Vec<(String, Group)> = vec![(String::new(), Group::All)];
    let values: [(&'static str, &[&str]); 4] = [
        ("country", &["BGD", "NPL", "LKA"]),
        ("sector", &["C", "A", "G", "B"]),
        ("size_class", &["micro", "small", "medium"]),
        ("women_led", &["true", "false"]),
    ];
    for (d, vs) in values {
        for v in vs {
            queries.push((format!("{d}={v}"), Group::Dim(d, Some(v.to_string()))));
        }
    }
    // Every day that has a response, and the days around them.
    let mut days: Vec<NaiveDate> = DAYS.iter().map(|d| march(*d)).collect();
    days.extend([march(1), march(28)]);
    days.sort();
    for (i, from) in days.iter().enumerate() {
        queries.push((format!("from={from}"), Group::Dates(Some(*from), None)));
        queries.push((format!("to={from}"), Group::Dates(None, Some(*from))));
        for to in &days[i..] {
            queries.push((format!("from={from}&to={to}"), Group::Dates(Some(*from), Some(*to))));
        }
    }
    for (query, group) in &queries {
        let group = a.results(query, group.clone()).await;
        let single_day = matches!(group, Group::Dates(Some(f), Some(t)) if f == t);
        if !query.contains('&') || single_day {
            a.texts(query, &group).await;
        }
    }
    for q in ["q1", "q2", "q3", "q4"] {
        for by in ["country", "sector", "size_class", "women_led"] {
            a.crosstab(q, by).await;
        }
    }
    // results.csv says what the results say.
    for query in ["", "country=BGD", "from=2026-03-10&to=2026-03-12"] {
        let json = app.get_json(&format!("{}/results?{query}", a.base), &a.reader).await;
        let csv = app.get(&format!("{}/results.csv?{query}", a.base), &a.reader).await.text().await.unwrap();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        for record in reader.records().map(Result::unwrap) {
            let q = json["questions"].as_array().unwrap().iter().find(|q| q["code"] == record[0]).unwrap();
            let shown = |c: &Value| c["count"].as_i64().map_or("withheld".to_owned(), |n| n.to_string());
            assert_eq!(
                (&record[6], &record[7]),
                (shown(&q["answered"]).as_str(), shown(&q["skipped"]).as_str()),
                "{query}"
            );
            if let Some(o) = q["options"].as_array().unwrap().iter().find(|o| o["id"] == record[3]) {
                assert_eq!(&record[4], shown(o), "{query} {}", &record[3]);
            }
        }
    }
    // The dimensions' columns as the cross-tabs list them.
    let mut dims: BTreeMap<&'static str, Vec<Option<String>>> = BTreeMap::new();
    for by in ["country", "sector", "size_class", "women_led"] {
        let tab = app.get_json(&format!("{}/crosstab?question=q1&by={by}", a.base), &a.reader).await;
        let keys = tab["columns"].as_array().unwrap().iter().map(|c| c["key"].as_str().unwrap().to_owned());
        dims.insert(by, keys.map(|k| (k != "unknown").then_some(k)).collect());
    }
    let firms = firms();
    let mut leaks = direct_methods(&a.out, &dims, &firms);
    leaks.extend(bounds_attack(&a.out, &dims, &firms));
    leaks.extend(linear_attack(&a.out, &dims));
    (a.out.facts.len(), a.out.withheld.len(), leaks)
}

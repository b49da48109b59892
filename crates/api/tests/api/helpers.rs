//! A whole app per test: its own database (SQLite file, or PostgreSQL when TEST_DATABASE_URL is set),
//! demo data seeded, served on a free port, talked to over real HTTP.

use gmc_api::{Application, Settings};
use gmc_store::testdb::TestDatabase;
use reqwest::{Method, RequestBuilder, Response};
use serde_json::{json, Value};

use crate::totp::{code_at, now_step, Factor, Factors};

pub const PASSWORD: &str = "demo-pass-2026";
pub const ADMIN: &str = "admin@gmc.test";
pub const ANALYST: &str = "analyst@gmc.test";
pub const BGD: &str = "delegate.bgd@gmc.test";
pub const NPL: &str = "delegate.npl@gmc.test";

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    /// The second factors the tests enrolled, to compute their codes.
    pub factors: Factors,
    _db: TestDatabase,
    _dirs: TempDirs,
}

/// The directories a test app's settings made for it (file storage, import spool), removed when the
/// test ends — else every run leaves thousands in the temporary directory. Only directories named
/// like the test defaults (`Settings::for_tests`) inside it are removed, never one a test chose.
struct TempDirs(Vec<std::path::PathBuf>);

impl TempDirs {
    fn of(settings: &Settings) -> Self {
        let tmp = std::env::temp_dir();
        let ours = |dir: &str| {
            let path = std::path::PathBuf::from(dir);
            let named = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("gmc-test-"));
            (named && path.parent() == Some(tmp.as_path())).then_some(path)
        };
        Self([&settings.storage_dir, &settings.import_spool_dir].into_iter().filter_map(|d| ours(d)).collect())
    }
}

impl Drop for TempDirs {
    fn drop(&mut self) {
        for dir in &self.0 {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(configure: impl FnOnce(&mut Settings)) -> Self {
        let db = TestDatabase::create().await.expect("test database");
        let conn = gmc_store::db::connect(&db.url).await.expect("connect");
        gmc_store::db::migrate(&conn).await.expect("migrate");
        gmc_store::demo::seed_accounts(&conn).await.expect("seed");
        let mut settings = Settings::for_tests(&db.url);
        configure(&mut settings);
        let dirs = TempDirs::of(&settings);
        let app = Application::build_with_db(settings, conn).expect("build");
        let base = format!("http://127.0.0.1:{}", app.port());
        tokio::spawn(app.run_until_stopped());
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        TestApp { base, client, factors: Factors::default(), _db: db, _dirs: dirs }
    }

    /// The test database's URL (a SQLite file, or a PostgreSQL database of its own).
    pub fn database_url(&self) -> &str {
        &self._db.url
    }

    /// A direct connection to the test's database, for arranging rows no endpoint creates yet.
    pub async fn db(&self) -> sea_orm::DatabaseConnection {
        gmc_store::db::connect(&self._db.url).await.expect("connect")
    }

    pub fn request(&self, method: Method, path: &str, token: Option<&str>) -> RequestBuilder {
        let rb = self.client.request(method, format!("{}{path}", self.base));
        match token {
            Some(t) => rb.bearer_auth(t),
            None => rb,
        }
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.request(Method::GET, path, Some(token)).send().await.expect("request")
    }

    pub async fn get_json(&self, path: &str, token: &str) -> Value {
        let res = self.get(path, token).await;
        assert_eq!(res.status(), 200, "GET {path}");
        res.json().await.expect("json")
    }

    pub async fn post_json(&self, path: &str, token: Option<&str>, body: Value) -> Response {
        self.request(Method::POST, path, token).json(&body).send().await.expect("request")
    }

    /// Signs in as an account (password `PASSWORD`) the way a person would: with a code when the account
    /// has a second factor, and, for an admin without one, enrolling one first — admins act as admins
    /// only with it. Returns the token pair.
    pub async fn login_pair(&self, email: &str) -> Value {
        let res = self.post_json("/api/v1/auth/login", None, json!({"email": email, "password": PASSWORD})).await;
        assert_eq!(res.status(), 200, "login as {email}");
        let answer: Value = res.json().await.expect("json");
        if let Some(challenge) = answer["mfa_token"].as_str() {
            return self.complete_mfa(email, challenge).await;
        }
        let token = answer["access_token"].as_str().expect("access_token");
        let me = self.get_json("/api/v1/me", token).await;
        if me["second_factor"]["required"] == true && me["second_factor"]["verified"] == false {
            return self.enrol_mfa(email, token).await["tokens"].clone();
        }
        answer
    }

    /// An access token for a demo account (see `login_pair`).
    pub async fn login(&self, email: &str) -> String {
        self.login_pair(email).await["access_token"].as_str().expect("access_token").to_owned()
    }

    /// Enrols and verifies a second factor for the account signed in with `token`, computing the code
    /// from the secret the API returned. Returns the verification's answer (recovery codes, tokens).
    pub async fn enrol_mfa(&self, email: &str, token: &str) -> Value {
        let res = self.post_json("/api/v1/me/mfa/enrolment", Some(token), json!({})).await;
        assert_eq!(res.status(), 200, "enrolment of {email}");
        let secret = res.json::<Value>().await.expect("json")["secret"].as_str().expect("secret").to_owned();
        let step = now_step();
        let res =
            self.post_json("/api/v1/me/mfa/verification", Some(token), json!({"code": code_at(&secret, step)})).await;
        assert_eq!(res.status(), 200, "verification of {email}");
        let activation: Value = res.json().await.expect("json");
        let recovery_codes = activation["recovery_codes"]
            .as_array()
            .expect("codes")
            .iter()
            .map(|c| c.as_str().expect("code").to_owned());
        self.factors.insert(email, Factor { secret, last_step: step, recovery_codes: recovery_codes.collect() });
        activation
    }

    /// Answers a sign-in challenge with the account's next code; returns the token pair.
    pub async fn complete_mfa(&self, email: &str, challenge: &str) -> Value {
        let code = self.factors.next_code(email);
        let res = self.post_json("/api/v1/auth/mfa", None, json!({"mfa_token": challenge, "code": code})).await;
        assert_eq!(res.status(), 200, "second factor of {email}");
        res.json().await.expect("json")
    }

    /// The id of the delegation of a country.
    pub async fn delegation_id(&self, token: &str, country: &str) -> String {
        let page = self.get_json("/api/v1/delegations?limit=200", token).await;
        page["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|d| d["country_code"] == country)
            .and_then(|d| d["id"].as_str())
            .expect("delegation")
            .to_owned()
    }

    /// Every item of a collection, following `next_cursor`.
    pub async fn all_pages(&self, path: &str, token: &str) -> Vec<Value> {
        let mut items = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let sep = if path.contains('?') { '&' } else { '?' };
            let url = match &cursor {
                Some(c) => format!("{path}{sep}cursor={c}"),
                None => path.to_owned(),
            };
            let page = self.get_json(&url, token).await;
            items.extend(page["items"].as_array().expect("items").iter().cloned());
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => return items,
            }
        }
    }
}

/// Asserts a response is problem+json with the status, and returns its body.
pub async fn problem(res: Response, status: u16) -> Value {
    assert_eq!(res.status(), status, "status");
    let ct = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert!(ct.starts_with("application/problem+json"), "content-type was {ct}");
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["status"], status);
    assert!(body["type"].as_str().is_some_and(|t| t.starts_with("urn:gmc:problem:")));
    body
}

/// The fields named in a validation problem.
pub fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["field"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

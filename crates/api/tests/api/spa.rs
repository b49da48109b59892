//! Delivery of the built SPA: how long browsers may keep each file, precompressed variants chosen by
//! `Accept-Encoding`, and no source maps. A small stand-in for `frontend/dist` is written per test; the
//! `.br`/`.gz` files hold marker bytes, so a body tells which variant was sent.

use std::path::{Path, PathBuf};

use reqwest::{Method, Response};

use crate::helpers::*;

const ASSET: &str = "/assets/index-3f2a1b9c.js";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A built SPA in a fresh directory, removed when dropped.
struct Dist(PathBuf);

impl Dist {
    fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("gmc-spa-{}", uuid::Uuid::new_v4()));
        let files: [(&str, &[u8]); 11] = [
            ("index.html", b"<!doctype html><title>staff</title>"),
            ("index.html.br", b"br:index"),
            ("index.html.gz", b"gz:index"),
            ("respond.html", b"<!doctype html><title>respond</title>"),
            ("favicon.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            ("assets/index-3f2a1b9c.js", b"console.log('identity')"),
            ("assets/index-3f2a1b9c.js.br", b"br:js"),
            ("assets/index-3f2a1b9c.js.gz", b"gz:js"),
            ("assets/index-3f2a1b9c.js.map", b"{\"version\":3}"),
            ("assets/index-9e8d7c6b.css", b"body{}"),
            ("assets/index-9e8d7c6b.css.gz", b"gz:css"),
        ];
        for (name, content) in files {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, content).unwrap();
        }
        Dist(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Dist {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn spawn(dist: &Dist) -> TestApp {
    let dir = dist.path().to_str().unwrap().to_owned();
    TestApp::spawn_with(|s| s.static_dir = dir).await
}

async fn fetch(app: &TestApp, path: &str, accept_encoding: Option<&str>) -> Response {
    let mut rb = app.request(Method::GET, path, None);
    if let Some(v) = accept_encoding {
        rb = rb.header("accept-encoding", v);
    }
    rb.send().await.unwrap()
}

fn header<'a>(res: &'a Response, name: &str) -> Option<&'a str> {
    res.headers().get(name).map(|v| v.to_str().unwrap())
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_pages_are_revalidated_on_every_use() {
    let dist = Dist::new();
    let app = spawn(&dist).await;
    for path in [ASSET, "/assets/index-9e8d7c6b.css"] {
        let res = fetch(&app, path, None).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(header(&res, "cache-control"), Some(IMMUTABLE), "{path}");
    }
    for (path, title) in
        [("/", "staff"), ("/index.html", "staff"), ("/topics/FISH", "staff"), ("/respond/abc123", "respond")]
    {
        let res = fetch(&app, path, None).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(header(&res, "cache-control"), Some("no-cache"), "{path}");
        assert!(header(&res, "content-type").unwrap().starts_with("text/html"), "{path}");
        assert!(header(&res, "content-security-policy").unwrap().contains("script-src 'self'"), "{path}");
        assert!(res.text().await.unwrap().contains(&format!("<title>{title}</title>")), "{path}");
    }
    // An unhashed file keeps its name across releases: revalidated, never immutable.
    let res = fetch(&app, "/favicon.svg", None).await;
    assert_eq!(header(&res, "cache-control"), Some("no-cache"));

    // `no-cache` means "revalidate", and revalidation is a cheap 304.
    let res = fetch(&app, "/topics/FISH", None).await;
    let etag = header(&res, "etag").unwrap().to_owned();
    let again = app.request(Method::GET, "/topics/FISH", None).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(again.status(), 304);
}

#[tokio::test]
async fn a_precompressed_variant_is_sent_when_accepted_and_the_file_as_it_is_otherwise() {
    let dist = Dist::new();
    let app = spawn(&dist).await;
    let cases = [
        // What browsers send: brotli is preferred over gzip when both are equally welcome.
        (ASSET, Some("gzip, deflate, br, zstd"), Some("br"), "br:js"),
        (ASSET, Some("gzip"), Some("gzip"), "gz:js"),
        (ASSET, Some("br;q=0.5, gzip"), Some("gzip"), "gz:js"),
        (ASSET, None, None, "console.log('identity')"),
        (ASSET, Some("identity"), None, "console.log('identity')"),
        (ASSET, Some("br;q=0, gzip;q=0"), None, "console.log('identity')"),
        // Only a .gz was built for the stylesheet.
        ("/assets/index-9e8d7c6b.css", Some("br, gzip"), Some("gzip"), "gz:css"),
        ("/assets/index-9e8d7c6b.css", Some("br"), None, "body{}"),
        // The SPA fallback is negotiated too.
        ("/topics/FISH", Some("br"), Some("br"), "br:index"),
        ("/topics/FISH", None, None, "<!doctype html><title>staff</title>"),
    ];
    for (path, accept, encoding, body) in cases {
        let res = fetch(&app, path, accept).await;
        let case = format!("{path} with Accept-Encoding {accept:?}");
        assert_eq!(res.status(), 200, "{case}");
        assert_eq!(header(&res, "content-encoding"), encoding, "{case}");
        assert_eq!(header(&res, "vary"), Some("accept-encoding"), "{case}");
        let expected_type = if path.ends_with(".css") {
            "text/css"
        } else if path.ends_with(".js") {
            "text/javascript"
        } else {
            "text/html"
        };
        assert!(header(&res, "content-type").unwrap().starts_with(expected_type), "{case}");
        assert_eq!(res.bytes().await.unwrap(), body.as_bytes(), "{case}");
    }
}

#[tokio::test]
async fn source_maps_and_missing_assets_are_404_not_the_spa() {
    let dist = Dist::new();
    let app = spawn(&dist).await;
    // The map exists on disk (an old build may have left one): it is still not served.
    for path in [
        "/assets/index-3f2a1b9c.js.map",
        "/assets/index-0000aaaa.js.map",
        "/index.js.map",
        "/assets/index-0000aaaa.js",
        "/assets/",
    ] {
        problem(fetch(&app, path, Some("br, gzip")).await, 404).await;
    }
    let res = app.request(Method::POST, "/topics/FISH", None).send().await.unwrap();
    problem(res, 405).await;
}

#[tokio::test]
async fn the_api_stays_uncacheable_and_assets_are_not_no_store() {
    let dist = Dist::new();
    let app = spawn(&dist).await;
    let token = app.login(BGD).await;
    let res = app.get("/api/v1/topics", &token).await;
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "cache-control"), Some("no-store"));
    problem(app.get("/api/v1/no-such-thing", &token).await, 404).await;
    let res = fetch(&app, ASSET, Some("br")).await;
    assert!(!header(&res, "cache-control").unwrap().contains("no-store"));
}

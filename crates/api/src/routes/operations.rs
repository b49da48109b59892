//! One registration that both serves handlers and documents them, so an operation can be neither served
//! undocumented nor documented unserved. The path and methods come from the handler's own
//! `#[utoipa::path(...)]` (relative to the scope it is mounted in); `utoipa_actix_web` collects the
//! document from the same `.service(...)` calls that route requests.
//!
//! Handlers with the same path share one actix resource, as hand-written `web::resource(..).route(..)`
//! did: a path that exists answers another method with 405 and `Allow`, and a fixed segment
//! (`/impediments/summary`) keeps every method from reaching a neighbouring `{id}` resource. actix's
//! `#[get]`-style macros would give each handler its own method-guarded resource instead, which turns
//! those 405s into 404s or into a call to the `{id}` handler.

use actix_web::dev::{AppService, HttpServiceFactory};
use actix_web::http::Method;
use actix_web::{web, FromRequest, Handler, Responder, Route};
use utoipa::openapi::path::{HttpMethod, Paths};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::RefOr;
use utoipa_actix_web::OpenApiFactory;

type Schemas = Vec<(String, RefOr<Schema>)>;

/// Documented handlers, grouped into one resource per path in the order first listed.
#[derive(Default)]
pub struct Operations {
    resources: Vec<(String, Vec<Route>)>,
    paths: Paths,
    schemas: Schemas,
}

impl Operations {
    /// Adds `handler`, served and documented as its `#[utoipa::path]` (`doc`, the `__path_` type) says.
    /// Use [`operations!`], which names `doc` from the handler.
    pub fn add<D, F, Args>(mut self, doc: D, handler: F) -> Self
    where
        D: utoipa::Path + OpenApiFactory,
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        let path = D::path();
        let routes = D::methods().into_iter().map(|m| web::method(method(m)).to(handler.clone()));
        match self.resources.iter_mut().find(|(p, _)| *p == path) {
            Some((_, existing)) => existing.extend(routes),
            None => self.resources.push((path, routes.collect())),
        }
        self.paths.merge(doc.paths());
        doc.schemas(&mut self.schemas);
        self
    }
}

fn method(m: HttpMethod) -> Method {
    match m {
        HttpMethod::Get => Method::GET,
        HttpMethod::Post => Method::POST,
        HttpMethod::Put => Method::PUT,
        HttpMethod::Delete => Method::DELETE,
        HttpMethod::Options => Method::OPTIONS,
        HttpMethod::Head => Method::HEAD,
        HttpMethod::Patch => Method::PATCH,
        HttpMethod::Trace => Method::TRACE,
    }
}

impl HttpServiceFactory for Operations {
    fn register(self, config: &mut AppService) {
        for (path, routes) in self.resources {
            routes.into_iter().fold(web::resource(path), actix_web::Resource::route).register(config);
        }
    }
}

impl OpenApiFactory for Operations {
    fn paths(&self) -> Paths {
        self.paths.clone()
    }

    fn schemas(&self, schemas: &mut Schemas) {
        schemas.extend(self.schemas.iter().cloned());
    }
}

/// `operations![list_topics, create_topic, …]`: the handlers (in scope), served and documented together.
macro_rules! operations {
    ($($handler:ident),+ $(,)?) => {
        paste::paste! {
            $crate::routes::operations::Operations::default() $(.add([<__path_ $handler>], $handler))+
        }
    };
}
pub(crate) use operations;

//! The request id of the work in progress, carried in a task-local so audit events and log lines
//! can name it without every service taking it as an argument.

tokio::task_local! {
    static REQUEST_ID: String;
}

/// Runs `fut` with `request_id` as the current request id.
pub async fn with_request_id<F: std::future::Future>(request_id: String, fut: F) -> F::Output {
    REQUEST_ID.scope(request_id, fut).await
}

pub fn current_request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

//! Every request is worked on with no reactive owner left over from another one.
//!
//! Leptos keeps "the current owner" (whose contexts `use_context` reads) in a thread-local, and
//! some of its rendering leaves a page's owner current on the worker thread after its poll. The
//! next task polled on that thread then runs inside that page: leptos_axum's static-file handler
//! creates its owner as a child of it and takes the page's response headers (its
//! Content-Security-Policy, or a `Set-Cookie`) for the picture it serves, and a server function
//! could read the page's contexts. This layer clears the thread's owner before and after every
//! poll of a request's future and of its response body, so nothing crosses from one to another.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::Uri;
use axum::response::Response;
use leptos::prelude::Owner;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The layer, outermost in the router.
#[derive(Clone, Copy, Default)]
pub struct IsolateLayer;

impl<S> tower::Layer<S> for IsolateLayer {
    type Service = Isolate<S>;

    fn layer(&self, inner: S) -> Isolate<S> {
        Isolate(inner)
    }
}

#[derive(Clone)]
pub struct Isolate<S>(S);

impl<S> tower::Service<Request> for Isolate<S>
where
    S: tower::Service<Request, Response = Response>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Isolated<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        alone(|| self.0.poll_ready(cx), None)
    }

    fn call(&mut self, request: Request) -> Isolated<S::Future> {
        let uri = request.uri().clone();
        let inner = alone(|| self.0.call(request), None);
        Isolated { inner: Box::pin(inner), uri }
    }
}

pub struct Isolated<F> {
    inner: Pin<Box<F>>,
    uri: Uri,
}

impl<F, E> Future for Isolated<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        let polled = alone(|| this.inner.as_mut().poll(cx), Some(&this.uri));
        polled.map(|result| {
            result.map(|response| {
                let uri = this.uri.clone();
                response.map(|body| Body::new(IsolatedBody { inner: body, uri }))
            })
        })
    }
}

/// A response body whose every poll is isolated too: a page's HTML streams after its handler
/// has returned.
struct IsolatedBody {
    inner: Body,
    uri: Uri,
}

impl http_body::Body for IsolatedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        let this = &mut *self;
        alone(|| Pin::new(&mut this.inner).poll_frame(cx), Some(&this.uri))
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// Runs `work` with no current owner on this thread, and leaves none behind.
fn alone<T>(work: impl FnOnce() -> T, uri: Option<&Uri>) -> T {
    forget_current_owner(None);
    let value = work();
    forget_current_owner(uri);
    value
}

fn forget_current_owner(left_by: Option<&Uri>) {
    if let Some(owner) = Owner::current() {
        if let Some(uri) = left_by {
            tracing::debug!(%uri, "a reactive owner was left current after a poll: cleared");
        }
        owner.unset();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;
    use axum::response::IntoResponse;
    use leptos::prelude::{provide_context, use_context};
    use tower::{Layer, Service, ServiceExt};

    #[derive(Clone)]
    struct PageHeaders(&'static str);

    /// A page render as leptos does it today: it leaves its owner current on the thread.
    async fn leaky_page(_: Request) -> Result<Response, std::convert::Infallible> {
        let owner = Owner::new_root(None);
        owner.set();
        provide_context(PageHeaders("the page's own policy"));
        std::mem::forget(owner);
        Ok(Response::new(Body::from("<html>")))
    }

    /// What the next request on the thread sees of the reactive context.
    async fn next_request(_: Request) -> Result<Response, std::convert::Infallible> {
        let seen = use_context::<PageHeaders>().map(|h| h.0).unwrap_or("nothing");
        let status = if Owner::current().is_some() { StatusCode::CONFLICT } else { StatusCode::OK };
        Ok((status, seen).into_response())
    }

    fn request() -> Request {
        Request::get("/").body(Body::empty()).unwrap()
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_request_never_runs_inside_an_owner_another_left() {
        let mut page = IsolateLayer.layer(tower::service_fn(leaky_page));
        let response = page.ready().await.unwrap().call(request()).await.unwrap();
        assert!(Owner::current().is_none(), "the page's owner is not left on the thread");
        let _ = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();

        let mut next = IsolateLayer.layer(tower::service_fn(next_request));
        let response = next.ready().await.unwrap().call(request()).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let body = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
        assert_eq!(&body[..], b"nothing");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn without_the_layer_the_next_request_would_see_the_page() {
        // the failure this layer prevents, shown on the same two services
        let _ = tower::service_fn(leaky_page).oneshot(request()).await.unwrap();
        let response = tower::service_fn(next_request).oneshot(request()).await.unwrap();
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let body = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
        assert_eq!(&body[..], b"the page's own policy");
        if let Some(owner) = Owner::current() {
            owner.unset();
        }
    }
}

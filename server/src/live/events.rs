//! `GET /campaigns/{slug}/live?lang=`: the campaign's figures as server-sent events. The first
//! message is sent at once (a page served from the cache may be a moment old), then one after
//! every change; a comment every 20 s keeps proxies from closing a quiet stream. Streams have a
//! budget of their own (`TRAME_LIVE_WATCHERS`), never the requests' (`overload.rs`).

use super::Live;
use app::backend::db::campaigns::public_id;
use app::backend::live::LiveTotals;
use app::domain::Locale;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures_util::stream::{self, Stream};
use serde::Deserialize;
use sqlx::PgPool;
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

#[derive(Clone)]
struct Watch {
    live: Live,
    pool: PgPool,
}

pub fn router<S: Clone + Send + Sync + 'static>(live: Live, pool: PgPool) -> Router<S> {
    Router::new().route("/campaigns/{slug}/live", get(campaign_events)).with_state(Watch { live, pool })
}

#[derive(Deserialize)]
struct Lang {
    lang: Option<String>,
}

async fn campaign_events(State(watch): State<Watch>, Path(slug): Path<String>, Query(lang): Query<Lang>) -> Response {
    let locale = lang.lang.as_deref().and_then(Locale::from_tag).unwrap_or_default();
    let Some(place) = watch.live.watcher_place() else {
        tracing::warn!("live: every stream place is taken");
        return (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "10")]).into_response();
    };
    let first = match first_message(&watch.pool, &slug, locale).await {
        Ok(Some(first)) => first,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::warn!(error = ?e, slug, "live: cannot read the totals");
            return (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "5")]).into_response();
        }
    };
    let (campaign, first) = first;
    let updates = watch.live.subscribe();
    let live = watch.live.clone();
    // the stream: the first message, then the campaign's updates until the server stops
    let messages =
        stream::unfold((Some(first), updates, live, place), move |(first, mut updates, live, place)| async move {
            if let Some(first) = first {
                return Some((Ok(Event::default().data(first)), (None, updates, live, place)));
            }
            loop {
                let update = tokio::select! {
                    () = live.stopped() => return None,
                    update = updates.recv() => update,
                };
                match update {
                    Ok(update) if update.campaign == campaign => {
                        let message = update.message(locale).unwrap_or_default().to_owned();
                        return Some((Ok(Event::default().data(message)), (None, updates, live, place)));
                    }
                    Ok(_) => continue,
                    // a slow reader missed some: the next message is a whole snapshot anyway
                    Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return None,
                }
            }
        });
    sse(messages)
}

fn sse(messages: impl Stream<Item = Result<Event, Infallible>> + Send + 'static) -> Response {
    let mut response =
        Sse::new(messages).keep_alive(KeepAlive::new().interval(Duration::from_secs(20))).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // nginx and the like: pass each message on at once
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
}

async fn first_message(
    pool: &PgPool,
    slug: &str,
    locale: Locale,
) -> Result<Option<(app::domain::CampaignId, String)>, app::error::AppError> {
    let mut db = pool.acquire().await?;
    let Some(id) = public_id(&mut db, slug).await? else { return Ok(None) };
    Ok(LiveTotals::load(&mut db, id).await?.map(|totals| (id, totals.message(locale))))
}

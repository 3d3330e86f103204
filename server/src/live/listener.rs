//! One LISTEN per server process on `campaign_changed` (payload `"<campaign_id> <slug>"`).

use super::Live;
use app::domain::CampaignId;
use sqlx::postgres::PgListener;
use sqlx::PgPool;
use std::collections::BTreeMap;
use std::time::Duration;

pub const CHANNEL: &str = "campaign_changed";

pub(super) async fn run(live: Live, pool: PgPool) {
    loop {
        tokio::select! {
            () = live.stopped() => return,
            () = listen(&live, &pool) => {}
        }
        // the connection could not be made or was lost for good: try again in a moment
        tokio::select! {
            () = live.stopped() => return,
            () = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
    }
}

/// Listens until the connection fails; returns to be restarted.
async fn listen(live: &Live, pool: &PgPool) {
    let mut listener = match PgListener::connect_with(pool).await {
        Ok(listener) => listener,
        Err(e) => return tracing::warn!(error = %e, "live: cannot connect to listen"),
    };
    if let Err(e) = listener.listen(CHANNEL).await {
        return tracing::warn!(error = %e, "live: cannot listen");
    }
    // changes made while nobody listened are unknown: every cached page may be stale
    live.cache().clear();
    live.set_listening(true);
    loop {
        match listener.try_recv().await {
            Ok(Some(first)) => {
                // a burst (a rush of pledges) is handled once per campaign
                let mut changed = BTreeMap::new();
                let mut next = Some(first);
                while let Some(notification) = next {
                    if let Some((id, slug)) = parse(notification.payload()) {
                        changed.insert(id, slug.to_owned());
                    }
                    next = listener.next_buffered();
                }
                for (id, slug) in changed {
                    live.changed(pool, CampaignId(id), &slug).await;
                }
            }
            // the connection dropped: notifications may have been missed meanwhile; nothing is
            // cached until a new LISTEN is in place (`run` makes it)
            Ok(None) => {
                live.set_listening(false);
                live.cache().clear();
                return tracing::warn!("live: listening connection lost; reconnecting");
            }
            Err(e) => {
                live.set_listening(false);
                live.cache().clear();
                return tracing::warn!(error = %e, "live: listening failed");
            }
        }
    }
}

fn parse(payload: &str) -> Option<(i64, &str)> {
    let (id, slug) = payload.split_once(' ')?;
    Some((id.parse().ok()?, slug))
}

#[cfg(test)]
mod tests {
    #[test]
    fn payloads_parse() {
        assert_eq!(super::parse("42 fil-rouge-geneve"), Some((42, "fil-rouge-geneve")));
        assert_eq!(super::parse("42 "), Some((42, "")));
        assert_eq!(super::parse("x y"), None);
        assert_eq!(super::parse("42"), None);
    }
}

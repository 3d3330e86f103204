//! Live campaign pages. Every change to what a campaign page shows is announced by PostgreSQL
//! on `campaign_changed` (triggers, see the migration). Each server process LISTENs once
//! (listener.rs): it drops its cached copies of the page (cache.rs) and sends the new figures,
//! read once and worded once per language, to every browser watching (events.rs).

pub mod cache;
pub mod events;
mod listener;

use app::backend::campaign_pages::CampaignPages;
use app::backend::live::LiveTotals;
use app::domain::{CampaignId, Locale};
use cache::PageCache;
use sqlx::PgPool;
use std::sync::Arc;
use tokio::sync::{broadcast, OwnedSemaphorePermit, Semaphore};
use tokio_util::sync::CancellationToken;

/// The live state of one server process.
#[derive(Clone)]
pub struct Live {
    inner: Arc<Inner>,
}

struct Inner {
    cache: PageCache,
    /// What campaign pages show (the app reads it; kept while listening).
    pages: Arc<CampaignPages>,
    updates: broadcast::Sender<Arc<Update>>,
    /// Places for open event streams: their own budget, apart from the requests'.
    watchers: Arc<Semaphore>,
    stop: CancellationToken,
    /// True once the first LISTEN is in place.
    listening: tokio::sync::watch::Sender<bool>,
}

/// A campaign's new figures, as stream messages in each language (`Locale::ALL` order).
pub struct Update {
    pub campaign: CampaignId,
    messages: Vec<String>,
}

impl Update {
    pub fn message(&self, locale: Locale) -> Option<&str> {
        let index = Locale::ALL.iter().position(|l| *l == locale)?;
        self.messages.get(index).map(String::as_str)
    }
}

impl Live {
    /// At most `max_watchers` event streams open at once; `cache` says whether anonymous
    /// campaign pages are kept.
    pub fn new(max_watchers: usize, cache: bool, pages: Arc<CampaignPages>) -> Live {
        let (updates, _) = broadcast::channel(256);
        Live {
            inner: Arc::new(Inner {
                cache: PageCache::new(cache),
                pages,
                updates,
                watchers: Arc::new(Semaphore::new(max_watchers)),
                stop: CancellationToken::new(),
                listening: tokio::sync::watch::channel(false).0,
            }),
        }
    }

    pub fn cache(&self) -> &PageCache {
        &self.inner.cache
    }

    /// Listens to PostgreSQL until `stop`; returns once listening (or after `wait`, with a
    /// warning: pages are then not cached until the LISTEN is in place), so that no page is
    /// cached before a change to it can be heard.
    pub async fn start(&self, pool: PgPool, wait: std::time::Duration) -> tokio::task::JoinHandle<()> {
        let mut listening = self.inner.listening.subscribe();
        let task = tokio::spawn(listener::run(self.clone(), pool));
        if tokio::time::timeout(wait, listening.wait_for(|l| *l)).await.is_err() {
            tracing::warn!("live: not listening yet; campaign pages are served uncached until then");
        }
        task
    }

    /// Whether changes are heard (the cache keeps pages only then).
    pub fn is_listening(&self) -> bool {
        *self.inner.listening.borrow()
    }

    fn set_listening(&self, listening: bool) {
        self.inner.pages.set_listening(listening);
        self.inner.listening.send_replace(listening);
    }

    /// Ends the listener and every open event stream (at shutdown: they never end otherwise).
    pub fn stop(&self) {
        self.inner.stop.cancel();
    }

    fn stopped(&self) -> tokio_util::sync::WaitForCancellationFuture<'_> {
        self.inner.stop.cancelled()
    }

    fn watcher_place(&self) -> Option<OwnedSemaphorePermit> {
        self.inner.watchers.clone().try_acquire_owned().ok()
    }

    fn subscribe(&self) -> broadcast::Receiver<Arc<Update>> {
        self.inner.updates.subscribe()
    }

    /// After a change: the cached pages go, and watchers (if any) get the new figures.
    async fn changed(&self, pool: &PgPool, campaign: CampaignId, slug: &str) {
        // the data first: a page rendered meanwhile from the old data goes with the old copies
        self.inner.pages.invalidate(slug);
        self.inner.cache.invalidate(slug);
        if self.inner.updates.receiver_count() == 0 {
            return;
        }
        let totals = match pool.acquire().await {
            Ok(mut db) => LiveTotals::load(&mut db, campaign).await,
            Err(e) => Err(e.into()),
        };
        match totals {
            Ok(Some(totals)) => {
                let update = Update { campaign, messages: totals.messages() };
                let _ = self.inner.updates.send(Arc::new(update));
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(error = ?e, campaign = campaign.0, "cannot read the live totals"),
        }
    }
}

//! What a campaign page shows, read from PostgreSQL once per campaign and language and kept in
//! this process until the campaign changes. The page is the same for every visitor (nothing in
//! it depends on who reads: backers-only updates keep their bodies out for everyone), so a
//! signed-in visitor, whose page is rendered for them and never cached whole, still costs no
//! query during a rush. The server's listener (`server/src/live`) forgets a campaign when
//! PostgreSQL announces a change to it (`campaign_changed`), and everything while it is not
//! listening: then every page is read afresh.

use super::db;
use crate::domain::views::CampaignPage;
use crate::domain::Locale;
use crate::error::AppError;
use chrono::Utc;
use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::OnceCell;

type Slot = Arc<OnceCell<Arc<CampaignPage>>>;

/// The campaign pages' data of one server process.
pub struct CampaignPages {
    enabled: bool,
    /// Set by the listener while changes are heard.
    listening: AtomicBool,
    slots: Mutex<HashMap<(String, Locale), Slot>>,
}

impl CampaignPages {
    /// `enabled: false` reads every page from the database (`TRAME_DATA_CACHE`).
    pub fn new(enabled: bool) -> CampaignPages {
        CampaignPages { enabled, listening: AtomicBool::new(false), slots: Mutex::new(HashMap::new()) }
    }

    /// The page of the campaign at `slug` in `lang` (`NotFound` for unknown or unpublished
    /// campaigns). One request reads a missing page while the others for it wait for that read.
    pub async fn get(&self, pool: &PgPool, slug: &str, lang: Locale) -> Result<CampaignPage, AppError> {
        let read = || async {
            let mut db = pool.acquire().await?;
            db::campaigns::campaign_page(&mut db, slug, lang).await
        };
        if !self.enabled || !self.listening.load(Ordering::Acquire) {
            return read().await;
        }
        let key = (slug.to_owned(), lang);
        let slot = self.lock().entry(key.clone()).or_default().clone();
        match slot.get_or_try_init(|| async { read().await.map(Arc::new) }).await {
            Ok(page) => {
                let mut page = CampaignPage::clone(page);
                page.server_now = Utc::now();
                Ok(page)
            }
            Err(e) => {
                // an address that leads nowhere takes no room
                let mut slots = self.lock();
                if slots.get(&key).is_some_and(|kept| Arc::ptr_eq(kept, &slot) && kept.get().is_none()) {
                    slots.remove(&key);
                }
                Err(e)
            }
        }
    }

    /// Whether changes are heard; when not, everything kept is forgotten and nothing is kept.
    pub fn set_listening(&self, listening: bool) {
        self.listening.store(listening, Ordering::Release);
        self.clear();
    }

    /// Forgets the campaign's page in every language.
    pub fn invalidate(&self, slug: &str) {
        self.lock().retain(|(kept, _), _| kept != slug);
    }

    /// Forgets every page.
    pub fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(String, Locale), Slot>> {
        self.slots.lock().unwrap_or_else(|e| e.into_inner())
    }
}

//! Translations of a campaign's texts in the studio (owners and editors): one form per part,
//! each saved on its own; an empty form removes the translation.

use crate::domain::{CampaignTexts, FaqTexts, RewardTexts, TranslationsEditor};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use super::super::server::{done, invalid, team_tx};
    pub use crate::backend::db::studio::translations;
    pub use crate::backend::{auth, state, with_status};
    pub use crate::domain::{CampaignId, Locale, MemberRole};
    pub use crate::error::AppError;
    pub use crate::i18n::Key;
    pub use crate::paths;

    pub fn language(lang: &str) -> Result<Locale, AppError> {
        Locale::ALL
            .into_iter()
            .find(|l| l.code() == lang.trim())
            .ok_or(AppError::invalid("lang", Key::InvalidInputText))
    }

    /// The page again, at the part just saved.
    pub fn back(id: CampaignId, lang: Locale, part: &str) -> String {
        format!("{}#{part}", paths::studio_translations(id, lang))
    }
}

#[server(endpoint = "studio/translations")]
pub async fn load_translations(campaign: i64, lang: String) -> Result<TranslationsEditor, AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            auth::require_member(id, MemberRole::Editor).await?;
            // an unknown language shows the first one there is to translate into
            let lang = language(&lang).unwrap_or(Locale::En);
            translations::editor(&mut *state()?.pool.acquire().await?, id, lang).await
        }
        .await,
    )
}

#[server(endpoint = "studio/translation/campaign")]
pub async fn save_campaign_translation(campaign: i64, lang: String, form: CampaignTexts) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let lang = language(&lang)?;
            let texts = form.parse().map_err(invalid);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            translations::save_campaign(&mut tx, id, lang, &texts?).await?;
            done(tx, &back(id, lang, "campaign-texts"), "saved").await
        }
        .await,
    )
}

#[server(endpoint = "studio/translation/reward")]
pub async fn save_reward_translation(
    campaign: i64,
    lang: String,
    tier: i64,
    form: RewardTexts,
) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let lang = language(&lang)?;
            let texts = form.parse().map_err(invalid);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            translations::save_reward(&mut tx, id, lang, tier, &texts?).await?;
            done(tx, &back(id, lang, &format!("reward-texts-{tier}")), "saved").await
        }
        .await,
    )
}

#[server(endpoint = "studio/translation/faq")]
pub async fn save_faq_translation(campaign: i64, lang: String, entry: i64, form: FaqTexts) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let lang = language(&lang)?;
            let texts = form.parse().map_err(invalid);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            translations::save_faq(&mut tx, id, lang, entry, &texts?).await?;
            done(tx, &back(id, lang, &format!("faq-texts-{entry}")), "saved").await
        }
        .await,
    )
}

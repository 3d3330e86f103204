//! The demo campaign's texts in English and German, as its team would write them in the
//! studio's translations tab: the title and summary (the story stays in French, so the page
//! shows how an untranslated field falls back to the original).

use super::*;

const TRANSLATIONS: &[(&str, &str, &str)] = &[
    (
        "en",
        "Fil Rouge — sustainable fashion from Geneva",
        "Six Geneva designers open a shared workshop for sustainable fashion: local sourcing, zero waste and repair. Back them and take home an item, a workshop, a guided route or a meet-up.",
    ),
    (
        "de",
        "Fil Rouge — nachhaltige Mode aus Genf",
        "Sechs Genfer Designer:innen eröffnen eine gemeinsame Werkstatt für nachhaltige Mode: kurze Wege, kein Abfall und Reparatur. Unterstützen Sie sie und erhalten Sie ein Objekt, einen Workshop, einen Rundgang oder eine Begegnung.",
    ),
];

pub(super) async fn insert_translations(tx: &mut Transaction<'_, Postgres>, campaign: i64) -> Result<(), sqlx::Error> {
    for (locale, title, summary) in TRANSLATIONS {
        sqlx::query("insert into campaign_translation (campaign_id, locale, title, summary) values ($1, $2, $3, $4)")
            .bind(campaign)
            .bind(locale)
            .bind(title)
            .bind(summary)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

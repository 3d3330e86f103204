//! The backers export: one CSV row per pledge (UTF-8 with a byte-order mark, so spreadsheets
//! read the accents), written with the `csv` crate. A cell a spreadsheet would run as a formula
//! (`=`, `+`, `-`, `@`, a tab or a carriage return first) is written with a `'` in front, so a
//! backer named `=HYPERLINK(...)` stays a name.

use super::db::studio::dashboard::{self, ExportRow};
use super::{auth, AppState};
use crate::domain::{to_zurich, CampaignId, MemberRole};
use crate::error::AppError;
use crate::i18n::{I18n, Key};
use std::borrow::Cow;
use tower_sessions::Session;

/// The cell as written: formulas neutralised.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Column headings, in the reader's language.
const HEADINGS: [Key; 15] = [
    Key::ExportPledge,
    Key::ExportBacker,
    Key::ExportEmail,
    Key::Rewards,
    Key::SlotsTitle,
    Key::PickupPointsTitle,
    Key::ExportQuantity,
    Key::ExportAnswers,
    Key::ExportRewardAmount,
    Key::ExportExtraAmount,
    Key::ExportTotal,
    Key::CurrencyLabel,
    Key::ExportStatus,
    Key::ExportFulfilment,
    Key::ExportDate,
];

/// The CSV of `rows`.
pub fn backers_csv(rows: &[ExportRow], i18n: I18n) -> Result<Vec<u8>, AppError> {
    let failed = |e: csv::Error| AppError::internal("csv", &e);
    let mut out = csv::Writer::from_writer("\u{feff}".as_bytes().to_vec());
    out.write_record(HEADINGS.iter().map(|k| i18n.t(*k))).map_err(failed)?;
    let time = |t: chrono::DateTime<chrono::Utc>| to_zurich(t).format("%Y-%m-%d %H:%M").to_string();
    for r in rows {
        let fulfilment = match r.fulfilled_at {
            Some(at) => format!("{} {}", i18n.t(Key::Fulfilled), time(at)),
            None => i18n.t(Key::NotFulfilled).to_owned(),
        };
        let cells = [
            r.pledge.to_string(),
            r.name.clone(),
            r.email.clone(),
            r.reward.clone().unwrap_or_default(),
            r.slot.map(time).unwrap_or_default(),
            r.pickup_point.clone().unwrap_or_default(),
            r.quantity.to_string(),
            r.answers.clone(),
            r.reward_amount.to_string(),
            r.extra_amount.to_string(),
            r.total_amount.to_string(),
            r.currency.clone(),
            i18n.label(r.status).to_owned(),
            fulfilment,
            time(r.created_at),
        ];
        out.write_record(cells.iter().map(|c| neutralise(c).into_owned())).map_err(failed)?;
    }
    out.into_inner().map_err(|e| AppError::internal("csv", &e.into_error()))
}

/// The export of a campaign for the signed-in owner (or an admin) of this session: the file's
/// name and its bytes.
pub async fn for_owner(
    state: &AppState,
    session: &Session,
    campaign: CampaignId,
    i18n: I18n,
) -> Result<(String, Vec<u8>), AppError> {
    let user = auth::load_user(state, session).await?.ok_or(AppError::Unauthorized)?;
    auth::member_of(state, &user, campaign, MemberRole::Owner).await?;
    let mut db = state.pool.acquire().await?;
    let slug = super::db::campaigns::slug_of(&mut db, campaign).await?;
    let rows = dashboard::export(&mut db, campaign).await?;
    Ok((format!("{slug}-backers.csv"), backers_csv(&rows, i18n)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_not() {
        assert_eq!(neutralise(r#"=HYPERLINK("http://x","y")"#), r#"'=HYPERLINK("http://x","y")"#);
        for risky in ["+41 22", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralise(risky).starts_with('\''), "{risky:?}");
        }
        assert_eq!(neutralise("Léa Bron"), "Léa Bron");
        assert_eq!(neutralise("95.00"), "95.00");
    }
}

//! What a backer brings to a time slot: a calendar file (`.ics`, RFC 5545) and the check-in QR
//! code, drawn as SVG on the server by the `qrcode` crate. The code links to the pledge's
//! check-in page; only the campaign's team can check anyone in there.

use super::db::pledges;
use super::{auth, AppState};
use crate::domain::views::PledgeView;
use crate::domain::PledgeId;
use crate::error::AppError;
use crate::paths;
use chrono::{DateTime, Utc};
use tower_sessions::Session;

/// The check-in link's QR code, as an SVG element.
pub fn qr_svg(link: &str) -> Result<String, AppError> {
    let code = qrcode::QrCode::with_error_correction_level(link.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| AppError::internal("qr code", &e))?;
    let svg = code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).quiet_zone(true).build();
    // the element only, for inline HTML (without the XML declaration in front)
    Ok(svg.find("<svg").map(|at| svg[at..].to_owned()).unwrap_or(svg))
}

/// Text escaped for an iCalendar value (backslash, comma, semicolon, line breaks).
fn ics_text(value: &str) -> String {
    value.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace("\r\n", "\\n").replace('\n', "\\n")
}

fn ics_time(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The calendar file of a pledge's time slot; `None` when it has no slot.
pub fn calendar(pledge: &PledgeView, page: &str, now: DateTime<Utc>) -> Option<String> {
    let (starts, ends) = pledge.slot?;
    let title = format!("{} — {}", pledge.reward_title.clone().unwrap_or_default(), pledge.campaign_title);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Trame//Pledges//FR".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:pledge-{}-slot@trame", pledge.id),
        format!("DTSTAMP:{}", ics_time(now)),
        format!("DTSTART:{}", ics_time(starts)),
        format!("DTEND:{}", ics_time(ends)),
        format!("SUMMARY:{}", ics_text(&title)),
        format!("URL:{page}"),
    ];
    if let Some(place) = &pledge.slot_location {
        lines.push(format!("LOCATION:{}", ics_text(place)));
    }
    lines.extend(["END:VEVENT".to_owned(), "END:VCALENDAR".to_owned()]);
    Some(lines.join("\r\n") + "\r\n")
}

/// The calendar file of the signed-in backer's pledge: the file's name and its text.
pub async fn calendar_for_backer(
    state: &AppState,
    session: &Session,
    pledge: PledgeId,
) -> Result<(String, String), AppError> {
    let user = auth::load_user(state, session).await?.ok_or(AppError::Unauthorized)?;
    let view = pledges::view(&mut *state.pool.acquire().await?, pledge, user.id).await?;
    let page = state.settings.links.absolute(&paths::pledge(pledge));
    let ics = calendar(&view, &page, Utc::now()).ok_or(AppError::NotFound)?;
    Ok((format!("trame-{}.ics", pledge), ics))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_text_is_escaped_and_a_qr_code_is_an_svg() {
        assert_eq!(ics_text("Atelier; couture, lin\nCarouge"), "Atelier\\; couture\\, lin\\nCarouge");
        let svg = qr_svg("https://trame.example/check-in/0b0c2d6e-1f1e-4a6f-9f43-1d5e2f3a4b5c").unwrap();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{svg}");
    }
}

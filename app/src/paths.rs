//! The one place that builds our URLs: pages, redirects and emails all take their links from
//! here, so a route changes in one place.

use crate::domain::{PledgeId, RewardTierId};

/// `/campaigns/{slug}`.
pub fn campaign(slug: &str) -> String {
    format!("/campaigns/{slug}")
}

/// The pledge form of a campaign: for a reward (`tier`), or to change a pledge (`edit`).
pub fn pledge_form(slug: &str, tier: Option<RewardTierId>, edit: Option<PledgeId>) -> String {
    match (edit, tier) {
        (None, None) => format!("/campaigns/{slug}/pledge"),
        (None, Some(t)) => format!("/campaigns/{slug}/pledge?tier={t}"),
        (Some(p), None) => format!("/campaigns/{slug}/pledge?edit={p}"),
        (Some(p), Some(t)) => format!("/campaigns/{slug}/pledge?edit={p}&tier={t}"),
    }
}

/// Where the backer enters a card or authenticates a payment.
pub fn pay(pledge: PledgeId) -> String {
    format!("/pledges/{pledge}/pay")
}

/// A pledge's status as its backer sees it.
pub fn pledge(pledge: PledgeId) -> String {
    format!("/pledges/{pledge}")
}

pub fn receipt(pledge: PledgeId) -> String {
    format!("/pledges/{pledge}/receipt")
}

pub const MY_PLEDGES: &str = "/me/pledges";
pub const STUDIO: &str = "/studio";
pub const STUDIO_NEW: &str = "/studio/new";

/// A campaign's editor in the studio.
pub fn studio_campaign(campaign: crate::domain::CampaignId) -> String {
    format!("/studio/campaigns/{campaign}")
}

/// A campaign's rewards in the studio.
pub fn studio_rewards(campaign: crate::domain::CampaignId) -> String {
    format!("/studio/campaigns/{campaign}/rewards")
}

/// The editor of one reward, or of a new one (`None`).
pub fn studio_reward(campaign: crate::domain::CampaignId, tier: Option<RewardTierId>) -> String {
    match tier {
        Some(tier) => format!("/studio/campaigns/{campaign}/rewards/{tier}"),
        None => format!("/studio/campaigns/{campaign}/rewards/new"),
    }
}

/// A campaign's dashboard: figures, the money, the backers.
pub fn studio_dashboard(campaign: crate::domain::CampaignId) -> String {
    format!("/studio/campaigns/{campaign}/dashboard")
}

/// The backers export (CSV), a plain download served by the server crate.
pub fn studio_export(campaign: crate::domain::CampaignId) -> String {
    format!("/studio/campaigns/{campaign}/backers.csv")
}

/// A campaign's updates in the studio.
pub fn studio_updates(campaign: crate::domain::CampaignId) -> String {
    format!("/studio/campaigns/{campaign}/updates")
}

/// A campaign's team in the studio.
pub fn studio_team(campaign: crate::domain::CampaignId) -> String {
    format!("/studio/campaigns/{campaign}/team")
}

/// A campaign's translations in the studio, in one language.
pub fn studio_translations(campaign: crate::domain::CampaignId, locale: crate::domain::Locale) -> String {
    format!("/studio/campaigns/{campaign}/translations?lang={}", locale.code())
}

/// A campaign's needs and the help offered, in the studio.
pub fn studio_designers(campaign: crate::domain::CampaignId) -> String {
    format!("/studio/campaigns/{campaign}/designers")
}

/// Where a designer's portrait is uploaded (multipart, `server/src/uploads.rs`).
pub fn designer_photo(campaign: crate::domain::CampaignId, designer: i64) -> String {
    format!("/studio/campaigns/{campaign}/designers/{designer}/photo")
}

/// A designer's public page.
pub fn designer(slug: &str) -> String {
    format!("/designers/{slug}")
}

/// The link in an invitation to claim a designer's profile.
pub fn designer_claim(token: &str) -> String {
    format!("/designer-invites/{token}")
}

/// The profile a designer claimed, which they edit.
pub const MY_DESIGNER: &str = "/me/designer";

/// Where a designer uploads their own portrait (multipart, `server/src/uploads.rs`).
pub const MY_DESIGNER_PHOTO: &str = "/me/designer/photo";

pub fn studio_needs(campaign: crate::domain::CampaignId) -> String {
    format!("/studio/campaigns/{campaign}/needs")
}

/// Where someone offers help against a need.
pub fn offer_help(slug: &str, need: i64) -> String {
    format!("/campaigns/{slug}/needs/{need}/help")
}

/// Partners: the sign-up (`partners_join` for a campaign), one's applications, the admins' list.
pub const PARTNERS_JOIN: &str = "/partners/join";
pub const MY_PARTNERS: &str = "/me/partners";
pub const ADMIN_PARTNERS: &str = "/admin/partners";

pub fn partners_join(slug: &str) -> String {
    format!("/partners/join?campaign={slug}")
}

/// Where a partner's logo is uploaded (multipart).
/// The page where a partner saves the card of an accepted match fund.
pub fn fund_card(fund: i64) -> String {
    format!("/me/funds/{fund}/card")
}

pub fn partner_logo(partner: i64) -> String {
    format!("/me/partners/{partner}/logo")
}

/// A campaign's partner applications, in the studio.
pub fn studio_partners(campaign: crate::domain::CampaignId) -> String {
    format!("/studio/campaigns/{campaign}/partners")
}

/// The help one has offered.
pub const MY_HELP: &str = "/me/help";

/// The link in a team invitation.
pub fn invite(token: &str) -> String {
    format!("/invites/{token}")
}

/// One update's public page (where its email links).
pub fn campaign_update(slug: &str, update: i64) -> String {
    format!("/campaigns/{slug}/updates/{update}")
}

/// The check-in link a backer's QR code carries.
pub fn check_in(token: &str) -> String {
    format!("/check-in/{token}")
}

/// The calendar file of a pledge's time slot.
pub fn calendar(pledge: PledgeId) -> String {
    format!("/pledges/{pledge}/calendar.ics")
}

/// The admins' review queue.
pub const ADMIN_REVIEW: &str = "/admin/review";
pub const ACCOUNT: &str = "/account";
pub const FORGOT_PASSWORD: &str = "/forgot-password";

/// Where a form that stays on its page sends the browser after success: the page again, with
/// `?done=` naming what was done (it shows the notice; works the same with or without
/// JavaScript, since the server answers every form with a redirect). A `#fragment` of `path`
/// stays last, where browsers read it.
pub fn done(path: &str, what: &str) -> String {
    let (page, fragment) = path.split_once('#').map_or((path, None), |(p, f)| (p, Some(f)));
    let join = if page.contains('?') { '&' } else { '?' };
    match fragment {
        Some(fragment) => format!("{page}{join}done={what}#{fragment}"),
        None => format!("{page}{join}done={what}"),
    }
}

/// The address of the page shown, from the router's path and query (the router gives the query
/// without its `?` on the server, with it in the browser).
pub fn here(path: &str, search: &str) -> String {
    match search.trim_start_matches('?') {
        "" => path.to_owned(),
        query => format!("{path}?{query}"),
    }
}

/// The link in the verification email.
pub fn verify_email(token: &str) -> String {
    format!("/verify-email?token={token}")
}

pub fn reset_password(token: &str) -> String {
    format!("/reset-password?token={token}")
}

/// Absolute links for emails: the site's public address in front of our paths.
#[derive(Debug, Clone)]
pub struct Links {
    public_url: String,
}

impl Links {
    pub fn new(public_url: &str) -> Links {
        Links { public_url: public_url.trim_end_matches('/').to_owned() }
    }

    /// `https://trame.ch` + `path`.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }

    /// The site's home page.
    pub fn home(&self) -> String {
        self.absolute("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_links() {
        assert_eq!(
            pledge_form("fil-rouge", Some(RewardTierId(3)), Some(PledgeId(9))),
            "/campaigns/fil-rouge/pledge?edit=9&tier=3"
        );
        assert_eq!(pay(PledgeId(42)), "/pledges/42/pay");
        assert_eq!(
            Links::new("https://trame.ch/").absolute(&receipt(PledgeId(7))),
            "https://trame.ch/pledges/7/receipt"
        );
        assert_eq!(done("/studio#faq", "saved"), "/studio?done=saved#faq");
        assert_eq!(done("/t?lang=en#x", "saved"), "/t?lang=en&done=saved#x");
        assert_eq!(done("/t?lang=en", "saved"), "/t?lang=en&done=saved");
        assert_eq!(here("/partners/join", "campaign=x"), "/partners/join?campaign=x");
        assert_eq!(here("/partners/join", "?campaign=x"), "/partners/join?campaign=x");
        assert_eq!(here("/studio", ""), "/studio");
    }
}
